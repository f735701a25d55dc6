import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import type pg from "pg";

/** The NOLOGIN role that holds the app's grants (migrations create it and grant it everything it needs). */
export const APP_ROLE = "duka_app";

/** The user and password a connection string logs in with ("" when it names none). */
export function loginOf(url: string): { user: string; password: string } {
  const u = new URL(url);
  return { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/** The connection string with its password replaced (a secret store injects only the password). */
export function withPassword(url: string, password: string | undefined): string {
  if (!password) return url;
  const u = new URL(url);
  // Encoded in full: the URL setter leaves "%" as it is, which drivers would then misread.
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * A SCRAM-SHA-256 verifier (RFC 7677), the form PostgreSQL stores: ALTER ROLE … PASSWORD then never
 * carries the plain password, so it cannot show up in the server's statement log.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

const ignoreDuplicate = (err: unknown) => {
  // 42710 duplicate_object, 23505 a concurrent twin won the race: either way the role is there.
  const code = (err as { code?: string }).code;
  if (code !== "42710" && code !== "23505") throw err;
};

/**
 * On the owner's connection: makes sure the app's login role exists, logs in with the app URL's
 * password, and is a member of duka_app, then checks it cannot leave row-level security. Run at every
 * start, so a rotated app password reaches the database with the tasks that carry it
 * (docs/decisions/010-database-roles.md).
 */
export async function ensureAppLogin(owner: pg.Client, appUrl: string): Promise<void> {
  const { user, password } = loginOf(appUrl);
  const role = owner.escapeIdentifier(user);
  const secret = password ? ` PASSWORD ${owner.escapeLiteral(scramVerifier(password))}` : "";
  const { rows } = await owner.query("select 1 from pg_roles where rolname = $1", [user]);
  if (rows.length === 0) {
    await owner
      .query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${secret}`)
      .catch(ignoreDuplicate);
  } else if (secret) {
    await owner.query(`ALTER ROLE ${role} LOGIN${secret}`);
  }
  await owner.query(`GRANT ${APP_ROLE} TO ${role}`).catch(ignoreDuplicate);
  await assertConfined(owner, user);
}

/** Refuses to start when the app's login could see past row-level security or change the schema. */
async function assertConfined(owner: pg.Client, user: string) {
  const { rows } = await owner.query<{ super: boolean; bypass: boolean; inOwner: boolean; owns: number }>(
    `select r.rolsuper as super, r.rolbypassrls as bypass,
            pg_has_role(r.oid, (select oid from pg_roles where rolname = current_user), 'MEMBER') as "inOwner",
            (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname in ('public', 'drizzle') and pg_has_role(r.oid, c.relowner, 'USAGE')) as owns
     from pg_roles r where r.rolname = $1`,
    [user],
  );
  const r = rows[0];
  const problems = [
    r?.super && "is a superuser",
    r?.bypass && "has BYPASSRLS",
    r?.inOwner && "is a member of the owner in DATABASE_OWNER_URL",
    (r?.owns ?? 0) > 0 && "owns tables (or is a member of their owner)",
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `the database user ${user} in DATABASE_URL ${problems.join(", ")}: it could read every business's rows. Give the app a user of its own that owns nothing (docs/operations.md).`,
    );
  }
}
