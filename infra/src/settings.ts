import type { Node } from "constructs";

/** What one deployment of Duka is given (`-c name=value` on the command line, or cdk.json's context). */
export interface DukaSettings {
  /** The public host name, e.g. pos.example.com; its DNS record points at the load balancer. */
  domain: string;
  /** An ACM certificate for that name, in the stack's region. */
  certificateArn: string;
  /** Where alarms are sent (a confirmation email arrives first). */
  alarmEmail: string;
  /** The database keeps a standby in the second zone (default true; false halves its price). */
  multiAz: boolean;
  /** RDS instance class, e.g. t4g.medium, m7g.large. */
  dbInstanceType: string;
  /** GiB to start with; storage grows on its own up to dbMaxStorageGiB. */
  dbStorageGiB: number;
  dbMaxStorageGiB: number;
  /** Alarm when the database has more connections than this (about 80% of the instance's max_connections). */
  dbConnectionsAlarm: number;
  /** Fargate task size: vCPU in units of 1/1024, memory in MiB. */
  taskCpu: number;
  taskMemoryMiB: number;
  /** Tasks never fewer than 2 (one per zone), at most this many. */
  minTasks: number;
  maxTasks: number;
  /** PostgreSQL connections per task (the server's DB_POOL_MAX). */
  poolPerTask: number;
  /** NAT gateways for the tasks' way out (1 is cheaper, 2 keeps the way out when a zone fails). */
  natGateways: number;
  /** During a master-key rotation: a secret holding the earlier key(s), given to the tasks as MASTER_KEYS_OLD. */
  masterKeysOldSecretArn?: string;
  /** An image already pushed, as `repository:tag` in this account's ECR; unset: built from the repository's Dockerfile at deploy. */
  image?: string;
}

const DEFAULTS = {
  multiAz: true,
  dbInstanceType: "t4g.medium",
  dbStorageGiB: 20,
  dbMaxStorageGiB: 200,
  dbConnectionsAlarm: 300,
  taskCpu: 512,
  taskMemoryMiB: 1024,
  minTasks: 2,
  maxTasks: 10,
  poolPerTask: 10,
  natGateways: 1,
} satisfies Partial<DukaSettings>;

const REQUIRED = ["domain", "certificateArn", "alarmEmail"] as const;

/** Reads and checks the settings; a missing or wrong one stops the synthesis with a sentence saying which. */
export function settingsFromContext(node: Node): DukaSettings {
  const get = (name: string) => node.tryGetContext(name) as unknown;
  const missing = REQUIRED.filter((k) => typeof get(k) !== "string" || get(k) === "");
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.map((k) => `-c ${k}=…`).join(" ")}: see docs/deploy-aws.md (npm run deploy -w infra -- -c domain=pos.example.com -c certificateArn=arn:aws:acm:… -c alarmEmail=ops@example.com)`,
    );
  }
  const num = (name: keyof typeof DEFAULTS, min: number, max: number): number => {
    const raw = get(name);
    const value = raw === undefined ? DEFAULTS[name] : Number(raw);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`-c ${name} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  const certificateArn = String(get("certificateArn"));
  if (!/^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new Error(
      "-c certificateArn must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
    );
  }
  const image = get("image");
  if (image !== undefined && (typeof image !== "string" || !/^[a-z0-9._/-]+:[\w.-]+$/.test(image))) {
    throw new Error("-c image must be repository:tag, e.g. duka:1.4.0, of an ECR repository in this account");
  }
  const oldKeys = get("masterKeysOldSecretArn");
  if (oldKeys !== undefined && (typeof oldKeys !== "string" || !/^arn:aws[\w-]*:secretsmanager:/.test(oldKeys))) {
    throw new Error("-c masterKeysOldSecretArn must be the full ARN of a Secrets Manager secret");
  }
  const settings: DukaSettings = {
    domain: String(get("domain")),
    certificateArn,
    alarmEmail: String(get("alarmEmail")),
    multiAz: String(get("multiAz") ?? DEFAULTS.multiAz) !== "false",
    dbInstanceType: String(get("dbInstanceType") ?? DEFAULTS.dbInstanceType),
    dbStorageGiB: num("dbStorageGiB", 20, 65536),
    dbMaxStorageGiB: num("dbMaxStorageGiB", 20, 65536),
    dbConnectionsAlarm: num("dbConnectionsAlarm", 10, 100000),
    taskCpu: num("taskCpu", 256, 16384),
    taskMemoryMiB: num("taskMemoryMiB", 512, 122880),
    minTasks: num("minTasks", 2, 1000),
    maxTasks: num("maxTasks", 2, 1000),
    poolPerTask: num("poolPerTask", 1, 200),
    natGateways: num("natGateways", 1, 2),
    ...(typeof image === "string" ? { image } : {}),
    ...(typeof oldKeys === "string" ? { masterKeysOldSecretArn: oldKeys } : {}),
  };
  if (settings.maxTasks < settings.minTasks) throw new Error("-c maxTasks must be at least minTasks");
  return settings;
}
