import type { RequestContext } from "../http/request-context";
import { sendJson } from "../http/send";
import type { GraphCaller } from "./authenticate-graph-request";
import { graphHeaders, odataContext } from "./graph-handler";

/** GET /v1.0/organization: the caller's tenant, with its verified domains. */
export function getOrganization(ctx: RequestContext, caller: GraphCaller): void {
  const tenant = caller.tenant;
  const organization = {
    id: tenant.id,
    deletedDateTime: null,
    businessPhones: [],
    city: null,
    country: null,
    countryLetterCode: "US",
    createdDateTime: tenant.createdDateTime,
    displayName: tenant.displayName,
    onPremisesSyncEnabled: null,
    preferredLanguage: "en",
    tenantType: "AAD",
    verifiedDomains: tenant.domains.map((name, index) => ({
      capabilities: "Email, OfficeCommunicationsOnline",
      isDefault: index === 0,
      isInitial: name.endsWith(".onmicrosoft.com") && index === tenant.domains.findIndex((d) => d.endsWith(".onmicrosoft.com")),
      name,
      type: "Managed",
    })),
  };
  sendJson(ctx, 200, { "@odata.context": odataContext(ctx, "organization"), value: [organization] }, graphHeaders(ctx));
}
