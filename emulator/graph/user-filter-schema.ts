import type { UserRecord } from "../state/user-record";
import type { FilterSchema } from "./odata-filter";
import { canonicalUserProperty } from "./user-properties";

/** The user properties the emulator can filter on (every one Graph supports eq/startswith on that we store). */
export const USER_FILTER_SCHEMA: FilterSchema<UserRecord> = {
  typeName: "microsoft.graph.user",
  isKnown: (name) => canonicalUserProperty(name) !== undefined,
  fields: {
    id: { type: "string", get: (u) => u.id },
    userPrincipalName: { type: "string", get: (u) => u.userPrincipalName },
    mail: { type: "string", get: (u) => u.mail },
    accountEnabled: { type: "boolean", get: (u) => u.accountEnabled },
    userType: { type: "string", get: (u) => u.userType },
    displayName: { type: "string", get: (u) => u.displayName },
    givenName: { type: "string", get: (u) => u.givenName },
    surname: { type: "string", get: (u) => u.surname },
    department: { type: "string", get: (u) => u.department },
    jobTitle: { type: "string", get: (u) => u.jobTitle },
    employeeId: { type: "string", get: (u) => u.employeeId },
  },
};
