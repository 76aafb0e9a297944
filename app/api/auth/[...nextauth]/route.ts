import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";
import { companyCookie } from "@/lib/microsoft-sign-in/company-cookie";
import { microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { microsoftProviderId } from "@/lib/microsoft-sign-in/microsoft-provider";
import { z } from "zod";

type Context = { params: Promise<{ nextauth: string[] }> };

// The steps of Sign in with Microsoft, which need the chosen company's provider.
const microsoftSteps = new Set(["signin", "callback", "providers"]);

/**
 * Built per request: the options read the environment, which is not there at
 * build time, and Sign in with Microsoft uses the app registration of the
 * company the person chose (its ID is in a short-lived cookie).
 */
async function handler(req: NextRequest, ctx: Context) {
  // next-auth parses a JSON body itself and throws (a 500) on one that is not JSON; its own
  // client posts forms, so a JSON body is checked here first and refused as a 400.
  if (req.method === "POST" && (req.headers.get("content-type") ?? "").includes("json")) {
    const refused = await readJsonBody(req.clone(), { maxBytes: 64 * 1024, maxDepth: 4 }).then(
      () => null,
      (error: unknown) => (error instanceof AppError ? error : new AppError("invalid_input", "The request body could not be read.")),
    );
    if (refused) return NextResponse.json({ error: refused.message }, { status: refused.status });
  }
  const [step] = (await ctx.params).nextauth;
  const customerId = z.uuid().safeParse(req.cookies.get(companyCookie.name)?.value);
  const company = step && microsoftSteps.has(step) && customerId.success ? await microsoftCompany({ customerId: customerId.data }) : null;
  // The company turned Microsoft sign-in off while the person was at Microsoft's.
  if (step === "callback" && (await ctx.params).nextauth[1] === microsoftProviderId && !company) {
    return NextResponse.redirect(new URL("/sign-in/refused?reason=not_enabled", env().NEXTAUTH_URL ?? req.url));
  }
  return NextAuth(authOptions(company))(req, ctx);
}

export { handler as GET, handler as POST };
