import "server-only";
import type { Job } from "bullmq";
import type { SyncRun } from "@/db/schema";
import { directorySyncPayload, type DirectorySyncPayload } from "@/lib/jobs/directory-sync-job";
import { diagnoseEntraError } from "@/lib/entra/diagnose-entra-error";
import { explainEntraError } from "@/lib/entra/explain-entra-error";
import { getEntraSettings } from "@/lib/entra-settings/get-entra-settings";
import { runLdapImportAttempt } from "@/lib/ldap-import/run-ldap-import-attempt";
import { explainLdapError } from "@/lib/ldap/explain-ldap-error";
import { logger } from "@/lib/logger";
import { claimAttempt, createRun, failRun, noteRetry, RunAlreadyActiveError, supersedeUnconfirmed } from "./run-records";
import { runSyncAttempt } from "./run-sync-attempt";

/**
 * The worker's handler for a directory-sync job. A failure that may pass (an
 * outage, throttling, a reset connection, a killed worker) is thrown back to
 * BullMQ, which retries with exponential backoff; one that will not (a wrong
 * or expired secret, missing consent) or the last attempt ends the run as
 * failed, in plain words, with nothing removed.
 */
export async function processSyncJob(job: Job<DirectorySyncPayload>): Promise<void> {
  const payload = directorySyncPayload.parse(job.data);
  let runId = payload.runId;
  if (!runId) {
    try {
      runId = (await createRun({ customerId: payload.customerId, connector: payload.connector, trigger: "schedule" })).id;
    } catch (error) {
      if (!(error instanceof RunAlreadyActiveError)) throw error;
      logger.info({ customerId: payload.customerId }, "scheduled sync skipped: a sync is already running");
      return;
    }
    // Retries of this job continue the same run.
    await job.updateData({ ...payload, runId });
  }

  const run = await claimAttempt(runId);
  if (!run) return; // already final: a duplicate delivery
  await supersedeUnconfirmed(run);
  const log = logger.child({ runId: run.id, customerId: run.customerId, connector: run.connector, trigger: run.trigger, attempt: job.attemptsMade + 1 });
  log.info("sync started");

  try {
    const outcome = run.connector === "ldap" ? await runLdapImportAttempt(run) : await runSyncAttempt(run);
    log.info({ outcome }, "sync finished");
  } catch (error) {
    const problem = await explainFailure(run, error);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    log.warn({ code: problem.code, retryable: problem.retryable, lastAttempt, err: redactable(error) }, "sync attempt failed");
    if (problem.retryable && !lastAttempt) {
      await noteRetry(run.id, problem);
      throw error;
    }
    await failRun(run.id, problem);
  }
}

async function explainFailure(run: SyncRun, error: unknown) {
  if (run.connector === "ldap") return explainLdapError(error);
  const settings = await getEntraSettings({ customerId: run.customerId });
  return settings ? diagnoseEntraError(error, settings.tenantId) : explainEntraError(error);
}

/** Error details for the log without anything a library may have attached (requests carry tokens). */
function redactable(error: unknown): { name?: string; code?: unknown; statusCode?: unknown } {
  const e = error as { name?: string; code?: unknown; errorCode?: unknown; statusCode?: unknown };
  return { name: e?.name, code: e?.code ?? e?.errorCode, statusCode: e?.statusCode };
}
