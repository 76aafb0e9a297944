import { describe, expect, it } from "vitest";
import { companyOfPortalId, customerPortalId, normalizePortalId } from "@/lib/accounts/portal-id";
import { clientAddress } from "@/lib/auth/client-address";
import { likePattern } from "@/lib/pagination";

describe("portal IDs", () => {
  it("are case-insensitive and carry the company after @", () => {
    expect(normalizePortalId("  Rich@CM ")).toBe("rich@cm");
    expect(customerPortalId("Rich", "cm")).toBe("rich@cm");
    expect(companyOfPortalId("rich@cm")).toBe("cm");
    expect(companyOfPortalId("operator")).toBeNull();
  });
});

describe("clientAddress", () => {
  it("reads only the address our web server stamped, never X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6", "x-switchboard-client-address": "10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientAddress({ "x-switchboard-client-address": "127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6" })).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });
});

describe("likePattern", () => {
  it("takes the searcher's wildcards literally", () => {
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
