import type { Metadata } from "next";
import { idParam } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { RunDetail } from "../../../entra/runs/[id]/run-detail";
import { confirmLdapRemovalsAction } from "../../actions";
import { ldapTriggerLabel } from "../../trigger-labels";

export const metadata: Metadata = { title: "Active Directory import" };

export default async function LdapRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  const runId = await idParam(params);
  return (
    <RunDetail
      customerId={actor.customerId}
      runId={runId}
      connector="ldap"
      query={await searchParams}
      runsPath="/authority/active-directory/runs"
      labels={ldapTriggerLabel}
      sourceName="Directory"
      confirmAction={confirmLdapRemovalsAction}
    />
  );
}
