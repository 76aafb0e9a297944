import type { Metadata } from "next";
import { idParam } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { RunDetail } from "./run-detail";

export const metadata: Metadata = { title: "Sync run" };

export default async function SyncRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  const runId = await idParam(params);
  return <RunDetail customerId={actor.customerId} runId={runId} connector="entra" query={await searchParams} runsPath="/authority/entra/runs" sourceName="Graph" />;
}
