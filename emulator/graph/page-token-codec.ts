import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Opaque $skiptoken / $deltatoken values. A token is the cursor itself (an
 * ordinal or a change sequence number plus the tenant and epoch), base64url
 * JSON with an HMAC so clients cannot forge or edit one. The key is random per
 * emulator process: after a restart old tokens are unknown, which is exactly
 * what a client must survive against the real service.
 */
export class PageTokenCodec {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  encode(payload: object): string {
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  /** The payload, or undefined for anything this process did not mint. */
  decode<T>(token: string): T | undefined {
    const dot = token.lastIndexOf(".");
    if (dot <= 0) return undefined;
    const body = token.slice(0, dot);
    const presented = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(body));
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url").slice(0, 22);
  }
}
