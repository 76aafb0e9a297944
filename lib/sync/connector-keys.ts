import { directoryEntries, type SyncConnector } from "@/db/schema";

/**
 * Where each connector's entries live: their source, and the column holding
 * the connector's stable key. An entry has one source, so no entry is ever
 * owned by two connectors.
 */
export const connectorKeys = {
  entra: { source: "entra", keyColumn: directoryEntries.aadObjectId, keyColumnName: "aad_object_id" },
  ldap: { source: "ldap", keyColumn: directoryEntries.ldapObjectGuid, keyColumnName: "ldap_object_guid" },
} as const satisfies Record<SyncConnector, { source: string; keyColumn: unknown; keyColumnName: string }>;
