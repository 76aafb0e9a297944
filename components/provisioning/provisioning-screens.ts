import { connectorScreens } from "@/lib/connectors/screens";
import type { ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";

/** The screen a source's people come from; its Provisioning screen lives under it. Free of server code, for client components too. */
const screenOf = ({ label, segment }: { label: string; segment: string }) => ({
  label,
  connectorPath: `/authority/${segment}`,
  path: `/authority/${segment}/provisioning`,
});

export type ProvisioningScreen = ReturnType<typeof screenOf>;

export const provisioningScreens: Record<ProvisioningSource, ProvisioningScreen> = {
  entra: screenOf(connectorScreens.entra),
  "active-directory": screenOf(connectorScreens["active-directory"]),
  // SCIM pushes people rather than being a pull connector: its screen is its own.
  scim: screenOf({ label: "SCIM", segment: "scim" }),
};
