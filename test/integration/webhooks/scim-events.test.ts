import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { createScimToken } from "@/lib/scim/tokens";
import { createCustomerWithManager } from "../../support/factories";
import { enableProvisioning, provisionedLogins } from "../../support/provisioning-fixture";
import { scimRequest } from "../../support/scim-client";
import { deliveriesOf, endpointFor, webhookWorkerOfFile } from "../../support/webhook-endpoint";
import { startWebhookReceiver, waitUntil, type ReceivedEvent } from "../../support/webhook-receiver";

webhookWorkerOfFile();

const patchOp = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
const active = (value: boolean) => patchOp({ op: "replace", path: "active", value });
const typesOf = (events: ReceivedEvent[], prefix: string) => events.filter((e) => e.type.startsWith(prefix)).map((e) => e.type);

describe("webhook events of SCIM's writes", () => {
  it("sends the entry's events a sync would, in order, with the changed fields; an unchanged PUT sends none, another company hears nothing", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    const other = await startWebhookReceiver();
    try {
      const endpointId = await endpointFor(a, receiver);
      const otherEndpoint = await endpointFor(b, other);
      const token = (await createScimToken(a, "Entra")).token;
      // Entra may send a password with a new user: it is never part of an event.
      const user = {
        userName: "tess@contoso.example",
        displayName: "Tess Pushed",
        title: "Clerk",
        emails: [{ type: "work", value: "tess@contoso.example" }],
        password: "Pa55-word-never-sent",
      };
      const created = await scimRequest(token, "POST", "/Users", user);
      expect(created.status).toBe(201);
      const id = created.body!.id as string;
      expect((await scimRequest(token, "PATCH", `/Users/${id}`, active(false))).status).toBe(200);
      expect((await scimRequest(token, "PATCH", `/Users/${id}`, active(true))).status).toBe(200);
      expect((await scimRequest(token, "PUT", `/Users/${id}`, { ...user, title: "Lead" })).status).toBe(200);
      expect((await scimRequest(token, "PUT", `/Users/${id}`, { ...user, title: "Lead" })).status).toBe(200);
      expect((await scimRequest(token, "DELETE", `/Users/${id}`)).status).toBe(204);

      await waitUntil(() => receiver.accepted.length === 5);
      const entry = { objectId: id, source: "scim", runId: null, displayName: "Tess Pushed" };
      expect(receiver.accepted.map((e) => ({ type: e.type, data: e.data }))).toEqual([
        {
          type: "directory.entry.created",
          data: {
            ...entry,
            fields: {
              userPrincipalName: "tess@contoso.example",
              displayName: "Tess Pushed",
              email: "tess@contoso.example",
              jobTitle: "Clerk",
              status: "active",
            },
          },
        },
        { type: "directory.entry.disabled", data: { ...entry, changes: { status: ["active", "disabled"] } } },
        { type: "directory.entry.restored", data: { ...entry, changes: { status: ["disabled", "active"] } } },
        { type: "directory.entry.updated", data: { ...entry, changes: { jobTitle: ["Clerk", "Lead"] } } },
        { type: "directory.entry.removed", data: { ...entry, changes: { status: ["active", "removed"] } } },
      ]);
      expect(receiver.counts().badSignatures).toBe(0);
      expect(JSON.stringify(receiver.accepted)).not.toMatch(/Pa55-word/);
      // Every delivery was made before its request answered: the unchanged PUT made none.
      expect(await deliveriesOf(endpointId)).toHaveLength(5);
      expect(other.accepted).toEqual([]);
      expect(await deliveriesOf(otherEndpoint)).toEqual([]);
    } finally {
      await Promise.all([receiver.close(), other.close()]);
    }
  });

  it("with SCIM provisioning on, sends the login's user events too: provisioned, suspended, restored — no device credential", async () => {
    const manager = await createCustomerWithManager();
    await enableProvisioning(manager.customerId, "scim", { extensionMode: "range", rangeStart: 500, rangeEnd: 599, createSoftphone: true });
    const receiver = await startWebhookReceiver();
    try {
      await endpointFor(manager, receiver);
      const token = (await createScimToken(manager, "Entra")).token;
      const created = await scimRequest(token, "POST", "/Users", { userName: "uma@contoso.example", displayName: "Uma Pushed" });
      const id = created.body!.id as string;
      await scimRequest(token, "PATCH", `/Users/${id}`, active(false));
      await scimRequest(token, "PATCH", `/Users/${id}`, active(true));
      await scimRequest(token, "DELETE", `/Users/${id}`);

      await waitUntil(() => receiver.accepted.length === 8);
      // Each thing's events in order; an entry's and a login's are two orders, which may interleave.
      expect(typesOf(receiver.accepted, "directory.entry.")).toEqual([
        "directory.entry.created",
        "directory.entry.disabled",
        "directory.entry.restored",
        "directory.entry.removed",
      ]);
      expect(typesOf(receiver.accepted, "user.")).toEqual(["user.provisioned", "user.suspended", "user.restored", "user.suspended"]);
      const [login] = await provisionedLogins(manager.customerId);
      const userEvents = receiver.accepted.filter((e) => e.type.startsWith("user."));
      for (const event of userEvents) {
        expect(Object.keys(event.data).sort()).toEqual(["accountId", "changes", "directoryEntryId", "displayName", "extension", "portalId", "runId", "source"]);
        expect(event.data).toMatchObject({ accountId: login!.id, directoryEntryId: id, source: "scim", runId: null, displayName: "Uma Pushed" });
      }
      expect(userEvents[0]!.data).toMatchObject({ portalId: `uma@${manager.slug}`, extension: "500" });
      expect(JSON.stringify(receiver.accepted)).not.toMatch(/credential|password|secret|ciphertext/i);
      expect(receiver.counts().badSignatures).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it("a hostile or conflicting request (prototype keys, NUL, a taken userName) is refused, changes nothing and sends nothing", async () => {
    const manager = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    try {
      const endpointId = await endpointFor(manager, receiver);
      const token = (await createScimToken(manager, "Entra")).token;
      const id = (await scimRequest(token, "POST", "/Users", { userName: "vic@contoso.example", title: "Clerk" })).body!.id as string;
      await scimRequest(token, "POST", "/Users", { userName: "wen@contoso.example" });
      const entriesBefore = await db().select().from(directoryEntries).where(eq(directoryEntries.customerId, manager.customerId));
      const deliveriesBefore = await deliveriesOf(endpointId);
      expect(deliveriesBefore).toHaveLength(2);

      // Refused by the database, inside the write's transaction: a conflict, and no event.
      expect(await scimRequest(token, "PUT", `/Users/${id}`, { userName: "WEN@contoso.example" })).toMatchObject({
        status: 409,
        body: { scimType: "uniqueness" },
      });

      const refused: [string, string, unknown][] = [
        ["PATCH", `/Users/${id}`, patchOp({ op: "add", path: "__proto__.title", value: "Injected" })],
        ["PATCH", `/Users/${id}`, `{"Operations":[{"op":"replace","value":{"__proto__":{"title":"Injected"}}}]}`],
        ["PATCH", `/Users/${id}`, patchOp({ op: "replace", path: "displayName", value: "a\u0000b" })],
        ["PATCH", `/Users/${id}`, patchOp({ op: "replace", path: "active", value: "maybe" })],
        ["PUT", `/Users/${id}`, `{"userName":"vic@contoso.example","__proto__":{"title":"Injected"}}`],
        ["PUT", `/Users/${id}`, { userName: "vic@contoso.example", title: "Lead\u0000" }],
        ["POST", "/Users", { userName: "nul\u0000@contoso.example" }],
        ["POST", "/Users", `{"userName":"p@contoso.example","__proto__":{"title":"Injected"}}`],
      ];
      for (const [method, path, body] of refused) {
        expect((await scimRequest(token, method, path, body)).status, `${method} ${JSON.stringify(body)}`).toBe(400);
      }
      for (const method of ["PUT", "DELETE"]) {
        const path = `/Users/${encodeURIComponent("a\u0000b")}`;
        expect((await scimRequest(token, method, path, method === "PUT" ? { userName: "x@contoso.example" } : undefined)).status).toBe(404);
      }
      expect(({} as Record<string, unknown>).title).toBeUndefined();
      expect(await db().select().from(directoryEntries).where(eq(directoryEntries.customerId, manager.customerId))).toEqual(entriesBefore);
      expect((await deliveriesOf(endpointId)).map((d) => d.id)).toEqual(deliveriesBefore.map((d) => d.id));
    } finally {
      await receiver.close();
    }
  });
});
