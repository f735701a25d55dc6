import type { ErrorCode } from "@duka/contracts";

/**
 * An error a person can act on: a stable code (one of `ERROR_CODES` in the contracts, which the web
 * app translates), an HTTP status and a plain English message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError("invalid_input", 400, message, details);
export const unauthorized = (message = "Please sign in.") => new AppError("unauthorized", 401, message);
export const forbidden = (message = "Your role does not allow this.") => new AppError("forbidden", 403, message);
export const notFound = (what: string) => new AppError("not_found", 404, `${what} was not found.`);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(code, 409, message, details);
