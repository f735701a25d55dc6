import { CfnOutput, Stack, type StackProps, Validations } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { Alarms } from "./alarms.js";
import { Data, Network } from "./data.js";
import { RestartOnRotation } from "./restart.js";
import { Service } from "./service.js";
import type { DukaSettings } from "./settings.js";

/** One production Duka: network, database, bucket, secrets, the service behind its load balancer, and alarms. */
export class DukaStack extends Stack {
  readonly network: Network;
  readonly data: Data;
  readonly service: Service;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: StackProps & { settings: DukaSettings }) {
    super(scope, id, {
      description: "Duka: the shop's notebook (VPC, RDS PostgreSQL, S3, ECS Fargate, ALB)",
      ...props,
    });
    const { settings } = props;
    this.network = new Network(this, "Network", { natGateways: settings.natGateways });
    this.data = new Data(this, "Data", { vpc: this.network.vpc, settings });
    this.service = new Service(this, "Service", { vpc: this.network.vpc, data: this.data, settings });
    this.alarms = new Alarms(this, "Alarms", {
      service: this.service,
      database: this.data.database,
      key: this.data.key,
      email: settings.alarmEmail,
      dbConnectionsAlarm: settings.dbConnectionsAlarm,
    });

    new RestartOnRotation(this, "RestartOnRotation", {
      secret: this.data.ownerSecret,
      service: this.service.fargate.service,
      key: this.data.key,
    });

    // CDK's log-retention function (for RDS's log exports) sits at the stack's root.
    for (const child of this.node.children.filter((c) => c.node.id.startsWith("LogRetention"))) {
      Validations.of(child).acknowledge(
        {
          id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
          reason: "CDK's log-retention function writes only its own logs, with AWS's basic Lambda policy.",
        },
        {
          id: "AwsSolutions-IAM5[Resource::*]",
          reason: "CDK's log-retention function sets the retention of log groups whose names RDS chooses.",
        },
      );
    }

    const { fargate, cluster } = this.service;
    new CfnOutput(this, "Url", { value: `https://${settings.domain}` });
    new CfnOutput(this, "LoadBalancerDns", {
      value: fargate.loadBalancer.loadBalancerDnsName,
      description: `Point ${settings.domain} here (a CNAME, or a Route 53 alias)`,
    });
    new CfnOutput(this, "ClusterName", { value: cluster.clusterName });
    new CfnOutput(this, "ServiceName", { value: fargate.service.serviceName });
    new CfnOutput(this, "TaskDefinition", { value: fargate.taskDefinition.family });
    new CfnOutput(this, "Bucket", { value: this.data.bucket.bucketName });
    new CfnOutput(this, "DatabaseInstance", { value: this.data.database.instanceIdentifier });
    new CfnOutput(this, "MasterKeySecret", { value: this.data.masterKey.secretArn });
  }
}
