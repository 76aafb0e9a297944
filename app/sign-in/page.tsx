import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { MicrosoftSignInForm } from "./microsoft-sign-in-form";
import { PasswordSignInForm } from "./password-sign-in-form";

// Said after a change that ended every session of the login.
const notices: Record<string, string> = {
  password_changed: "Your password is changed. Sign in with your new password.",
  signed_out_everywhere: "You are signed out of all sessions.",
};

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await getActor()) redirect("/");
  const { company, error, notice } = await searchParams;
  // next-auth sends a failed Microsoft callback here (?error=OAuthCallback); its page says why.
  if (error) redirect(`/sign-in/refused?error=${encodeURIComponent(error)}`);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-slate-900">Switchboard</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to your company portal.</p>
        {notice && Object.hasOwn(notices, notice) ? (
          <p role="status" className="mb-4 rounded-md bg-sky-50 p-3 text-sm text-sky-900">
            {notices[notice]}
          </p>
        ) : null}
        <PasswordSignInForm />
        <div className="my-6 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
          <span className="h-px flex-1 bg-slate-200" />
          or
          <span className="h-px flex-1 bg-slate-200" />
        </div>
        <MicrosoftSignInForm company={typeof company === "string" ? company.slice(0, 200) : ""} />
        <p className="mt-6 text-center text-sm">
          <Link href="/sign-in/directory" className="text-sky-700 hover:underline">
            Sign in with your directory account
          </Link>
        </p>
      </div>
    </main>
  );
}
