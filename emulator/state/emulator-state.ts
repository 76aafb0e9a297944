import { DirectoryError, notFound } from "./directory-error";
import { randomGuid } from "./ids";
import { Tenant } from "./tenant";
import type { Outbound } from "../subscriptions/subscription-store";

export interface TenantInput {
  id?: string;
  displayName: string;
  /** Verified domains; the first is the default. Defaults to `<name>.onmicrosoft.com`. */
  domains?: string[];
}

/** Every tenant the emulator serves, addressable by GUID or by verified domain, as Entra allows. */
export class EmulatorState {
  private readonly tenants = new Map<string, Tenant>();
  private readonly byDomain = new Map<string, Tenant>();
  /** How change notifications reach HTTPS receivers (the emulator's CA beside the system's); set at start. */
  outbound: Outbound = {};

  createTenant(input: TenantInput, now = new Date().toISOString()): Tenant {
    const id = (input.id ?? randomGuid()).toLowerCase();
    if (this.tenants.has(id)) throw new DirectoryError(409, `Tenant '${id}' already exists.`);
    const domains = (input.domains?.length ? input.domains : [this.freeDomain(input.displayName)]).map((d) => d.toLowerCase());
    for (const domain of domains) {
      if (this.byDomain.has(domain)) throw new DirectoryError(409, `Domain '${domain}' is already verified by another tenant.`);
    }
    const tenant = new Tenant(id, input.displayName, domains, now, () => this.outbound);
    this.tenants.set(id, tenant);
    for (const domain of domains) this.byDomain.set(domain, tenant);
    return tenant;
  }

  /** Finds a tenant by GUID or verified domain; `undefined` is what AADSTS90002 reports. */
  resolve(idOrDomain: string): Tenant | undefined {
    const key = idOrDomain.toLowerCase();
    return this.tenants.get(key) ?? this.byDomain.get(key);
  }

  get(idOrDomain: string): Tenant {
    const tenant = this.resolve(idOrDomain);
    if (!tenant) throw notFound("Tenant", idOrDomain);
    return tenant;
  }

  list(): Tenant[] {
    return [...this.tenants.values()];
  }

  private freeDomain(displayName: string): string {
    const base =
      displayName
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .slice(0, 20) || "tenant";
    for (let n = 0; ; n++) {
      const domain = `${base}${n === 0 ? "" : n}.onmicrosoft.com`;
      if (!this.byDomain.has(domain)) return domain;
    }
  }
}
