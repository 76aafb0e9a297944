/**
 * Microsoft Entra ID + Microsoft Graph emulator: the public surface. See
 * emulator/README.md. Production code never imports this; it only reads
 * ENTRA_AUTHORITY_HOST / GRAPH_BASE_URL, which point here in development.
 */
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "./start-emulator";
export { ensureCertificates, type EmulatorCertificates } from "./certs/ensure-certificates";
export { createEmulatorAdmin } from "./admin/create-emulator-admin";
export type { EmulatorAdmin, SecretInput, CreatedSecret, UserList } from "./admin/emulator-admin";
export { EmulatorAdminError } from "./admin/admin-http";
export type { GroupDescription } from "./admin/admin-directory-routes";
export { DEMO_TENANT, DEMO_USER_IDS, DEMO_GROUP_IDS, DEMO_FEATURED_USER, type DemoAlias } from "./seed/demo-tenant";
export { loadSeedFile, type SeedFile } from "./seed/seed-file";
export type { GenerateUsersResult } from "./seed/generate-users";
export type { FaultSettings } from "./faults/fault-settings";
export type { RequestLogEntry, RequestLogFilter } from "./http/request-log";
export type { UserInput, UserPatch } from "./state/user-input";
export type { UserDescription, UserState } from "./state/user-record";
export type { AppDescription } from "./state/app-registration";
export type { TenantDescription, AppInput, DeltaExpiry } from "./state/tenant";
export type { BatchTenant } from "./admin/create-tenant-batch";
export type { TenantInput } from "./state/emulator-state";
export type { GroupInput } from "./state/group-directory";
