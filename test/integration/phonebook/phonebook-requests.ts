import { NextRequest } from "next/server";
import { GET as basicGet } from "@/app/api/v1/phonebook/[format]/route";
import { GET as pathGet } from "@/app/phonebook/[secret]/[format]/route";

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
