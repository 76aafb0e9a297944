import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";

/** Each role starts where its work is. */
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  redirect(actor.role === "operator" ? "/operator/customers" : actor.role === "manager" ? "/users" : "/directory");
}
