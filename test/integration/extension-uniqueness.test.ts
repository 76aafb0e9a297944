import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { updateUser } from "@/lib/users/update-user";
import { createCustomerWithManager, createTestUser } from "../support/factories";

describe("extensions", () => {
  it("are unique within a customer, with a message that names the extension", async () => {
    const manager = await createCustomerWithManager();
    await createTestUser(manager, { extension: "2001" });
    const attempt = createTestUser(manager, { extension: "2001" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("2001") });
  });

  it("may repeat across customers, and many users may have none", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    await createTestUser(a, { extension: "3001" });
    await expect(createTestUser(b, { extension: "3001" })).resolves.toBeDefined();
    await createTestUser(a, { extension: null });
    await expect(createTestUser(a, { extension: null })).resolves.toBeDefined();
  });

  it("are checked on edit too", async () => {
    const manager = await createCustomerWithManager();
    await createTestUser(manager, { extension: "4001" });
    const other = await createTestUser(manager, { extension: "4002" });
    const edit = updateUser(manager, {
      id: other.id,
      name: "Other",
      email: null,
      extension: "4001",
      site: null,
      groupMemberType: null,
      package: null,
      userType: null,
      aadLink: "unchanged",
      password: undefined,
    });
    await expect(edit).rejects.toMatchObject({ code: "conflict", fieldErrors: { extension: expect.any(String) } });
  });
});
