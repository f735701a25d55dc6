import fs from "node:fs";
import path from "node:path";
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { BACKUP_MISSING_HOURS } from "../src/alarms.js";
import { REPOSITORY_ROOT, SHUTDOWN_SECONDS, STOP_TIMEOUT } from "../src/service.js";
import { EXAMPLE, resources, synth } from "./synth.js";

let t: ReturnType<typeof synth>;
beforeAll(() => {
  t = synth();
});

const ref = (id: unknown) => ({ Ref: id });
const logicalId = (type: string, pattern: RegExp) => {
  const found = resources(t.template, type).filter(([id]) => pattern.test(id));
  expect(found.length, `${type} ${pattern}`).toBe(1);
  return (found[0] as [string, unknown])[0];
};
interface ContainerDefinition {
  StopTimeout?: number;
  Environment: { Name: string; Value: unknown }[];
  Secrets: { Name: string; ValueFrom: unknown }[];
}
const container = () => {
  const tasks = resources<{ ContainerDefinitions: ContainerDefinition[] }>(t.template, "AWS::ECS::TaskDefinition");
  expect(tasks).toHaveLength(1);
  const definition = tasks[0]?.[1].Properties.ContainerDefinitions[0];
  if (!definition) throw new Error("no container definition");
  return definition;
};

describe("network", () => {
  it("spans two zones with public, private and isolated subnets", () => {
    t.template.resourceCountIs("AWS::EC2::VPC", 1);
    t.template.resourceCountIs("AWS::EC2::Subnet", 6);
    const zones = new Set(
      resources(t.template, "AWS::EC2::Subnet").map(([, s]) => JSON.stringify(s.Properties.AvailabilityZone)),
    );
    expect(zones.size).toBe(2);
  });

  it("keeps the database in subnets with no route out", () => {
    const groups = resources<{ SubnetIds: { Ref: string }[] }>(t.template, "AWS::RDS::DBSubnetGroup");
    const dbSubnets = (groups[0]?.[1].Properties.SubnetIds ?? []).map((s) => s.Ref);
    expect(dbSubnets).toHaveLength(2);
    for (const id of dbSubnets) expect(id).toMatch(/dbSubnet/);
    const routed = resources(t.template, "AWS::EC2::Route").map(([, r]) => JSON.stringify(r.Properties.RouteTableId));
    for (const id of dbSubnets)
      expect(routed.some((rt) => rt.includes(id.replace(/Subnet[0-9A-F]+$/, "")))).toBe(false);
  });
});

describe("database", () => {
  it("is PostgreSQL 16, encrypted with the stack's own key, TLS only", () => {
    const key = logicalId("AWS::KMS::Key", /Key/);
    t.template.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
    t.template.hasResourceProperties("AWS::RDS::DBInstance", {
      Engine: "postgres",
      EngineVersion: Match.stringLikeRegexp("^16"),
      StorageEncrypted: true,
      KmsKeyId: { "Fn::GetAtt": [key, "Arn"] },
      PubliclyAccessible: false,
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: { "Fn::GetAtt": [key, "Arn"] },
    });
    t.template.hasResourceProperties("AWS::RDS::DBParameterGroup", {
      Parameters: Match.objectLike({ "rds.force_ssl": "1" }),
    });
  });

  it("keeps 14 days of backups, refuses deletion and snapshots on removal", () => {
    t.template.hasResource("AWS::RDS::DBInstance", {
      Properties: Match.objectLike({ BackupRetentionPeriod: 14, DeletionProtection: true }),
      DeletionPolicy: "Snapshot",
      UpdateReplacePolicy: "Snapshot",
    });
  });

  it("is Multi-AZ unless the context says multiAz=false", () => {
    t.template.hasResourceProperties("AWS::RDS::DBInstance", { MultiAZ: true });
    synth({ multiAz: "false" }).template.hasResourceProperties("AWS::RDS::DBInstance", { MultiAZ: false });
  });

  it("replaces the tasks after the owner's password is rotated, so backups log in with the new one", () => {
    const service = logicalId("AWS::ECS::Service", /Service/);
    t.template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: {
        source: ["aws.secretsmanager"],
        "detail-type": ["AWS Service Event via CloudTrail"],
        detail: Match.objectLike({
          eventName: ["RotationSucceeded"],
          // The owner's secret, as attached to the instance (its Ref is the secret's ARN).
          additionalEventData: { SecretId: [ref(Match.stringLikeRegexp("DatabaseSecretAttachment"))] },
        }),
      },
      Targets: [Match.objectLike({ Arn: ref(Match.stringLikeRegexp("RestartOnRotationMachine")) })],
    });
    const [[, machine]] = resources<{ DefinitionString: unknown }>(t.template, "AWS::StepFunctions::StateMachine") as [
      [string, { Properties: { DefinitionString: unknown } }],
    ];
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    expect(definition).toContain("ecs:updateService");
    expect(definition).toContain("ForceNewDeployment");
    expect(definition).toContain(service);
  });

  it("rotates the owner's generated password every 30 days", () => {
    const owner = logicalId("AWS::SecretsManager::Secret", /DatabaseSecret/);
    t.template.hasResourceProperties("AWS::SecretsManager::RotationSchedule", {
      SecretId: ref(Match.stringLikeRegexp("SecretAttachment")),
      RotationRules: { ScheduleExpression: "rate(30 days)" },
    });
    t.template.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: JSON.stringify({ username: "duka_owner" }) }),
    });
    expect(owner).toBeTruthy();
  });
});

