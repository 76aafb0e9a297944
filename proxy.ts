import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";

/**
 * Next.js's Proxy (formerly Middleware), as its CSP guide has it: a fresh
 * nonce for every page response, in the Content-Security-Policy of the request
 * (where Next.js finds it while rendering, to stamp its own scripts) and of the
 * response (where the browser enforces it). Pages are rendered per request
 * (app/layout.tsx), so every one carries its own nonce.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    authorityOrigin: new URL(env().ENTRA_AUTHORITY_HOST).origin,
    development: process.env.NODE_ENV === "development",
    https: (env().NEXTAUTH_URL ?? "").startsWith("https:"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not route handlers (JSON, SCIM, the phonebooks, metrics), built assets or the icon; nor
    // next/link's prefetches, whose answers are not documents.
    {
      source: "/((?!api|phonebook|metrics|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
