import { AppError } from "@/lib/errors";
import { OutboundAddressRefused, resolveOutboundHost } from "@/lib/net/outbound-address";

/**
 * Refuses to save a server address the portal would not connect to (see
 * lib/net/outbound-address.ts), as an error on the address field. The name
 * is resolved, but nothing is sent to the server: a name that does not
 * resolve today may tomorrow, and every connection checks again anyway.
 */
export async function requireAllowedServer(url: string): Promise<void> {
  const host = new URL(url).hostname;
  try {
    await resolveOutboundHost(host);
  } catch (error) {
    if (error instanceof OutboundAddressRefused) throw new AppError("invalid_input", error.message, { url: error.message });
  }
}
