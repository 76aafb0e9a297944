import Link from "next/link";
import { Card } from "@/components/layout/card";
import type { ActionState } from "@/lib/actions/action-state";
import { getCustomer } from "@/lib/customers/get-customer";
import { formatDateTime } from "@/lib/format-date";
import { extensionAttributesOf } from "@/lib/provisioning/extension-attributes";
import { getProvisioningSettings } from "@/lib/provisioning/settings/get-provisioning-settings";
import type { ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";
import { provisioningScreens } from "./provisioning-screens";
import { ProvisioningForm } from "./provisioning-form";
import { toProvisioningFormValues } from "./to-form-values";

type Props = {
  customerId: string;
  source: ProvisioningSource;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Entra's group search reads the tenant with the saved MS AAD settings. */
  canSearchGroups?: boolean;
};

/** A source's Provisioning screen, the same for the three: what it does, then its settings. */
export async function ProvisioningScreen({ customerId, source, action, canSearchGroups = false }: Props) {
  const { label, connectorPath } = provisioningScreens[source];
  const [customer, settings] = await Promise.all([getCustomer({ customerId }), getProvisioningSettings({ customerId, source })]);
  return (
    <>
      <Card title={`${label} provisioning`}>
        <p className="mb-2 text-sm text-slate-700">
          Every person in scope becomes a portal user with an extension, linked to their {source === "active-directory" ? "directory entry" : "Entra account"}{" "}
          so they sign in with no further step. Disabled at the source, the user is suspended; removed, deleted after the grace period. Fields you change by
          hand on a user stay as you set them.
        </p>
        <p className="text-sm text-slate-600" data-testid="provisioning-state">
          {settings
            ? `${settings.enabled ? "In use" : "Not in use"} — saved ${formatDateTime(settings.updatedAt, customer.timeZone)}.${settings.fullPassPending && settings.enabled ? " The next run looks at everyone." : ""}`
            : "Not set up yet."}{" "}
          <Link className="text-sky-700 underline" href={connectorPath}>
            Back to {label}
          </Link>
        </p>
      </Card>
      <Card title="Provisioning settings">
        <ProvisioningForm
          source={source}
          values={settings ? toProvisioningFormValues(settings) : null}
          attributes={extensionAttributesOf(source)}
          action={action}
          canSearchGroups={canSearchGroups}
        />
      </Card>
    </>
  );
}
