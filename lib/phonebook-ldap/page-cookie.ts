import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { PagePosition } from "@/lib/phonebook/published-entries";

/**
 * The Simple Paged Results cookie (RFC 2696): the last entry sent, as a
 * keyset position, with the customer and the search it belongs to, signed
 * with a key of this process. A client can only hand back what we gave it:
 * a forged or altered cookie, one from another search or another company's
 * connection, is refused, so it can never reach another customer's rows. A
 * restart forgets the key, and a phone starts its search again.
 */
export class PageCookies {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  issue(customerId: string, searchKey: string, position: PagePosition): Buffer {
    const body = Buffer.from(JSON.stringify([customerId, searchKey, position.displayName, position.id]), "utf8");
    return Buffer.concat([this.mac(body), body]);
  }

  /** The position, or null when the cookie is not one of ours for this customer and search. */
  read(cookie: Uint8Array, customerId: string, searchKey: string): PagePosition | null {
    const bytes = Buffer.from(cookie);
    if (bytes.length <= 32) return null;
    const body = bytes.subarray(32);
    if (!timingSafeEqual(bytes.subarray(0, 32), this.mac(body))) return null;
    const [customer, search, displayName, id] = JSON.parse(body.toString("utf8")) as string[];
    if (customer !== customerId || search !== searchKey || typeof displayName !== "string" || typeof id !== "string") return null;
    return { displayName, id };
  }

  private mac(body: Buffer): Buffer {
    return createHmac("sha256", this.key).update(body).digest();
  }
}
