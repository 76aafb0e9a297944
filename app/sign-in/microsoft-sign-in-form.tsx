"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { TextField } from "@/components/forms/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import { idle } from "@/lib/actions/action-state";
import { chooseMicrosoftCompany } from "./actions";

/**
 * Every company has its own Microsoft app registration, so the person first
 * names their company; then next-auth sends them to that company's tenant.
 */
export function MicrosoftSignInForm({ company }: { company: string }) {
  const [state, setState] = useState<ActionState>(idle);
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    startTransition(async () => {
      const chosen = await chooseMicrosoftCompany(idle, formData);
      setState(chosen);
      if (chosen.status === "success") await signIn("azure-ad", { callbackUrl: "/" });
    });
  }

  return (
    <form action={submit} className="space-y-4" aria-label="Sign in with Microsoft">
      <TextField
        label="Company"
        name="company"
        defaultValue={company}
        placeholder="contoso"
        hint="Your company's name in the portal, or your portal ID (name@company)."
        error={state.status === "error" ? state.fieldErrors?.company : undefined}
        required
      />
      {state.status === "error" ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        <span aria-hidden className="grid grid-cols-2 gap-0.5">
          <span className="h-2 w-2 bg-[#f25022]" />
          <span className="h-2 w-2 bg-[#7fba00]" />
          <span className="h-2 w-2 bg-[#00a4ef]" />
          <span className="h-2 w-2 bg-[#ffb900]" />
        </span>
        {pending ? "Opening Microsoft…" : "Sign in with Microsoft"}
      </button>
    </form>
  );
}
