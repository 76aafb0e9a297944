import { defineScimRoute } from "@/lib/scim/define-scim-route";
import { listOf, schemas } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/scim-json";

export const dynamic = "force-dynamic";

export const GET = defineScimRoute("Schemas", async () => scimJson(listOf(schemas)));
