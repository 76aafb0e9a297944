/**
 * Errors the portal raises on purpose. `message` is written for the person
 * using the portal and may be shown as is; anything else thrown is a bug and
 * reaches the user only as a generic message (and the log in full).
 */
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid_input" | "conflict" | "rate_limited" | "unavailable";

const statusByCode: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
