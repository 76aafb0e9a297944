import { entraScreen } from "@/lib/connectors/entra/screen";
/** Why Sign in with Microsoft did not open a session, in words for the person trying. */
export const refusals = {
  not_linked: {
    title: "Your Microsoft account is not linked",
    text: "You signed in to Microsoft, but no login of this company is linked to that Microsoft account. Ask your company's portal manager to link it, or sign in with your portal ID and password.",
  },
  disabled: {
    title: "Your Microsoft account is disabled",
    text: "Your company's directory shows this Microsoft account as disabled or removed in Entra ID, so it can no longer sign in to the portal. Ask your company's IT administrator.",
  },
  suspended: {
    title: "Your login is suspended",
    text: "Your portal login is suspended because your account was disabled or removed in your company's directory. Ask your company's IT administrator.",
  },
  wrong_tenant: {
    title: "Wrong organisation",
    text: "You signed in with a Microsoft account of another organisation than the company you chose. Check the company name, or sign in with your work account of that company.",
  },
  not_enabled: {
    title: "Microsoft sign-in is not enabled",
    text: `This company does not offer Sign in with Microsoft (its ${entraScreen.label} settings are not in use, or not verified with Microsoft yet). Sign in with your portal ID and password.`,
  },
  invalid_answer: {
    title: "Microsoft's answer could not be accepted",
    text: `The answer from Microsoft did not pass the portal's checks: its token was invalid, expired or meant for another application, or the company's Microsoft settings (such as the client secret) are wrong. Nothing was signed in. Please try again; if it keeps failing, ask your company's portal manager to run Test connection on the ${entraScreen.label} screen.`,
  },
  failed: {
    title: "Sign in with Microsoft did not complete",
    text: `The sign-in could not be completed. Please try again; if it keeps failing, your company's manager should check the ${entraScreen.label} settings with Test connection.`,
  },
} as const;

export type Refusal = keyof typeof refusals;

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "string" && Object.hasOwn(refusals, value);
}

/** next-auth's own error codes, as one of ours. */
export function refusalForNextAuthError(error: string | undefined): Refusal {
  if (error === "OAuthCallback" || error === "Callback") return "invalid_answer";
  return "failed";
}
