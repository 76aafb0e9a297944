import { z } from "zod";
import { safeText } from "@/lib/validation/fields";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhook-events/event-types";

const knownTypes = new Set<string>(webhookEventTypes);

/**
 * The event types as the screen posts them: one field, the chosen types
 * joined by commas (a form field repeated keeps only its last value here).
 */
export const eventTypesField = safeText(2000).transform((raw, ctx): WebhookEventType[] => {
  const listed = [
    ...new Set(
      raw
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (listed.length === 0 || listed.some((t) => !knownTypes.has(t))) {
    ctx.addIssue({ code: "custom", message: listed.length === 0 ? "Choose at least one event." : "Choose events from the list." });
    return z.NEVER;
  }
  return webhookEventTypes.filter((t) => listed.includes(t));
});

/**
 * An endpoint's address as typed: HTTPS, no user name or password in it (they
 * would show on the screen and in logs; the signature proves the sender), no
 * fragment. Whether its host may be reached is checked apart, with DNS
 * (lib/webhooks/check-endpoint-address.ts). Plain http is taken only where
 * the operator allows loopback addresses (development and tests).
 */
export const endpointUrlField = safeText(2000)
  .min(1, "The endpoint's address is required.")
  .transform((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full address, such as https://pbx.example.com/hooks/switchboard." });
      return z.NEVER;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "The address must start with https://." });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Leave the user name and password out of the address: receivers check the signature instead." });
      return z.NEVER;
    }
    url.hash = "";
    return url.toString();
  });

export const endpointInput = z.object({
  url: endpointUrlField,
  description: safeText(200),
  eventTypes: eventTypesField,
});
export type EndpointInput = z.infer<typeof endpointInput>;
