import path from "node:path";
import { Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as ecr from "aws-cdk-lib/aws-ecr";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as patterns from "aws-cdk-lib/aws-ecs-patterns";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { APP_LOGIN, type Data, OWNER_LOGIN } from "./data.js";
import type { DukaSettings } from "./settings.js";

/** The repository's root, where the Dockerfile is. */
export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, "../..");

/** How long a stopping task gets: the server drains in SHUTDOWN_SECONDS, ECS kills it after STOP_TIMEOUT. */
export const SHUTDOWN_SECONDS = 45;
export const STOP_TIMEOUT = Duration.seconds(60);
export const CONTAINER_PORT = 3000;

/**
 * Duka's server on ECS Fargate behind an Application Load Balancer: HTTPS only, /readyz checked,
 * at least one task per zone, scaled on CPU and requests, a failed release rolled back.
 */
export class Service extends Construct {
  readonly cluster: ecs.Cluster;
  readonly fargate: patterns.ApplicationLoadBalancedFargateService;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: { vpc: ec2.IVpc; data: Data; settings: DukaSettings }) {
    super(scope, id);
    const { vpc, data, settings } = props;

    this.cluster = new ecs.Cluster(this, "Cluster", {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.THREE_MONTHS,
      encryptionKey: data.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
      // Live-update streams send a keep-alive every 15 s; a minute of silence means a dead phone.
      idleTimeout: Duration.seconds(60),
    });
    loadBalancer.logAccessLogs(data.logsBucket, "alb");
    Validations.of(loadBalancer).acknowledge({
      id: "AwsSolutions-EC23",
      reason: "A public web app: its load balancer takes HTTPS (and HTTP, only to redirect) from anywhere.",
    });

    const image = settings.image
      ? ecs.ContainerImage.fromEcrRepository(
          ecr.Repository.fromRepositoryName(this, "Repository", settings.image.split(":")[0] ?? ""),
          settings.image.split(":")[1],
        )
      : // Built from the repository's Dockerfile by `cdk deploy`; `cdk synth` only stages the files.
        ecs.ContainerImage.fromAsset(REPOSITORY_ROOT, { platform: Platform.LINUX_AMD64 });

    const taskDefinition = new ecs.FargateTaskDefinition(this, "Task", {
      cpu: settings.taskCpu,
      memoryLimitMiB: settings.taskMemoryMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    taskDefinition.addContainer("duka", {
      image,
      portMappings: [{ containerPort: CONTAINER_PORT }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: "duka" }),
      // ECS's stop timeout outlasts the server's draining (in-flight requests, live streams).
      stopTimeout: STOP_TIMEOUT,
      environment: {
        NODE_ENV: "production",
        HOST: "0.0.0.0",
        PORT: String(CONTAINER_PORT),
        TRUST_PROXY: "1",
        DATABASE_URL: data.urlFor(APP_LOGIN),
        DATABASE_OWNER_URL: data.urlFor(OWNER_LOGIN),
        DB_POOL_MAX: String(settings.poolPerTask),
        STORAGE: "s3",
        S3_BUCKET: data.bucket.bucketName,
        S3_REGION: Stack.of(this).region,
        SHUTDOWN_GRACE_SECONDS: String(SHUTDOWN_SECONDS),
      },
      secrets: {
        DATABASE_PASSWORD: ecs.Secret.fromSecretsManager(data.appSecret, "password"),
        DATABASE_OWNER_PASSWORD: ecs.Secret.fromSecretsManager(data.ownerSecret, "password"),
        MASTER_KEY: ecs.Secret.fromSecretsManager(data.masterKey),
        // Only while a master-key rotation is under way (docs/deploy-aws.md).
        ...(settings.masterKeysOldSecretArn
          ? {
              MASTER_KEYS_OLD: ecs.Secret.fromSecretsManager(
                secretsmanager.Secret.fromSecretCompleteArn(this, "MasterKeysOld", settings.masterKeysOldSecretArn),
              ),
            }
          : {}),
      },
    });
    Validations.of(taskDefinition).acknowledge({
      id: "AwsSolutions-ECS2",
      reason:
        "Only non-secret settings are plain environment values; passwords and MASTER_KEY are ECS secrets from Secrets Manager.",
    });

    this.fargate = new patterns.ApplicationLoadBalancedFargateService(this, "Fargate", {
      cluster: this.cluster,
      loadBalancer,
      taskDefinition,
      certificate: acm.Certificate.fromCertificateArn(this, "Certificate", settings.certificateArn),
      protocol: elbv2.ApplicationProtocol.HTTPS,
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      redirectHTTP: true,
      taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      desiredCount: settings.minTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriod: Duration.seconds(90),
    });
    const { service, targetGroup } = this.fargate;

    targetGroup.configureHealthCheck({
      path: "/readyz",
      healthyHttpCodes: "200",
      interval: Duration.seconds(15),
      timeout: Duration.seconds(5),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    });
    targetGroup.setAttribute("deregistration_delay.timeout_seconds", "30");

    // The tasks reach the database; nothing else does.
    data.database.connections.allowDefaultPortFrom(service, "Duka's tasks");

    // Least privilege: the objects of its own bucket, and its own key for the bucket's SSE-KMS.
    const role = taskDefinition.taskRole;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        resources: [data.bucket.arnForObjects("*")],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["s3:ListBucket"], resources: [data.bucket.bucketArn] }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [data.key.keyArn] }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(data.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
      reason: "Every object of Duka's own bucket (documents, receipts, backups) and no other bucket.",
    });
    Validations.of(taskDefinition.obtainExecutionRole()).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason: "ecr:GetAuthorizationToken has no resource to name; pulling is limited to the image's repository.",
    });

    const scaling = service.autoScaleTaskCount({ minCapacity: settings.minTasks, maxCapacity: settings.maxTasks });
    scaling.scaleOnCpuUtilization("Cpu", {
      targetUtilizationPercent: 60,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.minutes(5),
    });
    scaling.scaleOnRequestCount("Requests", {
      targetGroup,
      // ~20 requests a second per task (a sale is ~4 requests): well under what one task sustains (bench).
      requestsPerTarget: 1200,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.minutes(5),
    });
  }
}
