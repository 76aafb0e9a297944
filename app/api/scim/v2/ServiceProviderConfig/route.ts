import { defineScimRoute } from "@/lib/scim/define-scim-route";
import { serviceProviderConfig } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/scim-json";

export const dynamic = "force-dynamic";

export const GET = defineScimRoute("ServiceProviderConfig", async () => scimJson(serviceProviderConfig));
