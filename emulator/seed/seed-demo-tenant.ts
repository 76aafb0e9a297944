import type { EmulatorState } from "../state/emulator-state";
import { hashPassword } from "../state/passwords";
import type { Tenant } from "../state/tenant";
import { DEMO_PEOPLE } from "./demo-people";
import { DEMO_GROUP_IDS, DEMO_TENANT, DEMO_USER_IDS, type DemoAlias } from "./demo-tenant";

/** A fixed creation date keeps demo users byte-identical across restarts. */
const CREATED = "2024-01-15T09:00:00Z";
const SECRET_LIFETIME_MS = 729 * 24 * 60 * 60 * 1000;

/**
 * "Contoso": the twenty demo people (password DEMO_TENANT.userPassword), five
 * groups with nesting (All Company contains the department groups), and the
 * portal's app registration with its secret and localhost redirect URI.
 */
export function seedDemoTenant(state: EmulatorState): Tenant {
  const tenant = state.createTenant({ id: DEMO_TENANT.tenantId, displayName: DEMO_TENANT.displayName, domains: [DEMO_TENANT.domain] }, CREATED);
  const passwordHash = hashPassword(DEMO_TENANT.userPassword);
  DEMO_PEOPLE.forEach((person, index) => {
    const userPrincipalName = `${person.alias}@${DEMO_TENANT.domain}`;
    tenant.users.create(
      {
        id: DEMO_USER_IDS[person.alias],
        userPrincipalName,
        displayName: `${person.givenName} ${person.surname}`,
        givenName: person.givenName,
        surname: person.surname,
        mail: userPrincipalName,
        businessPhones: person.businessPhone ? [person.businessPhone] : [],
        jobTitle: person.jobTitle,
        department: person.department,
        officeLocation: person.officeLocation,
        employeeId: String(100001 + index),
        companyName: "Contoso",
        city: person.officeLocation.startsWith("1") ? "Redmond" : "Bellevue",
        country: "United States",
        // Where many organisations keep a person's extension: the business phone's last four digits.
        onPremisesExtensionAttributes: person.businessPhone ? { extensionAttribute1: person.businessPhone.slice(-4) } : null,
        managerId: person.manager ? DEMO_USER_IDS[person.manager] : null,
      },
      passwordHash,
      CREATED,
    );
  });

  const inDepartment = (department: string) => DEMO_PEOPLE.filter((person) => person.department === department).map((person) => DEMO_USER_IDS[person.alias]);
  const ids = (...aliases: DemoAlias[]) => aliases.map((alias) => DEMO_USER_IDS[alias]);
  const groups = tenant.groups;
  groups.create({ id: DEMO_GROUP_IDS.finance, displayName: "Finance", description: "Finance department", memberIds: inDepartment("Finance") }, CREATED);
  groups.create({ id: DEMO_GROUP_IDS.legal, displayName: "Legal", description: "Legal department", memberIds: inDepartment("Legal") }, CREATED);
  groups.create(
    {
      id: DEMO_GROUP_IDS.salesAndMarketing,
      displayName: "Sales and Marketing",
      description: "Microsoft 365 group of the sales and marketing team",
      mailNickname: "SalesAndMarketing",
      mailEnabled: true,
      groupTypes: ["Unified"],
      memberIds: inDepartment("Sales & Marketing"),
    },
    CREATED,
  );
  groups.create(
    {
      id: DEMO_GROUP_IDS.leadership,
      displayName: "Leadership",
      description: "The president and the heads of department",
      memberIds: ids("PattiF", "LeeG", "GradyA", "DiegoS", "NestorW", "BenW"),
    },
    CREATED,
  );
  groups.create(
    {
      id: DEMO_GROUP_IDS.allCompany,
      displayName: "All Company",
      description: "Everyone, through the department groups",
      memberIds: [DEMO_GROUP_IDS.leadership, DEMO_GROUP_IDS.finance, DEMO_GROUP_IDS.legal, DEMO_GROUP_IDS.salesAndMarketing, ...ids("AllanD")],
    },
    CREATED,
  );

  const app = tenant.createApp({
    clientId: DEMO_TENANT.clientId,
    displayName: DEMO_TENANT.appDisplayName,
    permissions: [...DEMO_TENANT.permissions],
    redirectUris: [...DEMO_TENANT.redirectUris],
  });
  // Re-dated on every start so the demo secret never expires under a long-lived checkout.
  app.addSecret({
    value: DEMO_TENANT.clientSecret,
    keyId: DEMO_TENANT.clientSecretKeyId,
    displayName: "demo",
    expiresAt: new Date(Date.now() + SECRET_LIFETIME_MS),
  });
  return tenant;
}