describe("bucket", () => {
  it("is SSE-KMS with the stack's key, private, TLS only, versioned, old versions gone after 90 days", () => {
    const key = logicalId("AWS::KMS::Key", /Key/);
    const files = logicalId("AWS::S3::Bucket", /Files/);
    t.template.hasResourceProperties("AWS::S3::Bucket", {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: { "Fn::GetAtt": [key, "Arn"] } },
          }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: "Enabled" },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: "Enabled" }),
          Match.objectLike({ Prefix: "backups/", NoncurrentVersionExpiration: { NoncurrentDays: 7 } }),
        ],
      },
    });
    t.template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: ref(files),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });
});

describe("service", () => {
  it("answers HTTPS with the given certificate and redirects HTTP to it", () => {
    t.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Protocol: "HTTPS",
      Port: 443,
      Certificates: [{ CertificateArn: EXAMPLE.certificateArn }],
    });
    t.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Protocol: "HTTP",
      Port: 80,
      DefaultActions: [
        Match.objectLike({
          Type: "redirect",
          RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" },
        }),
      ],
    });
  });

  it("checks /readyz and drains before a task stops", () => {
    t.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
      HealthCheckPath: "/readyz",
      TargetGroupAttributes: Match.arrayWith([{ Key: "deregistration_delay.timeout_seconds", Value: "30" }]),
    });
    expect(container().StopTimeout).toBe(STOP_TIMEOUT.toSeconds());
    expect(STOP_TIMEOUT.toSeconds()).toBeGreaterThan(SHUTDOWN_SECONDS);
  });

  it("runs at least two tasks in private subnets, rolls a failed release back", () => {
    t.template.hasResourceProperties("AWS::ECS::Service", {
      LaunchType: "FARGATE",
      DesiredCount: 2,
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
      }),
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          AssignPublicIp: "DISABLED",
          Subnets: [ref(Match.stringLikeRegexp("appSubnet1")), Match.anyValue()],
        }),
      },
    });
  });

  it("scales between 2 and maxTasks on CPU and on requests per task", () => {
    t.template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
      MinCapacity: 2,
      MaxCapacity: 10,
    });
    for (const metric of ["ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget"]) {
      t.template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", {
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: Match.objectLike({
          PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: metric }),
        }),
      });
    }
  });

  it("trusts one proxy hop and knows its two database logins, with no password in the environment", () => {
    const env = Object.fromEntries(
      container().Environment.map((e: { Name: string; Value: unknown }) => [e.Name, JSON.stringify(e.Value)]),
    );
    expect(env.TRUST_PROXY).toBe('"1"');
    expect(env.HOST).toBe('"0.0.0.0"');
    expect(env.STORAGE).toBe('"s3"');
    expect(env.DATABASE_URL).toContain("postgres://duka_app_login@");
    expect(env.DATABASE_OWNER_URL).toContain("postgres://duka_owner@");
    // TLS with the server's certificate checked against RDS's authorities, which the image carries.
    for (const url of [env.DATABASE_URL, env.DATABASE_OWNER_URL]) {
      expect(url).toContain("sslmode=verify-full&sslrootcert=/app/server/dist/certs/rds-ca.pem");
    }
    for (const name of Object.keys(env)) expect(name).not.toMatch(/PASSWORD|MASTER_KEY|SECRET/);
  });

  it("injects the passwords and MASTER_KEY as ECS secrets from Secrets Manager", () => {
    const secrets = Object.fromEntries(
      container().Secrets.map((s: { Name: string; ValueFrom: unknown }) => [s.Name, JSON.stringify(s.ValueFrom)]),
    );
    expect(Object.keys(secrets).sort()).toEqual(["DATABASE_OWNER_PASSWORD", "DATABASE_PASSWORD", "MASTER_KEY"]);
    expect(secrets.DATABASE_PASSWORD).toMatch(/AppLogin.*:password::/);
    expect(secrets.DATABASE_OWNER_PASSWORD).toMatch(/DatabaseSecret.*:password::/);
    expect(secrets.MASTER_KEY).toMatch(/MasterKey/);
  });

  it("adds MASTER_KEYS_OLD from a given secret only during a master-key rotation", () => {
    const old = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:duka-old-keys-AbCdEf";
    const rotating = synth({ masterKeysOldSecretArn: old }).template;
    rotating.hasResourceProperties("AWS::ECS::TaskDefinition", {
      ContainerDefinitions: [
        Match.objectLike({ Secrets: Match.arrayWith([{ Name: "MASTER_KEYS_OLD", ValueFrom: old }]) }),
      ],
    });
  });

  it("generates a MASTER_KEY the server accepts: 43 base64 letters are 32 bytes", () => {
    t.template.hasResourceProperties("AWS::SecretsManager::Secret", {
      Description: Match.stringLikeRegexp("MASTER_KEY"),
      GenerateSecretString: { PasswordLength: 43, ExcludePunctuation: true, IncludeSpace: false },
    });
    expect(Buffer.from("aZ09".repeat(11).slice(0, 43), "base64")).toHaveLength(32);
  });

  it("lets the task use its own bucket's objects and its own key, nothing else", () => {
    const role = logicalId("AWS::IAM::Role", /TaskTaskRole/);
    const files = logicalId("AWS::S3::Bucket", /Files/);
    const key = logicalId("AWS::KMS::Key", /Key/);
    const policies = resources<{ Roles: unknown; PolicyDocument: { Statement: unknown[] } }>(
      t.template,
      "AWS::IAM::Policy",
    ).filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role));
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.[1].Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        Resource: { "Fn::Join": ["", [{ "Fn::GetAtt": [files, "Arn"] }, "/*"]] },
      },
      { Effect: "Allow", Action: "s3:ListBucket", Resource: { "Fn::GetAtt": [files, "Arn"] } },
      { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: { "Fn::GetAtt": [key, "Arn"] } },
    ]);
  });

  it("logs to a CloudWatch log group kept 90 days, encrypted with the key", () => {
    t.template.hasResourceProperties("AWS::Logs::LogGroup", {
      RetentionInDays: 90,
      KmsKeyId: { "Fn::GetAtt": [logicalId("AWS::KMS::Key", /Key/), "Arn"] },
    });
  });

  it("builds its image from the repository's Dockerfile at deploy, or takes a pushed one from -c image", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(t.outdir, "Duka.assets.json"), "utf8"));
    const images = Object.values(manifest.dockerImages) as { source: { directory: string } }[];
    expect(images).toHaveLength(1);
    const staged = path.join(t.outdir, images[0]?.source.directory ?? "");
    expect(fs.readFileSync(path.join(staged, "Dockerfile"), "utf8")).toBe(
      fs.readFileSync(path.join(REPOSITORY_ROOT, "Dockerfile"), "utf8"),
    );
    expect(fs.existsSync(path.join(staged, "node_modules"))).toBe(false); // .dockerignore applied

    const pushed = synth({ image: "duka:1.4.0" });
    const pulled = JSON.stringify(pushed.template.toJSON().Resources);
    expect(pulled).toContain("/duka:1.4.0");
    const pushedManifest = JSON.parse(fs.readFileSync(path.join(pushed.outdir, "Duka.assets.json"), "utf8"));
    expect(Object.keys(pushedManifest.dockerImages ?? {})).toHaveLength(0);
  });
});

