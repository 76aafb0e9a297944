import "server-only";
import { randomBytes } from "node:crypto";
import type { DeviceKind } from "@/db/schema";
import { seal } from "@/lib/secrets/secret-box";

export const deviceLabels: Record<DeviceKind, string> = { softphone: "Softphone", mobile: "Mobile phone" };

/** A SIP credential: 24 characters of base64url (144 random bits), typed into a phone once. */
export function newSipCredential(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * A device row for a user, its credential sealed for the customer. The SIP
 * user name is random, not the extension: an extension may change, and a
 * phone's registration must not.
 */
export function newDevice({ customerId, accountId, kind }: { customerId: string; accountId: string; kind: DeviceKind }) {
  const sealed = seal(newSipCredential(), customerId);
  return {
    customerId,
    accountId,
    kind,
    label: deviceLabels[kind],
    sipUsername: `sip-${randomBytes(8).toString("hex")}`,
    credentialCiphertext: sealed.ciphertext,
    credentialKeyId: sealed.keyId,
  };
}
