import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { DirectorySignInForm } from "./directory-sign-in-form";

export const metadata: Metadata = { title: "Sign in with your directory account" };
export const dynamic = "force-dynamic";

export default async function DirectorySignInPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-slate-900">Switchboard</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">For companies that sign in with their Active Directory password.</p>
        <DirectorySignInForm />
        <p className="mt-6 text-center text-sm">
          <Link href="/sign-in" className="text-sky-700 hover:underline">
            Back to sign-in with a portal ID
          </Link>
        </p>
      </div>
    </main>
  );
}
