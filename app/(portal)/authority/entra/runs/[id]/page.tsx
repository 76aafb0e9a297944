import type { Metadata } from "next";
import { RunDetail } from "@/components/sync/run-detail";
import { idParam } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { confirmRemovalsAction } from "../../actions";

export const metadata: Metadata = { title: "Sync run" };

export default async function EntraRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  const runId = await idParam(params);
  return <RunDetail customerId={actor.customerId} runId={runId} connector="entra" query={await searchParams} confirmAction={confirmRemovalsAction} />;
}
