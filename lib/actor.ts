import type { Role } from "@/db/schema";

/** The signed-in person as every server action and route handler sees them. */
export type Actor = {
  accountId: string;
  role: Role;
  customerId: string | null;
  portalId: string;
  name: string;
};

/** An actor who belongs to a customer: what every customer-scoped call needs. */
export type CustomerActor = Actor & { customerId: string };

export function isCustomerActor(actor: Actor): actor is CustomerActor {
  return actor.customerId !== null;
}
