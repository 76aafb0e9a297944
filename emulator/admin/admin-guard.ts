import { timingSafeEqual } from "node:crypto";
import { HttpError } from "../http/http-error";
import type { RequestContext } from "../http/request-context";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The admin API can rewrite any tenant, so it answers only to this machine
 * (even if the emulator listens on another interface) and only with the key
 * printed at start (header `x-emulator-key`).
 */
export function requireAdmin(ctx: RequestContext, adminKey: string): void {
  if (!LOOPBACK.has(ctx.req.socket.remoteAddress ?? "")) throw new HttpError(403, "The emulator admin API answers only to loopback clients.");
  const presented = Buffer.from(String(ctx.req.headers["x-emulator-key"] ?? ""));
  const expected = Buffer.from(adminKey);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    throw new HttpError(401, "Missing or wrong x-emulator-key header (the admin key is printed when the emulator starts).");
  }
}
