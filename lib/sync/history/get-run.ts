import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

export async function getRun({ customerId, runId }: { customerId: string; runId: string }) {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.id, runId)))
    .limit(1);
  if (!run) throw notFound("The sync run");
  return run;
}
