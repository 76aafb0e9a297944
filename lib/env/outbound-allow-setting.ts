import { z } from "zod";

/** Which of the portal's own networks an outbound connection may reach besides the public internet. */
export type OutboundAllowance = { private: boolean; loopback: boolean };

const words = ["private", "loopback"] as const;

/**
 * OUTBOUND_ALLOW: "none" (the default), or a comma-separated list of
 * "private" (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7: for directory
 * servers on the customer's private network or a VPN) and "loopback"
 * (127/8, ::1: development and tests only). Link-local, cloud metadata,
 * unspecified, multicast and reserved addresses are never allowed.
 */
export const outboundAllowSetting = z
  .string()
  .default("none")
  .transform((raw, ctx): OutboundAllowance => {
    const listed = raw
      .split(",")
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w !== "" && w !== "none");
    const unknown = listed.filter((w) => !(words as readonly string[]).includes(w));
    if (unknown.length > 0 || (listed.length > 0 && raw.toLowerCase().includes("none"))) {
      ctx.addIssue({ code: "custom", message: `must be "none" or a comma-separated list of ${words.join(", ")} (not ${JSON.stringify(raw)})` });
      return z.NEVER;
    }
    return { private: listed.includes("private"), loopback: listed.includes("loopback") };
  });
