import { ensureDebianPackages } from "./debian-packages";

/** The LDAP connector's tests run against a real AD domain controller: Debian's Samba (see test/support/samba). */
export function ensureSamba(): void {
  ensureDebianPackages("/usr/sbin/samba", ["samba", "ldap-utils"]);
}
