"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { TextField } from "@/components/forms/text-field";

/**
 * For companies whose people sign in with their Active Directory password
 * ("Configure authentication: YES"). The user name may be typed as bob,
 * CONTOSO\bob or bob@contoso.com: the server keeps only the account name.
 */
export function DirectorySignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await signIn("directory", {
        company: String(formData.get("company") ?? ""),
        username: String(formData.get("username") ?? ""),
        password: String(formData.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) window.location.assign("/");
      else setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Please try again.");
    });
  }

  return (
    <form action={submit} className="space-y-4" aria-labelledby="directory-sign-in-heading">
      <h2 id="directory-sign-in-heading" className="text-sm font-medium text-slate-700">
        Sign in with your directory account
      </h2>
      <TextField label="Company ID" name="company" placeholder="contoso" required />
      <TextField label="Username" name="username" autoComplete="username" placeholder="bob or CONTOSO\bob" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in with directory password"}
      </button>
    </form>
  );
}
