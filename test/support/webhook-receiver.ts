import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedEvent = { id: string; type: string; data: Record<string, unknown> };

/**
 * A webhook receiver as a PBX would run one: node's http on an ephemeral
 * port, checking each request's signature with the Standard Webhooks
 * package, deduplicating by `webhook-id`. `failEvery: 3` answers every third
 * request 500 (deterministic 33 % failure). Events are kept in the order
 * they were accepted.
 */
export async function startWebhookReceiver(opts: { failEvery?: number } = {}) {
  let secret = "";
  let requests = 0;
  let badSignatures = 0;
  const seen = new Set<string>();
  const accepted: ReceivedEvent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests++;
      if (opts.failEvery && requests % opts.failEvery === 0) return void res.writeHead(500).end("not now");
      const body = Buffer.concat(chunks).toString("utf8");
      let event: { type: string; data: Record<string, unknown> };
      try {
        event = new Webhook(secret).verify(body, headersOf(req.headers)) as typeof event;
      } catch {
        badSignatures++;
        return void res.writeHead(401).end("bad signature");
      }
      const id = String(req.headers["webhook-id"]);
      if (!seen.has(id)) {
        seen.add(id);
        accepted.push({ id, type: event.type, data: event.data });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    setSecret: (value: string) => void (secret = value),
    accepted,
    counts: () => ({ requests, badSignatures }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const headersOf = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));

/** Waits until `done()` holds, checking every 20 ms; fails after `ms`. */
export async function waitUntil(done: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
