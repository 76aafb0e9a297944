import { env } from "@/lib/env";
import { uuidPattern } from "@/lib/validation/uuid-pattern";

/** Who a SCIM request acts for: the customer its bearer token belongs to. */
export type ScimContext = { customerId: string; tokenId: string };

export const scimBasePath = "/api/scim/v2";

export function scimLocation(resource: "Users" | "Groups", id: string): string {
  return `${(env().NEXTAUTH_URL ?? "").replace(/\/$/, "")}${scimBasePath}/${resource}/${id}`;
}

/** Our resource IDs are UUIDs; anything else names no resource (404), not a database error. */
export const isResourceId = (id: string) => uuidPattern.test(id);
