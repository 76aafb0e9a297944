import "server-only";
import type { SyncConnector } from "@/db/schema";
import { applyPage, loadExisting } from "./apply-page";
import { planPage, type PlanOptions } from "./plan-page";
import { readAhead } from "./read-ahead";
import { startAttempt } from "./run-records";
import type { SourceEntry } from "./synced-fields";

export type WalkInput = {
  runId: string;
  customerId: string;
  connector: SyncConnector;
  /** Entra's tenant, stored with each entry; null for other connectors. */
  tenantId: string | null;
  simulate: boolean;
  round: "full" | "delta";
  options: PlanOptions;
  /** Throttling waits since the last call (Graph's Retry-After), counted per page. */
  takeThrottle?: () => { waits: number; waitMs: number };
};

/**
 * One attempt's walk through a connector's pages, the same for every
 * connector: each page is looked up, planned and written in one transaction
 * while the next is already being fetched. Returns the keys a full round saw
 * (IDs only, about 100 bytes each, never the pages themselves): what it did
 * not see is removed at the end, by finishRun.
 */
export async function walkPages(input: WalkInput, pages: AsyncIterable<SourceEntry[]>): Promise<Set<string>> {
  await startAttempt(input.runId, input.round);
  const seen = new Set<string>();
  for await (const entries of readAhead(pages)) {
    const existing = await loadExisting(input.customerId, input.connector, entries.map((e) => e.key));
    const plan = planPage(entries, existing, input.options, input.connector);
    const throttle = input.takeThrottle?.() ?? { waits: 0, waitMs: 0 };
    await applyPage({ ...input, itemCount: entries.length, throttle, existing }, plan);
    if (input.round === "full") for (const key of plan.seen) seen.add(key);
  }
  return seen;
}
