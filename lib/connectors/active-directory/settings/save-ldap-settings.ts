import "server-only";
import { ldapSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { seal } from "@/lib/secrets/secret-box";
import { saveConnectorSettings, scheduleColumns } from "@/lib/connector-settings/save-connector-settings";
import type { LdapSettingsInput } from "@/lib/validation/ldap-settings-input";
import { getLdapSettings } from "./get-ldap-settings";
import { requireAllowedServer } from "./require-allowed-server";
import { requirePasswordFor } from "./stored-password-rule";
import { ofCustomer } from "@/lib/tenancy";

/**
 * Saves the Active Directory screen. The proxy password is sealed before it
 * reaches the database and kept when the field is left blank — but only for
 * the server it was saved for: a new address needs it typed again (see
 * stored-password-rule.ts). An address the portal may not connect to is
 * refused on its field (require-allowed-server.ts). Usage = Use schedules the
 * import, Not use removes the schedule; the audit record names what changed,
 * never the password.
 */
export async function saveLdapSettings(actor: CustomerActor, input: LdapSettingsInput): Promise<void> {
  const existing = await getLdapSettings({ customerId: actor.customerId });
  await requireAllowedServer(input.url);
  requirePasswordFor(existing, input);
  const sealed = input.bindPassword ? seal(input.bindPassword, actor.customerId) : null;
  const { usage, bindPassword: _password, ...fields } = input;
  const values = {
    ...fields,
    ...scheduleColumns(actor, input),
    ...(sealed ? { bindPasswordCiphertext: sealed.ciphertext, bindPasswordKeyId: sealed.keyId } : {}),
  };

  await saveConnectorSettings(actor, {
    connector: "active-directory",
    existing,
    next: values,
    write: (tx) =>
      existing
        ? tx.update(ldapSettings).set(values).where(ofCustomer(ldapSettings, actor.customerId))
        : tx
            .insert(ldapSettings)
            .values({ ...values, customerId: actor.customerId, bindPasswordCiphertext: sealed!.ciphertext, bindPasswordKeyId: sealed!.keyId }),
    audit: {
      action: "ldap_settings.save",
      targetType: "ldap_settings",
      detail: {
        usage,
        url: input.url,
        startTls: input.startTls,
        baseDn: input.baseDn,
        bindName: input.bindName,
        passwordChanged: Boolean(sealed),
        caCertificate: input.caCertificate ? "set" : "none",
        period: input.period,
        authenticationEnabled: input.authenticationEnabled,
        ...(existing ? { changed: changedFields(existing, values) } : { created: true }),
      },
    },
  });
}

/** Names of the settings that differ from the stored ones (values stay out of the log). */
function changedFields(existing: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const ignored = new Set(["updatedAt", "updatedBy", "bindPasswordCiphertext", "bindPasswordKeyId"]);
  return Object.keys(next).filter((key) => !ignored.has(key) && existing[key] !== next[key]);
}
