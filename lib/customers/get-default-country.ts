import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import { countryOf, type CountryCode } from "@/lib/phone/normalise-phone";

/** The company's default country for phone numbers, or null when none is chosen (read once per sync round or request). */
export async function getDefaultCountry({ customerId }: { customerId: string }): Promise<CountryCode | null> {
  const [row] = await db().select({ country: customers.defaultCountry }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return countryOf(row?.country);
}
