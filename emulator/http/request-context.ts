import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestLogEntry } from "./request-log";

/** Everything a handler needs about one request. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** `https://host:port` as the client addressed us; links and issuers are built from it. */
  origin: string;
  params: Record<string, string>;
  /** Sent back as `request-id` / `client-request-id` and used in error bodies. */
  requestId: string;
  log: RequestLogEntry;
  /** Set by fault injection: send half the body, then drop the connection. */
  cutBodyMidway: boolean;
}

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\]):(\d+)$/i;

/**
 * The origin to put in links. A client may reach us as localhost or 127.0.0.1;
 * answering in the name it used keeps nextLinks and issuers consistent for it.
 * Any other Host header falls back to the configured URL.
 */
export function originFor(hostHeader: string | undefined, port: number, fallback: string): string {
  const match = hostHeader ? LOOPBACK_HOST.exec(hostHeader) : null;
  return match && Number(match[2]) === port ? `https://${hostHeader!.toLowerCase()}` : fallback;
}
