/** LDAP result codes the phonebook answers with (RFC 4511 Appendix A). */
export const ResultCode = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  sizeLimitExceeded: 4,
  authMethodNotSupported: 7,
  unavailableCriticalExtension: 12,
  confidentialityRequired: 13,
  noSuchObject: 32,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unwillingToPerform: 53,
  other: 80,
} as const;

export type ResultCodeValue = (typeof ResultCode)[keyof typeof ResultCode];

/** Application tags of the responses sent (RFC 4511 §4.2–4.12). */
export const ResponseTag = { bind: 1, searchEntry: 4, searchDone: 5, extended: 24 } as const;
