import type { Metadata } from "next";
import { CopyableValue } from "@/components/forms/copyable-value";
import { Card } from "@/components/layout/card";
import { CredentialPanel } from "@/components/phonebooks/credential-panel";
import { PublishingForm } from "@/components/phonebooks/publishing-form";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { listCredentials, type DirectoryCredentialKind } from "@/lib/directory-credentials/credentials";
import { formatDateTime } from "@/lib/format-date";
import { phonebookFormats } from "@/lib/phonebook/phonebook-formats";
import { getPhonebookSettings } from "@/lib/phonebook/published-entries";
import { ldapPhonebookAddress, portalUrl } from "@/lib/phonebook/public-addresses";
import { createCredentialAction, revokeCredentialAction, savePhonebookSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Phonebooks" };

export default async function PhonebooksPage() {
  const actor = await requireCustomerPage("settings:manage");
  const { customerId } = actor;
  const [customer, credentials, settings] = await Promise.all([
    getCustomer({ customerId }),
    listCredentials({ customerId }),
    getPhonebookSettings({ customerId }),
  ]);
  const when = (date: Date | null) => (date ? formatDateTime(date, customer.timeZone) : "—");
  const current = (kind: DirectoryCredentialKind) => {
    const credential = credentials.find((c) => c.kind === kind);
    return credential ? { hint: credential.hint, created: when(credential.createdAt), lastUsed: when(credential.lastUsedAt) } : null;
  };
  const base = portalUrl();
  const ldap = ldapPhonebookAddress(customer.slug);
  const panel = { createAction: createCredentialAction, revokeAction: revokeCredentialAction };
  return (
    <>
      <Card title="Phonebooks">
        <p className="mb-3 text-sm text-slate-700">
          Your phones read the company directory from here: desk phones download a phonebook in their own format and search the LDAP phonebook as people type
          and when a call comes in; your phone system names callers. Each is opened by its own secret, shown once when you create it. Only active entries are
          published — never disabled or removed people.
        </p>
        <PublishingForm settings={settings} action={savePhonebookSettingsAction} />
      </Card>

      <Card title="Remote phonebooks (desk phones, softphones, spreadsheets)">
        <p className="mb-3 text-sm text-slate-700">
          Give the phone its format&apos;s address, with the secret in place of <code>{"{secret}"}</code>. Phones that sign in with a user name and password
          (HTTP Basic) use the second address, the company ID <code>{customer.slug}</code> as the user name and the secret as the password.
        </p>
        <table className="mb-4 w-full text-left text-sm">
          <thead>
            <tr className="border-b text-slate-600">
              <th className="py-1 pr-3 font-medium">Format</th>
              <th className="py-1 font-medium">Address</th>
            </tr>
          </thead>
          <tbody>
            {phonebookFormats.map((format) => (
              <tr key={format.file} className="border-b border-slate-100 align-top">
                <td className="py-1.5 pr-3">{format.label}</td>
                <td className="break-all py-1.5 font-mono text-xs">
                  {base}/phonebook/{"{secret}"}/{format.file}
                  <br />
                  <span className="text-slate-500">
                    {base}/api/v1/phonebook/{format.file}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CredentialPanel
          {...panel}
          kind="phonebook_http"
          noun="secret"
          current={current("phonebook_http")}
          reveal={[
            { label: "Secret", template: "{secret}" },
            ...phonebookFormats.map((format) => ({ label: `${format.label} address`, template: `${base}/phonebook/{secret}/${format.file}` })),
          ]}
          breaks="Phones keep the phonebook they have but cannot refresh it until they have the new one."
          testId="phonebook-secret"
        />
      </Card>

      <Card title="LDAP phonebook">
        <p className="mb-3 text-sm text-slate-700">
          For phones that search the directory as you type and look up incoming callers. Use LDAPS, or LDAP with StartTLS; phones search with filters such as{" "}
          <code>(|(cn=*%*)(sn=*%*))</code> and <code>(|(telephoneNumber=%)(mobile=%)(ipPhone=%))</code> and read <code>cn</code>, <code>telephoneNumber</code>,{" "}
          <code>mobile</code> and <code>ipPhone</code> (the extension).
        </p>
        <dl className="mb-4 grid max-w-2xl gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          {[
            ["Server (LDAPS)", ldap.ldapsUrl, "the LDAPS server"],
            ["Server (StartTLS)", ldap.startTlsUrl, "the StartTLS server"],
            ["Base DN", ldap.baseDn, "the base DN"],
            ["Bind DN", ldap.bindDn, "the bind DN"],
          ].map(([term, value, label]) => (
            <div key={term} className="contents">
              <dt className="pt-2 font-medium">{term}</dt>
              <dd>
                <CopyableValue value={value!} label={label!} />
              </dd>
            </div>
          ))}
        </dl>
        <CredentialPanel
          {...panel}
          kind="phonebook_ldap"
          noun="password"
          current={current("phonebook_ldap")}
          reveal={[{ label: "Bind password", template: "{secret}" }]}
          breaks="Phones can no longer search the directory until they have the new one."
          testId="ldap-password"
        />
      </Card>

      <Card title="Caller ID">
        <p className="mb-3 text-sm text-slate-700">
          Let your phone system name incoming callers: it asks this address with the caller&apos;s number and the key (as <code>Authorization: Bearer …</code>{" "}
          or <code>X-Api-Key</code>), and gets the person&apos;s name, extension and department. Numbers are compared in E.164 with your company&apos;s default
          country
          {customer.defaultCountry ? ` (${customer.defaultCountry})` : " (none chosen: set it on the Company screen)"}, so any way of writing a number finds the
          same person.
        </p>
        <div className="mb-4">
          <CopyableValue value={`${base}/api/v1/caller-id?number=`} label="the lookup address" testId="caller-id-url" />
        </div>
        <CredentialPanel
          {...panel}
          kind="caller_id"
          noun="key"
          current={current("caller_id")}
          reveal={[{ label: "API key", template: "{secret}" }]}
          breaks="The phone system cannot name callers until it has the new one."
          testId="caller-id-key"
        />
      </Card>
    </>
  );
}
