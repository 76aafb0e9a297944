import { randomUUID } from "node:crypto";

/**
 * An OAuth error as the Microsoft identity platform sends it: `error`, an
 * `error_description` starting with `AADSTS<code>:` and ending with trace and
 * correlation IDs, and `error_codes: [code]`. msal-node surfaces the
 * description in ServerError.errorMessage and openid-client in OPError.
 */
export class AadstsError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`AADSTS${code}: ${description}`);
    this.name = "AadstsError";
  }

  body(origin: string, correlationId: string = randomUUID()) {
    const traceId = randomUUID();
    const timestamp = new Date().toISOString().replace("T", " ").slice(0, 19) + "Z";
    return {
      error: this.error,
      error_description: `AADSTS${this.code}: ${this.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [this.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${origin}/error?code=${this.code}`,
    };
  }
}
