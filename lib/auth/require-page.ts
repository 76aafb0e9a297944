import "server-only";
import { notFound, redirect } from "next/navigation";
import { isCustomerActor, type Actor, type CustomerActor } from "@/lib/actor";
import { getActor } from "./get-actor";
import { can, type Permission } from "./permissions";

/**
 * The guard at the top of every page: no session → sign-in; a page the role
 * may not see → 404, the same answer as a page that does not exist.
 */
export async function requirePage(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (!can(actor.role, permission)) notFound();
  return actor;
}

export async function requireCustomerPage(permission: Permission): Promise<CustomerActor> {
  const actor = await requirePage(permission);
  if (!isCustomerActor(actor)) notFound();
  return actor;
}
