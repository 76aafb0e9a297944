import type { Metadata } from "next";
import { RunDetail } from "@/components/sync/run-detail";
import { idParam } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { confirmLdapRemovalsAction } from "../../actions";

export const metadata: Metadata = { title: "Active Directory import" };

export default async function ActiveDirectoryRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireCustomerPage("settings:manage");
  const runId = await idParam(params);
  return (
    <RunDetail customerId={actor.customerId} runId={runId} connector="active-directory" query={await searchParams} confirmAction={confirmLdapRemovalsAction} />
  );
}
