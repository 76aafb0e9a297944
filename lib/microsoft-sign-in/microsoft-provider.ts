import "server-only";
import AzureADProvider from "next-auth/providers/azure-ad";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { User } from "next-auth";
import { env } from "@/lib/env";
import type { MicrosoftCompany } from "./microsoft-company";
import { resolveMicrosoftLogin } from "./resolve-microsoft-login";

export const microsoftProviderId = "azure-ad";

/**
 * next-auth's Azure AD provider for one company: its tenant, client ID and
 * secret. Authorization code with PKCE, state and nonce; the id_token is
 * verified by openid-client against the tenant's discovery document. The
 * profile step decides which login, if any, the person becomes — a refusal
 * travels on to the signIn callback, which turns it into the refusal page.
 */
export function microsoftProvider(company: MicrosoftCompany): OAuthConfig<Record<string, unknown>> {
  const authority = `${env().ENTRA_AUTHORITY_HOST.replace(/\/$/, "")}/${company.tenantId}`;
  return AzureADProvider({
    clientId: company.clientId,
    clientSecret: company.clientSecret,
    tenantId: company.tenantId,
    // The tenant's own discovery document, wherever Entra is (Microsoft, or the emulator).
    wellKnown: `${authority}/v2.0/.well-known/openid-configuration`,
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    authorization: { params: { scope: "openid profile email" } },
    // Always overridden: the default profile fetches a photo from graph.microsoft.com.
    async profile(claims): Promise<User> {
      const login = await resolveMicrosoftLogin(company, claims as { tid?: unknown; oid?: unknown });
      if ("refusal" in login) return { id: `refused:${login.refusal}`, refusal: login.refusal };
      return { id: login.actor.accountId, name: login.actor.name, role: login.actor.role, customerId: login.actor.customerId };
    },
  }) as OAuthConfig<Record<string, unknown>>;
}
