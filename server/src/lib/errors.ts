/** An error a person can act on: a stable code, an HTTP status and a plain message. */
export class AppError extends Error {
  constructor(
    readonly code: string,
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
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, 409, message, details);
