import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, ldapSettings, type LdapSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { seal } from "@/lib/secrets/secret-box";
import { startRun } from "@/lib/sync/start-run";
import { sambaConfig } from "./samba/samba-config";
import { waitForRun } from "./sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

type LdapOverrides = Partial<Omit<LdapSettings, "customerId" | "bindPasswordCiphertext" | "bindPasswordKeyId">> & { bindPassword?: string };

/**
 * Stores a company's Active Directory settings as the screen saves them (the
 * proxy password sealed), pointed at the test domain controller: its CA
 * trusted, Administrator as the proxy user, and `baseDn` a test's own OU.
 */
export async function configureLdap(manager: CustomerActor, overrides: LdapOverrides & { baseDn: string }): Promise<void> {
  const samba = sambaConfig();
  const { bindPassword = samba.bindPassword, ...fields } = overrides;
  const sealed = seal(bindPassword, manager.customerId);
  const values = {
    url: samba.url,
    startTls: false,
    caCertificate: samba.caCertificate,
    bindName: samba.bindName,
    userFilter: samba.userFilter,
    usernameAttribute: samba.usernameAttribute,
    ...fields,
    bindPasswordCiphertext: sealed.ciphertext,
    bindPasswordKeyId: sealed.keyId,
  };
  await db()
    .insert(ldapSettings)
    .values({ customerId: manager.customerId, ...values })
    .onConflictDoUpdate({ target: ldapSettings.customerId, set: values });
}

/** Starts an import as the manager would and waits for its outcome. */
export async function importNow(manager: CustomerActor, trigger: "one_time" | "simulate" | "full_resync" = "one_time") {
  const run = await startRun(manager, trigger, connectorOf("active-directory"));
  return waitForRun(run.id, 90_000);
}

export function importedEntries(customerId: string) {
  return db()
    .select()
    .from(directoryEntries)
    .where(and(eq(directoryEntries.customerId, customerId), eq(directoryEntries.source, "active-directory")))
    .orderBy(asc(directoryEntries.accountName));
}
