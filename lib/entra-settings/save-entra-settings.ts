import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { entraSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getCustomer } from "@/lib/customers/get-customer";
import { seal } from "@/lib/secrets/secret-box";
import { withSchedule } from "@/lib/sync/apply-schedule";
import type { EntraSettingsInput } from "@/lib/validation/entra-settings-input";
import { getEntraSettings } from "./get-entra-settings";

/**
 * Saves the MS AAD screen. The secret is sealed before it reaches the
 * database and is kept when the field is left blank. A different tenant or
 * app makes the stored delta link meaningless, so the next sync is a full one.
 */
export async function saveEntraSettings(actor: CustomerActor, input: EntraSettingsInput) {
  const existing = await getEntraSettings({ customerId: actor.customerId });
  if (!existing && !input.clientSecret) {
    throw new AppError("invalid_input", "Enter the client secret: it is required the first time.", {
      clientSecret: "Required the first time you save.",
    });
  }
  const sealed = input.clientSecret ? seal(input.clientSecret, actor.customerId) : null;
  const sameApp = existing?.tenantId === input.tenantId && existing?.clientId === input.clientId;
  const { usage, clientSecret: _secret, ...fields } = input;
  const values = {
    ...fields,
    enabled: usage === "use",
    weekday: input.period === "weekly" ? input.weekday : null,
    updatedAt: new Date(),
    updatedBy: actor.accountId,
    ...(sealed ? { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId, secretUpdatedAt: new Date() } : {}),
    ...(sameApp ? {} : { deltaLink: null, deltaLinkAt: null }),
  };

  const { timeZone } = await getCustomer({ customerId: actor.customerId });
  const next = { state: { ...values }, timeZone };
  const previous = { state: existing, timeZone };
  await withSchedule({ customerId: actor.customerId, connector: "entra" }, next, previous, () => db().transaction(async (tx) => {
    if (existing) {
      await tx.update(entraSettings).set(values).where(eq(entraSettings.customerId, actor.customerId));
    } else {
      await tx.insert(entraSettings).values({ ...values, customerId: actor.customerId, secretCiphertext: sealed!.ciphertext, secretKeyId: sealed!.keyId });
    }
    await recordAudit(tx, actor, {
      action: "entra_settings.save",
      targetType: "entra_settings",
      targetId: actor.customerId,
      detail: {
        usage,
        tenantId: input.tenantId,
        clientId: input.clientId,
        secretChanged: Boolean(sealed),
        period: input.period,
        groups: input.groupFilter.length,
      },
    });
  }));
}

