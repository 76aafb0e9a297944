import type { EmulatorState } from "../state/emulator-state";
import type { Tenant } from "../state/tenant";
import { aadsts } from "./aadsts-errors";

/** The tenant named in an authority path (GUID or verified domain), or AADSTS90002. */
export function resolveTenant(state: EmulatorState, segment: string | undefined): Tenant {
  const tenant = segment ? state.resolve(segment) : undefined;
  if (!tenant) throw aadsts.tenantNotFound(segment ?? "");
  return tenant;
}
