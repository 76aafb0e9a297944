import { describe, expect, it } from "vitest";
import { PageCookies } from "@/lib/phonebook-ldap/page-cookie";

describe("paged results cookie", () => {
  const cookies = new PageCookies();
  const position = { displayName: "Ann Able", id: "6f1c2a8e-0000-4000-8000-000000000001" };
  const cookie = cookies.issue("customer-a", "search-1", position);

  it("gives back the position to the same customer's same search", () => {
    expect(cookies.read(cookie, "customer-a", "search-1")).toEqual(position);
  });

  it("refuses it to another customer, another search, another process, and altered or forged bytes", () => {
    expect(cookies.read(cookie, "customer-b", "search-1")).toBeNull();
    expect(cookies.read(cookie, "customer-a", "search-2")).toBeNull();
    expect(new PageCookies().read(cookie, "customer-a", "search-1")).toBeNull();
    const altered = Buffer.from(cookie);
    altered[altered.length - 3] = altered[altered.length - 3]! ^ 1;
    expect(cookies.read(altered, "customer-a", "search-1")).toBeNull();
    const forged = Buffer.concat([Buffer.alloc(32), Buffer.from(JSON.stringify(["customer-a", "search-1", "A", "B"]))]);
    expect(cookies.read(forged, "customer-a", "search-1")).toBeNull();
    expect(cookies.read(Buffer.from("x"), "customer-a", "search-1")).toBeNull();
  });
});
