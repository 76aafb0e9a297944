/** A plain HTTP refusal (admin API, unknown route): rendered as `{ error: { message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
