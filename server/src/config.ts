import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { decodeKey } from "./lib/storage/keyring.js";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must look like postgres://user:password@host:5432/database");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce
    .number({ message: "must be a whole number between 0 and 65535" })
    .int("must be a whole number between 0 and 65535")
    .min(0, "must be a whole number between 0 and 65535")
    .max(65535, "must be a whole number between 0 and 65535")
    .default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The app's pool: a login that owns no table (docs/operations.md). */
  DATABASE_URL: postgresUrl.optional(),
  /** Migrations and backups: the tables' owner; defaults to DATABASE_URL (one machine). */
  DATABASE_OWNER_URL: postgresUrl.optional(),
  /** Override the passwords in those URLs, so a secret store injects only the password. */
  DATABASE_PASSWORD: z.string().optional(),
  DATABASE_OWNER_PASSWORD: z.string().optional(),
  DB_POOL_MAX: z.coerce.number({ message: "must be a number" }).int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  WEB_DIST: z.string().min(1).default(path.resolve(serverRoot, "../web/dist")),
  TRUST_PROXY: flag.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** On SIGTERM: how long in-flight requests and live streams get to finish (below the orchestrator's stop timeout). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** On SIGTERM: how long /readyz answers 503 while requests are still served, before the listener closes. */
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  /** How often an open live-update stream gets a keep-alive (mobile proxies drop silent ones) and its session is re-checked. */
  EVENTS_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** Where files (documents, receipts, backups) go: a folder under DATA_DIR, or an S3 bucket. */
  STORAGE: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z.url({ message: "must be a URL such as https://s3.example.com" }).optional(),
  S3_FORCE_PATH_STYLE: flag.default(false),
  /** 32 random bytes, base64; wraps every stored file's own key (docs/storage.md). */
  MASTER_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== undefined, "must be 32 bytes encoded as base64 (openssl rand -base64 32)")
    .optional(),
  /** Earlier master keys, comma-separated base64, kept so files they wrapped stay readable. */
  MASTER_KEYS_OLD: z
    .string()
    .refine(
      (v) => v.split(",").every((k) => k.trim() === "" || decodeKey(k) !== undefined),
      "must be a comma-separated list of 32-byte base64 keys",
    )
    .optional(),
  DOCUMENT_MAX_BYTES: z.coerce
    .number({ message: "must be a number of bytes" })
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Automatic daily backups (docs/operations.md); off only where something else backs up. */
  BACKUPS_ENABLED: flag.default(true),
  BACKUP_HOUR: z.coerce
    .number({ message: "must be an hour from 0 to 23" })
    .int("must be an hour from 0 to 23")
    .min(0, "must be an hour from 0 to 23")
    .max(23, "must be an hour from 0 to 23")
    .default(2),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(366).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(4),
  BACKUP_KEEP_MONTHLY: z.coerce.number().int().min(0).max(1200).default(12),
});

const checked = schema.superRefine((c, ctx) => {
  if (c.STORAGE === "s3" && !c.S3_BUCKET) {
    ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE=s3" });
  }
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "is required when DATABASE_OWNER_URL is set" });
  }
  if (c.NODE_ENV === "production" && !c.MASTER_KEY) {
    ctx.addIssue({
      code: "custom",
      path: ["MASTER_KEY"],
      message:
        "is required in production: set it to 32 random bytes in base64 (openssl rand -base64 32) and keep a copy safe",
    });
  }
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment once; the only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = checked.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}
