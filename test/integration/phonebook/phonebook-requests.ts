import { createServer, get, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { GET as basicGet } from "@/app/api/v1/phonebook/[format]/route";
import { GET as pathGet } from "@/app/phonebook/[secret]/[format]/route";
import { withCompression } from "@/scripts/launcher/with-compression";

export type Answer = { status: number; headers: Headers; body: Buffer; text: string };

async function answer(response: Response): Promise<Answer> {
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, text: body.toString("utf8") };
}

/** A phonebook fetched as a phone does with the secret in the path, through the route handler itself. */
export async function viaPath(secret: string, format: string, { query = "", headers = {} }: { query?: string; headers?: Record<string, string> } = {}) {
  const request = new NextRequest(`http://localhost:3000/phonebook/${encodeURIComponent(secret)}/${encodeURIComponent(format)}${query}`, { headers });
  return answer(await pathGet(request, { params: Promise.resolve({ secret, format }) }));
}

/** A phonebook fetched with HTTP Basic (user, password), or with the Authorization header given. */
export async function viaBasic(
  credentials: { user: string; password: string } | null,
  format: string,
  { query = "", headers = {} }: { query?: string; headers?: Record<string, string> } = {},
) {
  const authorization: Record<string, string> = credentials
    ? { authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString("base64")}` }
    : {};
  const request = new NextRequest(`http://localhost:3000/api/v1/phonebook/${encodeURIComponent(format)}${query}`, {
    headers: { ...authorization, ...headers },
  });
  return answer(await basicGet(request, { params: Promise.resolve({ format }) }));
}

/**
 * A phonebook fetched over HTTP from a server that answers as `npm start`'s
 * web server does: the route handler's answer written out the way Next.js
 * writes it (without the handler's Content-Encoding or Content-Length),
 * inside our compression layer. Gives the raw bytes on the wire.
 */
export async function overHttp(secret: string, format: string, headers: Record<string, string>): Promise<Answer> {
  const server = createServer(
    withCompression(async (req, res) => {
      const response = await pathGet(new NextRequest(`http://localhost${req.url}`, { headers: req.headers as Record<string, string> }), {
        params: Promise.resolve({ secret, format }),
      });
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        if (!["content-encoding", "content-length", "transfer-encoding"].includes(name)) res.setHeader(name, value);
      });
      if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      else res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const reply = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: "127.0.0.1", port, path: `/phonebook/${encodeURIComponent(secret)}/${format}`, headers }, resolve).on("error", reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of reply) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const replyHeaders = new Headers();
    for (const [name, value] of Object.entries(reply.headers)) if (typeof value === "string") replyHeaders.set(name, value);
    return { status: reply.statusCode!, headers: replyHeaders, body, text: body.toString("utf8") };
  } finally {
    server.close();
  }
}
