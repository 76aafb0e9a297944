import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerActor } from "@/lib/actor";
import { searchDirectory } from "@/lib/directory/search-directory";
import { pageSize } from "@/lib/pagination";
import { listUsers } from "@/lib/users/list-users";
import { readListQuery } from "@/lib/validation/list-query";
import { createCustomerWithManager, createTestEntry, createTestUser } from "../../support/factories";

/** A page number from the URL past the last page (a stale bookmark, ?page=99999) shows the last page, not an empty list. */
describe("a list page asked for past its end", () => {
  let manager: CustomerActor;

  beforeAll(async () => {
    manager = await createCustomerWithManager();
    for (let i = 0; i < pageSize + 3; i++) {
      await createTestEntry(manager, `Entry ${String(i).padStart(2, "0")}`);
      await createTestUser(manager, { extension: String(3000 + i) });
    }
  });

  it.each(["2", "3", "99999", "99999999999999999999"])(
    "?page=%s of the directory shows a page that has rows (the last, or the first for a number that is no page)",
    async (asked) => {
      const { page } = readListQuery({ page: asked });
      const result = await searchDirectory({ customerId: manager.customerId, page });
      if (Number(asked) > 100_000)
        expect(result.page).toBe(1); // not a page number at all: the first page
      else expect(result).toMatchObject({ page: 2, pageCount: 2, total: pageSize + 3 });
      expect(result.rows.length).toBeGreaterThan(0);
    },
  );

  it("?page=99999 of the users shows their last page", async () => {
    const result = await listUsers({ customerId: manager.customerId, page: readListQuery({ page: "99999" }).page });
    expect(result).toMatchObject({ page: 2, pageCount: 2 });
    expect(result.rows).toHaveLength(3);
  });
});
