/**
 * The one way the web app talks to the server: same-origin JSON with the session cookie. Failures
 * become an ApiError carrying the server's code, message and per-field errors.
 */
import { fieldTexts } from "../lib/field-issues";

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** The server's stable error code, e.g. "login_taken"; "network" when offline. */
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: FieldErrors } & Record<string, unknown> };
}

let onUnauthorized: (() => void) | undefined;
/** Called when any request answers 401: the session has ended, so the shell shows sign-in. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

/**
 * On a weak mobile signal a request can hang for minutes; past this we say so and let the person
 * retry. Generous, because a slow answer is still better than none.
 */
const TIMEOUT_MS = 20_000;

/**
 * Answers `unknown` on purpose: only the typed endpoint map (`data/endpoints.ts`) says what a
 * route answers, from the contracts, so no caller can pick a response type by hand.
 */
export async function request(method: string, path: string, body?: unknown, timeoutMs = TIMEOUT_MS): Promise<unknown> {
  let res: Response;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
      signal: abort.signal,
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  } finally {
    clearTimeout(timer);
  }
  const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (res.ok) return data;
  const error = (data as ErrorBody | undefined)?.error;
  if (res.status === 401 && !path.startsWith("/auth/")) onUnauthorized?.();
  throw new ApiError(
    res.status,
    error?.code ?? "http_error",
    error?.message ?? res.statusText,
    fieldTexts(error?.details?.fields),
    error?.details,
  );
}
