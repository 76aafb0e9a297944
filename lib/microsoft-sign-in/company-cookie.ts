/**
 * Which company a "Sign in with Microsoft" is for, from choosing the company
 * until Microsoft sends the person back. Every customer has its own app
 * registration, so next-auth's Azure AD provider is built from this company's
 * settings on both legs. It holds a customer ID only: pointing it at another
 * company merely makes the callback fail, as that company's client never
 * issued the state, PKCE verifier and nonce that next-auth checks.
 */
export const companyCookie = {
  name: "switchboard.microsoft-company",
  options: (secure: boolean) => ({ httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: 15 * 60 }),
};
