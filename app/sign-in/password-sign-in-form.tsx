"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { TextField } from "@/components/forms/text-field";

export function PasswordSignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await signIn("password", {
        portalId: String(formData.get("portalId") ?? ""),
        password: String(formData.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full load, not a client navigation plus refresh: the late refresh
        // would re-render the next page under a person already typing in it.
        window.location.assign("/");
      } else {
        // The server's message: wrong credentials or a lockout, never which one is true of the ID.
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Please try again.");
      }
    });
  }

  return (
    <form action={submit} className="space-y-4">
      <TextField label="Portal ID" name="portalId" autoComplete="username" placeholder="name@company" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
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
