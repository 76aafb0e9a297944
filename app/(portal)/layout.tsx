import Link from "next/link";
import { redirect } from "next/navigation";
import { SideMenu } from "@/components/layout/side-menu";
import { menuItems } from "@/components/layout/menu-items";
import { connectorLabels } from "@/components/sync/connector-labels";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { getCustomer } from "@/lib/customers/get-customer";
import { getEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";
import { secretExpiryWarning } from "@/lib/connectors/entra/settings/secret-expiry";

// Every portal page is personal: rendered per request, never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  const customer = actor.customerId ? await getCustomer({ customerId: actor.customerId }) : null;
  const settings = actor.customerId && can(actor.role, "settings:manage") ? await getEntraSettings({ customerId: actor.customerId }) : null;
  const expiryWarning = secretExpiryWarning(settings?.secretExpiresOn);
  const items = menuItems.filter((item) => can(actor.role, item.permission)).map(({ href, label, section }) => ({ href, label, section }));
  return (
    <div className="md:flex">
      <SideMenu items={items} companyName={customer?.name ?? null} personName={actor.name} portalId={actor.portalId} />
      <main className="mx-auto w-full max-w-6xl p-4 md:p-8">
        {expiryWarning ? (
          <p role="alert" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {expiryWarning} <Link href={connectorLabels.entra.path} className="underline">{`Open ${connectorLabels.entra.label}`}</Link>
          </p>
        ) : null}
        {children}
      </main>
    </div>
  );
}
