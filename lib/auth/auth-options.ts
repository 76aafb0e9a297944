import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { MicrosoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { microsoftProvider, microsoftProviderId } from "@/lib/microsoft-sign-in/microsoft-provider";
import { clientAddress } from "./client-address";
import { asSessionUser } from "./as-session-user";
import { credentialField } from "./credential-field";
import { sessionVersionOf } from "./session-version-of";
import { signInWithDirectory } from "./sign-in-with-directory";
import { signInWithPassword } from "./sign-in-with-password";

const credentialsSchema = z.object({
  portalId: credentialField(200).pipe(z.string().trim().min(1)),
  password: credentialField(1000).pipe(z.string().min(1)),
});

const directoryCredentialsSchema = z.object({
  company: credentialField(200).pipe(z.string().trim().min(1)),
  username: credentialField(300).pipe(z.string().trim().min(1)),
  password: credentialField(1000),
});

/**
 * next-auth's configuration; a function so nothing reads the environment at
 * build time, and so Sign in with Microsoft can be the provider of the one
 * company the person chose (see app/api/auth/[...nextauth]/route.ts).
 */
export function authOptions(microsoftCompany: MicrosoftCompany | null = null): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in/refused" },
    // next-auth's own reports go to our log as a code and a message only: its
    // metadata can hold tokens and provider settings, which never reach a log.
    logger: {
      error: (code, metadata) =>
        logger.warn({ code, reason: metadata instanceof Error ? metadata.message : (metadata as { message?: string })?.message }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "Portal ID and password",
        credentials: { portalId: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error("Enter your portal ID and password.");
          return asSessionUser(() => signInWithPassword({ ...parsed.data, clientAddress: clientAddress(req.headers ?? {}) }));
        },
      }),
      CredentialsProvider({
        id: "directory",
        name: "Directory account (Active Directory)",
        credentials: { company: { type: "text" }, username: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = directoryCredentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error("Enter your company, user name and password.");
          return asSessionUser(() => signInWithDirectory({ ...parsed.data, clientAddress: clientAddress(req.headers ?? {}) }));
        },
      }),
      ...(microsoftCompany ? [microsoftProvider(microsoftCompany)] : []),
    ],
    callbacks: {
      // The Microsoft profile step has already decided; a refusal becomes its page, and no session.
      async signIn({ user, account }) {
        if (account?.provider === microsoftProviderId && user.refusal) return `/sign-in/refused?reason=${user.refusal}`;
        return true;
      },
      // The token names the account, its role and customer, and the account's
      // session version at sign-in; the server still re-reads the account on
      // every request (see `getActor`), so a deleted login, a changed role or a
      // raised session version takes effect at once, not when the token expires.
      async jwt({ token, user }) {
        if (user) {
          token.accountId = user.id;
          token.role = user.role;
          token.customerId = user.customerId;
          token.sessionVersion = await sessionVersionOf(user.id);
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, accountId: token.accountId, role: token.role, customerId: token.customerId, sessionVersion: token.sessionVersion };
      },
    },
  };
}