describe("alarms", () => {
  it("mail one encrypted topic", () => {
    const topic = logicalId("AWS::SNS::Topic", /Topic/);
    t.template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    t.template.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: EXAMPLE.alarmEmail });
    const alarms = resources(t.template, "AWS::CloudWatch::Alarm");
    expect(alarms).toHaveLength(8);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toEqual([ref(topic)]);
  });

  it.each([
    ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count"],
    ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"],
    ["AWS/ApplicationELB", "TargetResponseTime"],
    ["AWS/ApplicationELB", "UnHealthyHostCount"],
    ["AWS/RDS", "CPUUtilization"],
    ["AWS/RDS", "FreeStorageSpace"],
    ["AWS/RDS", "DatabaseConnections"],
  ])("watch %s %s", (namespace, metric) => {
    const watched = resources(t.template, "AWS::CloudWatch::Alarm").flatMap(([, a]) => {
      type Named = { Namespace?: string; MetricName?: string };
      const p = a.Properties as Named & { Metrics?: { MetricStat?: { Metric: Named } }[] };
      const inMath = (p.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
      return [{ Namespace: p.Namespace, MetricName: p.MetricName }, ...inMath].map(
        (m) => `${m.Namespace} ${m.MetricName}`,
      );
    });
    expect(watched).toContain(`${namespace} ${metric}`);
  });

  it("watch p99 latency, not the average", () => {
    t.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "TargetResponseTime",
      ExtendedStatistic: "p99",
    });
  });

  it("count the server's backup log lines", () => {
    for (const outcome of ["ok", "failed"]) {
      t.template.hasResourceProperties("AWS::Logs::MetricFilter", {
        FilterPattern: `{ ($.event = "backup") && ($.outcome = "${outcome}") }`,
        MetricTransformations: [Match.objectLike({ MetricNamespace: "Duka", MetricValue: "1" })],
      });
    }
    t.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "BackupFailed",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
  });

  it("call a backup missing for 26 hours, with no line at all counted as missing", () => {
    t.template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "BackupSucceeded",
      ComparisonOperator: "LessThanThreshold",
      Threshold: 1,
      Period: 3600,
      EvaluationPeriods: BACKUP_MISSING_HOURS,
      TreatMissingData: "breaching",
    });
    // CloudWatch allows up to 7 days of evaluation for periods of an hour or more.
    expect(3600 * BACKUP_MISSING_HOURS).toBeLessThanOrEqual(7 * 86400);
    expect(BACKUP_MISSING_HOURS).toBeGreaterThan(24);
  });
});
