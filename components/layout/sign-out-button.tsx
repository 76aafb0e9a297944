"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="rounded border border-slate-600 px-3 py-1 text-sm text-slate-100 hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}
