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
