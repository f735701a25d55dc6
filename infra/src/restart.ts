import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import type * as ecs from "aws-cdk-lib/aws-ecs";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import { Construct } from "constructs";

/**
 * The tasks read the owner's password when they start; after Secrets Manager rotates it, they are
 * replaced (a rolling deployment), so the next daily backup logs in with the new one. No code runs
 * here: EventBridge matches the rotation, Step Functions calls ecs:UpdateService.
 */
export class RestartOnRotation extends Construct {
  readonly rule: events.Rule;

  constructor(
    scope: Construct,
    id: string,
    props: { secret: secretsmanager.ISecret; service: ecs.FargateService; key: kms.IKey },
  ) {
    super(scope, id);
    const { service } = props;
    const replaceTasks = new tasks.CallAwsService(this, "ForceNewDeployment", {
      service: "ecs",
      action: "updateService",
      parameters: { Cluster: service.cluster.clusterArn, Service: service.serviceArn, ForceNewDeployment: true },
      iamAction: "ecs:UpdateService",
      iamResources: [service.serviceArn],
    });
    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.THREE_MONTHS,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const machine = new sfn.StateMachine(this, "Machine", {
      definitionBody: sfn.DefinitionBody.fromChainable(replaceTasks),
      timeout: Duration.minutes(5),
      logs: { destination: logGroup, level: sfn.LogLevel.ALL },
      tracingEnabled: true,
    });
    Validations.of(machine).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "Step Functions' log delivery and X-Ray tracing actions take no resource; the only other action is ecs:UpdateService on this service.",
    });
    this.rule = new events.Rule(this, "Rule", {
      description: "Duka: replace the tasks after the database owner's password is rotated",
      eventPattern: {
        source: ["aws.secretsmanager"],
        detailType: ["AWS Service Event via CloudTrail"],
        detail: {
          eventSource: ["secretsmanager.amazonaws.com"],
          eventName: ["RotationSucceeded"],
          additionalEventData: { SecretId: [props.secret.secretArn] },
        },
      },
      targets: [new targets.SfnStateMachine(machine)],
    });
  }
}
