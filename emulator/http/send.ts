import type { RequestContext } from "./request-context";

export type Headers = Record<string, string | number>;

/** Identity endpoints answer plain JSON; Graph adds OData parameters (the default below). */
export const PLAIN_JSON: Headers = { "content-type": "application/json; charset=utf-8" };

/**
 * Writes a JSON response. When fault injection asked for a reset, the full
 * Content-Length is announced, half the body is written and the socket is
 * destroyed: the client sees a connection dropped in the middle of a page.
 */
export function sendJson(ctx: RequestContext, status: number, body: unknown, headers: Headers = {}): void {
  const text = JSON.stringify(body);
  const res = ctx.res;
  res.writeHead(status, {
    "content-type": "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
    // Writing the string lets the socket encode it once; Buffer.from first would copy every page twice.
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  if (ctx.cutBodyMidway) {
    ctx.log.fault = "reset";
    const payload = Buffer.from(text);
    res.write(payload.subarray(0, Math.max(1, payload.length >> 1)), () => res.socket?.destroy());
    return;
  }
  res.end(text);
}

export function sendText(ctx: RequestContext, status: number, text: string, headers: Headers = {}): void {
  const payload = Buffer.from(text);
  ctx.res.writeHead(status, { "content-type": "text/plain;charset=utf-8", "content-length": payload.length, ...headers });
  ctx.res.end(payload);
}

/** `inlineScript` only for the form_post page, whose one job is to submit itself. */
export function sendHtml(ctx: RequestContext, status: number, html: string, options: { inlineScript?: boolean } = {}): void {
  const payload = Buffer.from(html);
  const script = options.inlineScript ? " script-src 'unsafe-inline';" : "";
  ctx.res.writeHead(status, {
    "content-type": "text/html;charset=utf-8",
    "content-length": payload.length,
    "cache-control": "no-store",
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline';${script} form-action 'self' http: https:`,
  });
  ctx.res.end(payload);
}

export function redirect(ctx: RequestContext, location: string): void {
  ctx.res.writeHead(302, { location, "content-length": 0, "cache-control": "no-store" });
  ctx.res.end();
}
