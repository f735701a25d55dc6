import { Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import * as rds from "aws-cdk-lib/aws-rds";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { DukaSettings } from "./settings.js";

/** The tables' owner (RDS's master user): migrations and backups. The app logs in as APP_LOGIN. */
export const OWNER_LOGIN = "duka_owner";
/** The app's pool: a login role the server creates and keeps confined (owns no table, cannot leave RLS). */
export const APP_LOGIN = "duka_app_login";
export const DATABASE_NAME = "duka";
/** Where the image keeps RDS's certificate authorities (Dockerfile: WORKDIR /app, the built server). */
export const RDS_CA_FILE = "/app/server/dist/certs/rds-ca.pem";

/** The network: two zones, public subnets for the load balancer, private ones for tasks, isolated ones for the database. */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: { natGateways: number }) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, "Vpc", {
      maxAzs: 2,
      natGateways: props.natGateways,
      subnetConfiguration: [
        { name: "public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: "app", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: "db", subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 26 },
      ],
      flowLogs: { rejected: { trafficType: ec2.FlowLogTrafficType.REJECT } },
      gatewayEndpoints: { s3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });
  }
}

/**
 * What the shops' data lives in: one customer-managed key, the PostgreSQL database, its two
 * logins' secrets, and the bucket for documents, receipts and Duka's own backups.
 */
export class Data extends Construct {
  readonly key: kms.Key;
  readonly database: rds.DatabaseInstance;
  readonly ownerSecret: secretsmanager.ISecret;
  readonly appSecret: secretsmanager.Secret;
  readonly masterKey: secretsmanager.Secret;
  readonly bucket: s3.Bucket;
  readonly logsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { vpc: ec2.IVpc; settings: DukaSettings }) {
    super(scope, id);
    const { vpc, settings } = props;

    this.key = new kms.Key(this, "Key", {
      description: "Duka: database storage, bucket objects, secrets and logs",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms publish to the encrypted topic; the logs service writes the encrypted log group.
    this.key.grantEncryptDecrypt(new iam.ServicePrincipal("cloudwatch.amazonaws.com"));
    this.key.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${Stack.of(this).region}.amazonaws.com`));

    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
    const parameterGroup = new rds.ParameterGroup(this, "Parameters", {
      engine,
      description: "Duka: TLS required, slow statements logged",
      parameters: { "rds.force_ssl": "1", log_min_duration_statement: "1000" },
    });
    this.database = new rds.DatabaseInstance(this, "Database", {
      engine,
      instanceType: new ec2.InstanceType(settings.dbInstanceType),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      databaseName: DATABASE_NAME,
      credentials: rds.Credentials.fromGeneratedSecret(OWNER_LOGIN, { encryptionKey: this.key }),
      storageType: rds.StorageType.GP3,
      allocatedStorage: settings.dbStorageGiB,
      maxAllocatedStorage: settings.dbMaxStorageGiB,
      storageEncrypted: true,
      storageEncryptionKey: this.key,
      multiAz: settings.multiAz,
      backupRetention: Duration.days(14),
      preferredBackupWindow: "00:00-00:30",
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: this.key,
      monitoringInterval: Duration.seconds(60),
      cloudwatchLogsExports: ["postgresql", "upgrade"],
      cloudwatchLogsRetention: logs.RetentionDays.ONE_MONTH,
      autoMinorVersionUpgrade: true,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      parameterGroup,
    });
    if (!this.database.secret) throw new Error("the database has no generated secret");
    this.ownerSecret = this.database.secret;
    // RDS's own rotation Lambda changes the owner's password every 30 days (stack.ts restarts the tasks after it).
    this.database.addRotationSingleUser({ automaticallyAfter: Duration.days(30) });
    Validations.of(this.database).acknowledge({
      id: "AwsSolutions-RDS11",
      reason:
        "The default port is reachable only from the service's security group, over TLS; a moved port hides nothing.",
    });
    if (!settings.multiAz) {
      Validations.of(this.database).acknowledge({
        id: "AwsSolutions-RDS3",
        reason:
          "Single-AZ chosen with -c multiAz=false for a small deployment; point-in-time restore still covers a lost zone.",
      });
    }
    Validations.of(this.database).acknowledge({
      id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]",
      reason: "RDS enhanced monitoring's own role takes AWS's policy made for it, and nothing else.",
    });
    Validations.of(this.database).acknowledge({
      id: "AwsSolutions-RDS6",
      reason:
        "The app's login and the owner use passwords from Secrets Manager; IAM tokens expire every 15 minutes, which a long-lived pool cannot renew.",
    });

    this.appSecret = new secretsmanager.Secret(this, "AppLogin", {
      description: `Duka: password of ${APP_LOGIN}, the app's login that owns no table`,
      encryptionKey: this.key,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: APP_LOGIN }),
        generateStringKey: "password",
        excludePunctuation: true,
        passwordLength: 40,
      },
    });
    Validations.of(this.appSecret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "The server sets this login's password from the secret at every start: a new value takes effect with a deployment (docs/deploy-aws.md), not with a rotation Lambda that would lock out running tasks.",
    });

    // 43 letters and digits are a base64 text of 32 bytes: the server's MASTER_KEY format.
    this.masterKey = new secretsmanager.Secret(this, "MasterKey", {
      description: "Duka: MASTER_KEY, which wraps every stored file's key. Back it up outside AWS too",
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
      generateSecretString: { passwordLength: 43, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(this.masterKey).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "Rotating the master key means re-wrapping every stored object (npm run rewrap-keys) with the old key kept in MASTER_KEYS_OLD: an operator's procedure, docs/deploy-aws.md.",
    });

    this.logsBucket = new s3.Bucket(this, "Logs", {
      encryption: s3.BucketEncryption.S3_MANAGED, // load balancer access logs accept no KMS key
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logsBucket).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the access-log bucket itself; logging it into itself would loop.",
    });

    this.bucket = new s3.Bucket(this, "Files", {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: "s3/files/",
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Duka's retention deletes old backups itself; each is a whole database, so their old versions go sooner.
        { prefix: "backups/", noncurrentVersionExpiration: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The app's connection string without a password (the password comes as a secret, DATABASE_PASSWORD). */
  urlFor(login: string): string {
    const { hostname, port } = this.database.instanceEndpoint;
    // TLS on (the parameter group refuses anything else), and the server's certificate checked
    // against RDS's authorities, which the image carries (server/scripts/rds-ca.mjs).
    return `postgres://${login}@${hostname}:${port}/${DATABASE_NAME}?sslmode=verify-full&sslrootcert=${RDS_CA_FILE}`;
  }
}
