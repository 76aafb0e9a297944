import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { proposalLimit, proposeMatches } from "@/lib/provisioning/match/propose-matches";
import { applyMatchesAction } from "./actions";
import { MatchForm } from "./match-form";

export const metadata: Metadata = { title: "Match existing users" };

export default async function MatchUsersPage() {
  const actor = await requireCustomerPage("users:manage");
  const { proposals, more } = await proposeMatches({ customerId: actor.customerId });
  return (
    <>
      <PageHeader
        title="Match existing users"
        description="Link logins made by hand to the people your directory syncs, so they sign in with Microsoft (or their directory password) and provisioning keeps them up to date."
        actions={
          <Link className="text-sm text-sky-700 underline" href="/users">
            Back to users
          </Link>
        }
      />
      <Card>
        {more ? <p className="mb-3 text-sm text-amber-800">Showing the first {proposalLimit} proposals: apply these, and the page shows the next.</p> : null}
        {/* After applying, the page reloads with who is still free; the form's ticks apply only to pairs still listed. */}
        <MatchForm proposals={proposals} action={applyMatchesAction} />
      </Card>
    </>
  );
}
