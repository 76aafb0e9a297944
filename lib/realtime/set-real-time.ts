import "server-only";
import { db } from "@/db/client";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { followRealTimeSettings } from "./follow-settings";
import { updateSubscriptionRow } from "./subscription-row";

/** The MS AAD screen's switch: off removes the Graph subscription (the schedule stays), on makes one. */
export async function setRealTime(actor: CustomerActor, enabled: boolean): Promise<void> {
  await updateSubscriptionRow(actor.customerId, { enabled });
  await recordAudit(db(), actor, { action: enabled ? "real_time.on" : "real_time.off", targetType: "entra_settings", targetId: actor.customerId, detail: {} });
  await followRealTimeSettings(actor.customerId);
}
