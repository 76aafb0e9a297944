import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { PasswordSignInForm } from "./password-sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-slate-900">Switchboard</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to your company portal.</p>
        <PasswordSignInForm />
      </div>
    </main>
  );
}
