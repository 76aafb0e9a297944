import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { directorySyncPayload } from "@/lib/jobs/directory-sync-job";

/** Job schedulers saved in the queue before a rename still carry the connector id they were saved with. */
describe("the directory-sync job payload", () => {
  const customerId = randomUUID();

  it("reads a scheduler saved before the Active Directory connector's id was `active-directory`", () => {
    expect(directorySyncPayload.parse({ customerId, connector: "ldap" }).connector).toBe("active-directory");
  });

  it("reads a scheduler saved before there was a second connector as Entra's", () => {
    expect(directorySyncPayload.parse({ customerId }).connector).toBe("entra");
  });

  it("refuses a connector nobody knows", () => {
    expect(() => directorySyncPayload.parse({ customerId, connector: "google" })).toThrow();
  });
});
