import type { Headers } from "../http/send";

/**
 * A Graph error response: `{ error: { code, message, innerError: { date,
 * request-id, client-request-id } } }`, the shape Graph SDKs parse into
 * GraphError (statusCode, code, message, requestId).
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Headers = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string) {
  return {
    error: {
      code,
      message,
      // Graph prints the date without milliseconds or zone designator.
      innerError: { date: new Date().toISOString().slice(0, 19), "request-id": requestId, "client-request-id": clientRequestId },
    },
  };
}

export const invalidToken = (message: string) =>
  new GraphError(401, "InvalidAuthenticationToken", message, { "www-authenticate": 'Bearer realm="", error="invalid_token"' });

export const insufficientPrivileges = () => new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

export const resourceNotFound = (id: string) =>
  new GraphError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export const unsupportedQuery = (message: string) => new GraphError(400, "Request_UnsupportedQuery", message);

export const badRequest = (message: string) => new GraphError(400, "BadRequest", message);

export const expiredPageToken = () =>
  new GraphError(400, "Request_BadRequest", "The specified page token value has expired and can no longer be included in your request.");
