"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";

/**
 * Signs in with one of the credential providers ("password", "directory")
 * from a form's fields, for the sign-in forms. On success a full load, not a
 * client navigation plus refresh: the late refresh would re-render the next
 * page under a person already typing in it. On failure the server's message
 * (wrong credentials or a lockout, never which one is true of the account).
 */
export function useCredentialsSignIn(provider: "password" | "directory", fields: readonly string[]) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    setError(null);
    startTransition(async () => {
      const credentials = Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
      const result = await signIn(provider, { ...credentials, redirect: false });
      // A full page load, not router.push: the portal is rendered afresh for the new session (its cookie, its nonce).
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (result?.ok && !result.error) window.location.assign("/");
      else setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Please try again.");
    });
  }

  return { error, pending, submit };
}
