import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";

/**
 * Whether the operator has suspended the company. Asked wherever the company
 * acts — a session, a sign-in, a SCIM token, a sync — so a suspension holds at
 * once everywhere, and a reactivation likewise.
 */
export async function isCustomerSuspended(customerId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNotNull(customers.suspendedAt)))
    .limit(1);
  return row !== undefined;
}

export const suspendedMessage = "Your company's access to the portal is suspended. Please contact your phone-system provider.";

/** Said to a person whose own login provisioning suspended (disabled or removed at the source), once they proved who they are. */
export const loginSuspendedMessage =
  "Your login is suspended: your account is disabled or removed in your company's directory. Ask your company's IT administrator.";
