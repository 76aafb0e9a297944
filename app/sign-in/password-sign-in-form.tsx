"use client";

import { TextField } from "@/components/forms/text-field";
import { SignInError } from "./sign-in-error";
import { useCredentialsSignIn } from "./use-credentials-sign-in";

export function PasswordSignInForm() {
  const { error, pending, submit } = useCredentialsSignIn("password", ["portalId", "password"]);

  return (
    <form action={submit} className="space-y-4">
      <TextField label="Portal ID" name="portalId" autoComplete="username" placeholder="name@company" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <SignInError error={error} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
