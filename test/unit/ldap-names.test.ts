import { describe, expect, it } from "vitest";
import { ldapNames, slugOfBindDn } from "@/lib/phonebook/ldap-names";

describe("the LDAP phonebook's names", () => {
  it("reads back the company of the bind DN it gives, however a phone spaces or cases it", () => {
    const { bindDn, baseDn } = ldapNames("contoso");
    expect(baseDn).toBe("ou=people,o=contoso,dc=switchboard");
    expect(slugOfBindDn(bindDn)).toBe("contoso");
    expect(slugOfBindDn("CN=Phones, O=Contoso, DC=Switchboard")).toBe("contoso");
  });

  it("names no company for any other DN", () => {
    for (const dn of [
      "",
      "cn=phones,o=contoso",
      "cn=admin,o=contoso,dc=switchboard",
      "cn=phones,o=a\\,b,dc=switchboard",
      "cn=phones,o=contoso,dc=switchboard,dc=x",
      "cn=phones,o=con\u0000toso,dc=switchboard",
    ]) {
      expect(slugOfBindDn(dn)).toBeNull();
    }
  });
});
