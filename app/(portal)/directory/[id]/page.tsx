import type { Metadata } from "next";
import Link from "next/link";
import { wasCreated, type NoticeParams } from "@/components/forms/created-href";
import { CreatedNotice } from "@/components/forms/created-notice";
import { DeleteForm } from "@/components/forms/delete-form";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { idParam, orNotFound } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { shownAttributes } from "@/lib/directory/attribute-labels";
import { getDirectoryEntry } from "@/lib/directory/get-directory-entry";
import { getManagerEntry } from "@/lib/directory/get-manager-entry";
import { isSynced } from "@/lib/directory/local-fields";
import { deleteDirectoryEntryAction, updateDirectoryEntryAction } from "../actions";
import { DirectoryEntryForm } from "../directory-entry-form";
import { StatusBadge } from "../status-badge";
import { PhoneNumber } from "@/components/directory/phone-number";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import { formatPhone } from "@/lib/phone/normalise-phone";

export const metadata: Metadata = { title: "Directory entry" };

export default async function DirectoryEntryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: NoticeParams }) {
  const actor = await requireCustomerPage("directory:manage");
  const entryId = await idParam(params);
  const entry = await orNotFound(getDirectoryEntry({ customerId: actor.customerId, entryId }));
  const synced = isSynced(entry);
  const attributes = shownAttributes(entry.attributes);
  const [manager, country] = await Promise.all([getManagerEntry({ customerId: actor.customerId, entry }), getDefaultCountry({ customerId: actor.customerId })]);
  return (
    <>
      <PageHeader
        title={entry.displayName}
        description={
          synced
            ? `${sourceLabel[entry.source]}${entry.userPrincipalName ? ` as ${entry.userPrincipalName}` : ""}. Only the extension can be changed here.`
            : "Manual entry."
        }
        actions={<StatusBadge status={entry.status} />}
      />
      {(await wasCreated(searchParams)) ? <CreatedNotice message={`Directory entry ${entry.displayName} created.`} /> : null}
      <Card>
        <DirectoryEntryForm action={updateDirectoryEntryAction} entry={entry} syncedFieldsLocked={synced} />
      </Card>
      {entry.jobTitle || entry.department || attributes.length > 0 ? (
        <Card title={`From ${sourceName[entry.source] ?? "the source"}`}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm md:grid-cols-[max-content_1fr]" aria-label="Attributes from the source">
            {[
              ...(entry.jobTitle ? [{ key: "jobTitle", label: "Job title", value: entry.jobTitle }] : []),
              ...(entry.department ? [{ key: "department", label: "Department", value: entry.department }] : []),
              ...attributes,
            ].map(({ key, label, value }) => (
              <div key={key} className="contents">
                <dt className="font-medium text-slate-600">{label}</dt>
                <dd className="break-words">
                  {key === "manager" && manager ? (
                    <Link className="text-sky-700 underline" href={`/directory/${manager.id}`}>
                      {manager.displayName}
                    </Link>
                  ) : (
                    value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
      {entry.phonesE164.length > 0 || entry.unparsedPhones.length > 0 ? (
        <Card title="Phone numbers">
          <ul className="space-y-1 text-sm" aria-label="Phone numbers">
            {entry.phonesE164.map((number) => (
              <li key={number}>
                {formatPhone(number, country)} <span className="font-mono text-slate-500">{number}</span>
              </li>
            ))}
            {entry.unparsedPhones.map((raw) => (
              <li key={`raw:${raw}`}>
                <PhoneNumber raw={raw} e164={null} country={country} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {synced ? null : (
        <Card title="Delete entry">
          <DeleteForm action={deleteDirectoryEntryAction} id={entry.id} label="Delete entry" confirmText={`Delete ${entry.displayName}?`} />
        </Card>
      )}
    </>
  );
}

const sourceName: Record<string, string> = {
  entra: "Microsoft Entra ID",
  scim: "Microsoft Entra ID (SCIM)",
  "active-directory": "Active Directory",
};

const sourceLabel: Record<string, string> = {
  entra: "Synced from Microsoft Entra ID",
  scim: "Provisioned by Microsoft Entra ID (SCIM)",
  "active-directory": "Imported from Active Directory",
  manual: "Manual entry",
};
