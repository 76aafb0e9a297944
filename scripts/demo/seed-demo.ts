import { count } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { hashPassword } from "@/lib/accounts/password";
import { phoneFields } from "@/lib/phone/phone-fields";
import * as schema from "@/db/schema";

export const demoPassword = "Switchboard-demo-1";

export const demoLogins = {
  operator: "operator",
  manager: "admin@contoso",
  user: "adele@contoso",
} as const;

/**
 * A demo company for a first look: only into an empty database, and only on
 * the embedded default (or when DEMO_SEED=true), never into a production one.
 * Returns false when there was something there already.
 */
export async function seedDemo(databaseUrl: string): Promise<boolean> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(sql, { schema, casing: "snake_case" });
  try {
    const [existing] = await db.select({ n: count() }).from(schema.customers);
    if ((existing?.n ?? 0) > 0) return false;
    const passwordHash = await hashPassword(demoPassword);
    await db.transaction(async (tx) => {
      await tx.insert(schema.accounts).values({ role: "operator", portalId: demoLogins.operator, passwordHash, name: "Platform Operator" });
      // A Redmond company: its numbers, and the demo tenant's, are read as US numbers (caller-ID, phonebooks, search).
      const [contoso] = await tx
        .insert(schema.customers)
        .values({ name: "Contoso Ltd", slug: "contoso", timeZone: "America/Los_Angeles", defaultCountry: "US" })
        .returning();
      const customerId = contoso!.id;
      await tx.insert(schema.accounts).values([
        { customerId, role: "manager", portalId: demoLogins.manager, passwordHash, name: "Contoso Admin", email: "admin@contoso.example" },
        {
          customerId,
          role: "user",
          portalId: demoLogins.user,
          passwordHash,
          name: "Adele Vance",
          email: "adele@contoso.example",
          extension: "2001",
          site: "Seattle",
          groupMemberType: "single_site",
          package: "Standard",
          userType: "Employee",
        },
        {
          customerId,
          role: "user",
          portalId: "alex@contoso",
          passwordHash,
          name: "Alex Wilber",
          email: "alex@contoso.example",
          extension: "2002",
          site: "Seattle",
          groupMemberType: "single_site",
          package: "Standard",
          userType: "Employee",
        },
        {
          customerId,
          role: "user",
          portalId: "diego@contoso",
          passwordHash,
          name: "Diego Siciliani",
          email: "diego@contoso.example",
          extension: "2003",
          site: "Redmond",
          groupMemberType: "multi_site",
          package: "Premium",
          userType: "Employee",
        },
      ]);
      const manualEntries = [
        { displayName: "Reception", officePhone: "425 555 0100", mobilePhone: null, extension: "1000" },
        { displayName: "Facilities Desk", officePhone: "425 555 0111", mobilePhone: null, extension: "1011" },
        { firstName: "Night", lastName: "Security", displayName: "Night Security", officePhone: null, mobilePhone: "+1 425 555 0199" },
      ];
      // With their numbers in E.164, as every other way an entry is made stores them.
      await tx.insert(schema.directoryEntries).values(manualEntries.map((entry) => ({ customerId, ...entry, ...phoneFields(entry, "US") })));
    });
    return true;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
