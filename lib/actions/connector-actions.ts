import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ConnectorId, SyncTrigger } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { CustomerActor } from "@/lib/actor";
import { connectorOf } from "@/lib/connectors/registry";
import { confirmRemovals } from "@/lib/sync/confirm-removals";
import { startRun } from "@/lib/sync/start-run";
import { uuid } from "@/lib/validation/fields";
import { defineCustomerAction } from "./define-action";

/** What starting a run answers besides its message. */
export type StartedRun = { runId: string };

type Screen = {
  connector: ConnectorId;
  /** The connector's screen, refreshed (with its history and runs) after a run action. */
  path: string;
};

/**
 * The server actions every pull connector's screen offers, made once: each
 * connector's actions.ts ("use server") exports what these return, with its
 * own input schema and lib function. All need settings:manage; a run's
 * trigger is fixed here, never read from the form.
 */
export const connectorActions = ({ connector, path }: Screen) => ({
  /** Stores the settings; the whole portal is refreshed (the menu and banners read them too). */
  save: <S extends z.ZodType, R>(input: S, save: (actor: CustomerActor, input: z.infer<S>) => Promise<R>, saved: (result: R) => string) =>
    defineCustomerAction({ permission: "settings:manage", input }, async ({ actor }, values) => {
      const result = await save(actor, values);
      revalidatePath("/", "layout");
      return { status: "success", message: saved(result) };
    }),
  /** Tries something (a connection, a password) and says how it went; stores nothing. */
  test: <S extends z.ZodType>(input: S, test: (actor: CustomerActor, input: z.infer<S>) => Promise<{ ok: boolean; message: string }>) =>
    defineCustomerAction({ permission: "settings:manage", input }, async ({ actor }, values) => {
      const result = await test(actor, values);
      return { status: result.ok ? "success" : "error", message: result.message };
    }),
  startRun: (trigger: Exclude<SyncTrigger, "schedule">, started: string) =>
    defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }): Promise<ActionState<StartedRun>> => {
      const run = await startRun(actor, trigger, connectorOf(connector));
      revalidatePath(path, "layout");
      // The run's id: the screen says "started" until that run has finished.
      return { status: "success", message: started, data: { runId: run.id } };
    }),
  confirmRemovals: () =>
    defineCustomerAction({ permission: "settings:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
      await confirmRemovals(actor, { runId: id }, connectorOf);
      revalidatePath(path, "layout");
      return { status: "success", message: "Removals confirmed and applied." };
    }),
});
