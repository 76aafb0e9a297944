export * from "./customers";
export * from "./accounts";
export * from "./directory-entries";
export * from "./audit-log";
export * from "./sign-in-failures";
export * from "./entra-settings";
export * from "./sync-runs";
export * from "./scim";
