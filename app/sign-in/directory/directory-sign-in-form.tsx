"use client";

import { TextField } from "@/components/forms/text-field";
import { SignInError } from "../sign-in-error";
import { useCredentialsSignIn } from "../use-credentials-sign-in";

/**
 * For companies whose people sign in with their Active Directory password
 * ("Configure authentication: YES"). The user name may be typed as bob,
 * CONTOSO\bob or bob@contoso.com: the server keeps only the account name.
 */
export function DirectorySignInForm() {
  const { error, pending, submit } = useCredentialsSignIn("directory", ["company", "username", "password"]);

  return (
    <form action={submit} className="space-y-4" aria-labelledby="directory-sign-in-heading">
      <h2 id="directory-sign-in-heading" className="text-sm font-medium text-slate-700">
        Sign in with your directory account
      </h2>
      <TextField label="Company ID" name="company" placeholder="contoso" required />
      <TextField label="Username" name="username" autoComplete="username" placeholder="bob or CONTOSO\bob" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <SignInError error={error} />
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
