import "server-only";
import { db } from "@/db/client";
import { entraSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { open, seal } from "@/lib/secrets/secret-box";
import { saveConnectorSettings, scheduleColumns } from "@/lib/connector-settings/save-connector-settings";
import type { EntraSettingsInput } from "@/lib/validation/entra-settings-input";
import { getEntraSettings } from "./get-entra-settings";
import { proveTenant } from "./prove-tenant";
import { isTenantProven } from "./proven-tenant";
import { ofCustomer } from "@/lib/tenancy";

// Which field a failed proof points at, by the AADSTS code Microsoft answered.
const fieldOfCode: Record<string, string> = {
  AADSTS90002: "tenantId",
  AADSTS700016: "clientId",
  AADSTS7000215: "clientSecret",
  AADSTS7000222: "clientSecret",
  AADSTS7000218: "clientSecret",
};

/**
 * Saves the MS AAD screen. The secret is sealed before it reaches the
 * database and is kept when the field is left blank. A different tenant or
 * app makes the stored delta link meaningless, so the next sync is a full one.
 *
 * The tenant must be proven before any Entra identity is tied to it: with
 * Usage = Use the save asks Microsoft for a token with these credentials and
 * is refused if none comes; with Not use it tries, and a tenant it cannot
 * prove stays unproven (no SCIM identity, link or Microsoft sign-in for it).
 * A proof holds for its tenant and app: a new tenant or client ID needs a new one.
 */
export async function saveEntraSettings(actor: CustomerActor, input: EntraSettingsInput): Promise<{ tenantProven: boolean }> {
  const existing = await getEntraSettings({ customerId: actor.customerId });
  if (!existing && !input.clientSecret) {
    throw new AppError("invalid_input", "Enter the client secret: it is required the first time.", {
      clientSecret: "Required the first time you save.",
    });
  }
  const sealed = input.clientSecret ? seal(input.clientSecret, actor.customerId) : null;
  const sameApp = existing?.tenantId === input.tenantId && existing?.clientId === input.clientId;
  const { usage, clientSecret: _secret, ...fields } = input;
  const proof = await tenantProof(actor.customerId, input, sameApp && existing !== null && isTenantProven(existing));
  const values = {
    ...fields,
    ...scheduleColumns(actor, input),
    ...(sealed ? { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId, secretUpdatedAt: new Date() } : {}),
    ...(sameApp ? {} : { deltaLink: null, deltaLinkAt: null }),
    ...(proof === "kept" ? {} : proof),
  };

  await saveConnectorSettings(actor, {
    connector: "entra",
    existing,
    next: values,
    write: (tx) =>
      existing
        ? tx.update(entraSettings).set(values).where(ofCustomer(entraSettings, actor.customerId))
        : tx.insert(entraSettings).values({ ...values, customerId: actor.customerId, secretCiphertext: sealed!.ciphertext, secretKeyId: sealed!.keyId }),
    audit: {
      action: "entra_settings.save",
      targetType: "entra_settings",
      detail: {
        usage,
        tenantId: input.tenantId,
        clientId: input.clientId,
        secretChanged: Boolean(sealed),
        tenantProven: proof === "kept" || proof.tenantVerifiedAt !== null,
        period: input.period,
        groups: input.groupFilter.length,
      },
    },
  });
  return { tenantProven: proof === "kept" || proof.tenantVerifiedAt !== null };
}

type ProofColumns = { verifiedTenantId: string | null; verifiedClientId: string | null; tenantVerifiedAt: Date | null };

/**
 * The proof columns to write: "kept" when this tenant and app are proven and
 * nothing needs asking again, new proof when Microsoft issues a token, none
 * when it does not (refused outright under Usage = Use).
 */
async function tenantProof(customerId: string, input: EntraSettingsInput, alreadyProven: boolean): Promise<ProofColumns | "kept"> {
  if (alreadyProven && !input.clientSecret) return "kept";
  const clientSecret = input.clientSecret ?? (await keptSecret(customerId));
  const result = await proveTenant({ customerId, tenantId: input.tenantId, clientId: input.clientId, clientSecret });
  if (result.ok) return { verifiedTenantId: input.tenantId, verifiedClientId: input.clientId, tenantVerifiedAt: new Date() };
  if (input.usage === "use") {
    const { code, message, retryable } = result.problem;
    const field = fieldOfCode[code];
    throw new AppError(
      "invalid_input",
      `Not saved: Microsoft issued no token for this tenant with this client ID and secret, so the tenant cannot be verified as yours. ${message} (${code})${retryable ? " Try saving again in a few minutes." : ""}`,
      field ? { [field]: "Microsoft did not accept this value." } : undefined,
    );
  }
  // Not use: saved, but nothing is tied to a tenant it could not prove.
  return alreadyProven ? "kept" : { verifiedTenantId: null, verifiedClientId: null, tenantVerifiedAt: null };
}

async function keptSecret(customerId: string): Promise<string> {
  const [row] = await db()
    .select({ ciphertext: entraSettings.secretCiphertext, keyId: entraSettings.secretKeyId })
    .from(entraSettings)
    .where(ofCustomer(entraSettings, customerId))
    .limit(1);
  return open({ ciphertext: row!.ciphertext, keyId: row!.keyId }, customerId);
}
