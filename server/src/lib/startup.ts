import { AppError } from "./errors.js";

/** One clear line for why the server cannot start, instead of a stack trace. */
export function describeStartupError(err: unknown): string {
  if (err instanceof AppError) return err.message;
  // Drizzle wraps driver errors in "Failed query: …"; the cause says what really went wrong.
  const cause = (err as { cause?: unknown })?.cause;
  if (cause instanceof Error) return describeStartupError(cause);
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  switch (e?.code) {
    case "ECONNREFUSED":
      return `the database refused the connection at ${e.address ?? "?"}:${e.port ?? "?"}. Is PostgreSQL running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the database host in DATABASE_URL could not be found (${(e as { hostname?: string }).hostname ?? e.message}).`;
    case "ETIMEDOUT":
      return "the database did not answer in time. Check DATABASE_URL and the network.";
    case "EADDRINUSE":
      return `port ${e.port ?? "?"} is already in use. Stop the other program or set PORT to another number.`;
    case "28P01":
    case "28000":
      return `the database refused the login: ${e.message}. Check the user and password in DATABASE_URL.`;
    case "3D000":
      return `${e.message}. Create the database first, or fix DATABASE_URL.`;
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
