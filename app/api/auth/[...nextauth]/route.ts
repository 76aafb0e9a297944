import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// Built per request: the options read the environment, which is not there at build time.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
