import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { EndpointTarget } from "./check-endpoint-address";

/** What a receiver answered: enough for the delivery log, and never more of its body than a snippet. */
export type ReceiverAnswer = { statusCode: number; snippet: string; latencyMs: number };

const snippetBytes = 200;

/**
 * POSTs a signed event to the address checked a moment ago (never to the
 * name again: DNS could answer differently the second time), with the URL's
 * host for the Host header and the TLS certificate check. Redirects are not
 * followed: a redirect could lead anywhere, past the address check. The whole
 * exchange has `timeoutMs`; only the start of the answer is read.
 */
export function postWebhook(target: EndpointTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<ReceiverAnswer> {
  const { url, address } = target;
  const https = url.protocol === "https:";
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      {
        host: address.address,
        family: address.family,
        port: url.port || (https ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        servername: https ? url.hostname : undefined,
        headers: {
          ...headers,
          host: url.host,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Switchboard-Webhooks/1",
        },
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          res.destroy();
          resolve({
            statusCode: res.statusCode ?? 0,
            snippet: Buffer.concat(chunks).subarray(0, snippetBytes).toString("utf8"),
            latencyMs: Math.round(performance.now() - started),
          });
        };
        res.on("data", (chunk: Buffer) => {
          if (size < snippetBytes) chunks.push(chunk);
          size += chunk.length;
          if (size >= snippetBytes) done();
        });
        res.on("end", done);
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
