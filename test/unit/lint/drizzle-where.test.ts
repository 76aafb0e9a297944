import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The rule ids our eslint.config.mjs reports for this source, as if it were lib/example.ts. */
async function ruleIds(source: string): Promise<(string | null)[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(source, { filePath: `${root}lib/example.ts` });
  return result!.messages.map((m) => m.ruleId);
}

describe("the lint configuration", () => {
  // drizzleObjectName names our query builders; a wrong name would quietly let every UPDATE/DELETE through.
  it("reports an UPDATE or DELETE without WHERE on db() and on a transaction's tx", async () => {
    const ids = await ruleIds(`import { db } from "@/db/client";
import { customers } from "@/db/schema";
export async function everyRow() {
  await db().update(customers).set({ name: "x" });
  await db().delete(customers);
  await db().transaction(async (tx) => {
    await tx.update(customers).set({ name: "y" });
    await tx.delete(customers);
  });
}
`);
    expect(ids).toEqual([
      "drizzle/enforce-update-with-where",
      "drizzle/enforce-delete-with-where",
      "drizzle/enforce-update-with-where",
      "drizzle/enforce-delete-with-where",
    ]);
  }, 60_000);

  it("accepts them with WHERE, and leaves Map#delete alone", async () => {
    const ids = await ruleIds(`import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
export async function oneRow(id: string) {
  await db().update(customers).set({ name: "x" }).where(eq(customers.id, id));
  await db().delete(customers).where(eq(customers.id, id));
  new Map<string, number>().delete(id);
}
`);
    expect(ids).toEqual([]);
  }, 60_000);
});
