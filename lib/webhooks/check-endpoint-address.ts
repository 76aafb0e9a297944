import "server-only";
import { AppError } from "@/lib/errors";
import { OutboundAddressRefused, outboundAllowance, resolveOutboundHost, type ResolvedAddress } from "@/lib/net/outbound-address";

export type EndpointTarget = { url: URL; address: ResolvedAddress };

/**
 * Where a delivery to this address would go, checked the way every outbound
 * connection of the portal is (lib/net/outbound-address.ts): refused if the
 * host is or resolves to a loopback, private, link-local or metadata address,
 * unless the operator's OUTBOUND_ALLOW allows it. Checked when the endpoint
 * is saved and again before each delivery, since DNS can change; the delivery
 * connects to the address returned here, never to the name again.
 */
export async function resolveEndpoint(rawUrl: string): Promise<EndpointTarget> {
  const url = new URL(rawUrl);
  if (url.protocol === "http:" && !outboundAllowance().loopback) {
    throw new AppError("invalid_input", "The address must start with https://.", { url: "The address must start with https://." });
  }
  try {
    return { url, address: await resolveOutboundHost(url.hostname) };
  } catch (error) {
    if (error instanceof OutboundAddressRefused) throw new AppError("invalid_input", error.message, { url: error.message });
    const message = "The address's host name could not be found.";
    throw new AppError("invalid_input", message, { url: message });
  }
}
