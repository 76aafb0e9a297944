import type { Metadata } from "next";
import Link from "next/link";
import { isRefusal, refusalForNextAuthError, refusals } from "@/lib/microsoft-sign-in/refusals";

export const metadata: Metadata = { title: "Sign-in refused" };

/**
 * Where Sign in with Microsoft ends when it opens no session: our own reasons
 * (`?reason=`) and next-auth's errors (`?error=`), each said plainly.
 */
export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { reason, error } = await searchParams;
  const refusal = refusals[isRefusal(reason) ? reason : refusalForNextAuthError(error)];
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div role="alert" className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{refusal.title}</h1>
        <p className="mt-3 text-sm text-slate-700">{refusal.text}</p>
        <p className="mt-3 text-sm text-slate-500">You are not signed in.</p>
        <Link href="/sign-in" className="mt-6 inline-block rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
          Back to sign-in
        </Link>
      </div>
    </main>
  );
}
