import type { PgColumn } from "drizzle-orm/pg-core";
import type { ConnectorId, DirectorySource, SyncRun } from "@/db/schema";
import type { db } from "@/db/client";
import type { ScheduleState } from "./apply-schedule";
import type { SeenKeySet } from "./seen-keys";
import type { SourceEntry } from "./synced-fields";

/** Why an attempt failed, in words a manager can act on, and whether trying again may help. */
export type SyncProblem = { code: string; message: string; retryable: boolean };

/** A transaction (or the database) as the run's last writes see it. */
export type SyncWriter = Pick<ReturnType<typeof db>, "update" | "select" | "execute" | "insert">;

/** What a round's pages hold of a process-wide budget until the walk is done with them (Entra's listings). */
export type HeldPages = {
  /** The page is written, or its write failed: what it held is given back. */
  release(page: SourceEntry[]): void;
  /** The walk is over, however it ended: what its pages still hold (read ahead, never written) is given back. */
  releaseAll(): void;
};

/** One round's pages as a connector reads them, and where the source stood at their end. */
export type RoundPages = {
  /** A page of source records, already mapped to directory entries; pages are streamed, never collected. */
  entries: AsyncIterable<SourceEntry[]>;
  /** What the connector keeps for the next run (Entra's delta link), read once every page is in; null for none. */
  position: () => string | null;
  /** How the round was read, in words for the run page, once every page is in; none where there is only one way. */
  readAs?: () => string | null;
  /** Throttling waits and unavailable retries since the last call, counted per page (see walkPages). */
  takeThrottle?: () => SourceWaits;
  held?: HeldPages;
};

/** What one attempt of a run reads, opened with the connector's settings and secrets. */
export type RoundSource = {
  /** Delta when the connector holds a position it trusts and the run did not ask for a full resync. */
  round: "full" | "delta";
  /** The source's tenant, stored with each entry (Entra's); null for connectors that have none. */
  tenantId: string | null;
  skipDisabled: boolean;
  removalThresholdPercent: number;
  /** The pages of a full round, or of the changes since the saved position. */
  read: (round: "full" | "delta") => RoundPages;
  /** The saved position is no longer known to the source: the engine starts a full round instead. */
  positionExpired: (error: unknown) => boolean;
  /** Work of the connector's own once every page is written, before the run is final (not for a failed walk). */
  afterWalk?: (walked: { seen: SeenKeySet; simulate: boolean }) => Promise<void>;
};

/**
 * What the sync engine needs from a source of directory entries. The engine
 * walks pages, plans, writes, removes under the threshold and keeps the run's
 * history; a connector only reads its source and says what its records mean.
 * Connectors live in lib/connectors/<id>/ and are found through
 * lib/connectors/registry.ts, never by name.
 */
export type Connector = {
  id: ConnectorId;
  /** The screen's name for it (what customers know). */
  label: string;
  /** The source of the directory entries it owns: an entry has one source, so no entry is owned by two connectors. */
  source: DirectorySource;
  /** The directory column holding the connector's stable key (unique per customer). */
  keyColumn: PgColumn;
  /** Whether the company saved the connector's settings; a run needs them. */
  hasSettings: (input: { customerId: string }) => Promise<boolean>;
  /** Opens one attempt of a run. */
  openRound: (run: SyncRun) => Promise<RoundSource>;
  /** Plain words for what an attempt threw. */
  explainError: (input: { customerId: string; error: unknown }) => Promise<SyncProblem>;
  /** The connector's saved schedule (null before its settings are saved), so a new time zone can move it. */
  schedule: (input: { customerId: string }) => Promise<ScheduleState>;
  /**
   * The keys of the people in the chosen groups, nested groups included, for
   * provisioning's scope (Entra: group object IDs; AD: group DNs). Connectors
   * without groups leave it out, and their provisioning covers everyone.
   */
  provisioningScope?: (run: SyncRun, groups: readonly { id: string }[]) => Promise<ReadonlySet<string>>;
  /**
   * What follows the directory for the connector's people: provisioning,
   * added to every connector by the registry (lib/connectors/registry.ts), so
   * the engine names neither. Left out, a run only keeps the directory.
   */
  provisioning?: RunProvisioning;
  /** Makes a successful run's position the company's, in the run's final transaction. */
  savePosition: (tx: SyncWriter, input: { customerId: string; position: string; at: Date }) => Promise<void>;
};

/** Provisioning's two steps in a run, as the engine calls them. */
export type RunProvisioning = {
  /** Once every page is in, before the run is final: users created, updated, restored (Simulate: recorded only). */
  afterPages: (input: { run: SyncRun; round: "full" | "delta"; simulate: boolean; seen: SeenKeySet }) => Promise<{ leftScope: string[] } | null>;
  /** In the transaction that applies the run's removals (or a manager's confirmation of them): suspensions and deletions. */
  withRemovals: (tx: SyncWriter, input: { runId: string; customerId: string; simulate: boolean; leftScope: readonly string[] }) => Promise<void>;
};

/** How the engine's entry points (the worker, the actions) find a connector: the registry, handed in. */
export type ConnectorLookup = (id: ConnectorId) => Connector;

/**
 * What reading a page waited for, since the last page: the source throttling us (429 and the time it asked
 * for), the source unavailable (retried), and our own budget for the source (requests held back, and how long).
 */
export type SourceWaits = { waits: number; waitMs: number; unavailable: number; budgetWaits: number; budgetWaitMs: number };

export const noSourceWaits: SourceWaits = { waits: 0, waitMs: 0, unavailable: 0, budgetWaits: 0, budgetWaitMs: 0 };
