/** PostgreSQL error helpers: turn constraint violations into errors a person can act on. */
interface PgError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

function pgError(err: unknown): PgError | undefined {
  let e: unknown = err;
  // Drizzle wraps driver errors; the PostgreSQL fields are on the cause.
  for (let i = 0; i < 3 && e && typeof e === "object"; i++) {
    const candidate = e as PgError;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return undefined;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === "23505" && (constraint === undefined || e.constraint === constraint);
}

/** Node and driver errors that mean the database could not be reached or dropped the connection. */
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|timeout exceeded when trying to connect|connect ENOENT/i;

/**
 * The database went away (stopped, restarting, network cut) rather than refusing the statement:
 * class 08 (connection), 57P01-57P03 (shut down, crash, cannot connect now), or a socket error.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (/^08/.test(code) || /^57P0[123]$/.test(code) || UNREACHABLE.test(code)))
      return true;
    if (typeof message === "string" && UNREACHABLE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
