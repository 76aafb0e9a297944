import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/graph/notifications/route";

/**
 * The portal's notification route on a real HTTP port, as Next.js would serve
 * it: each request becomes a web Request for the route handler. `stallValidation`
 * holds Graph's validation requests unanswered, as an unreachable portal would;
 * `beforeValidation` runs before one is answered (while Graph waits for it).
 */
export async function startNotificationReceiver() {
  const control: { stallValidation: boolean; beforeValidation?: () => Promise<void> } = { stallValidation: false };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = `http://127.0.0.1${req.url ?? "/"}`;
    const validation = new URL(url).searchParams.has("validationToken");
    if (control.stallValidation && validation) return;
    if (validation) await control.beforeValidation?.();
    const headers = Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : []));
    const response = await POST(new Request(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
