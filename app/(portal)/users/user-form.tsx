"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { EntraAccountPicker } from "@/components/linking/entra-account-picker";
import { differencesFrom, LinkDifferences, type PersonFields } from "@/components/linking/link-differences";
import type { ActionState } from "@/lib/actions/action-state";
import type { LinkedEntry } from "@/lib/linking/get-linked-entry";
import type { Picklists } from "@/lib/picklists/get-picklists";
import type { LinkCandidate } from "@/lib/linking/search-link-candidates";
import { useState } from "react";

type User = {
  id: string;
  portalId: string;
  name: string;
  email: string | null;
  extension: string | null;
  site: string | null;
  groupMemberType: "single_site" | "multi_site" | null;
  package: string | null;
  userType: string | null;
};

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  companySlug: string;
  user?: User;
  linked?: LinkedEntry | null;
  /** The company's lists (Company screen): a field with a list is a choice, one without stays free text. */
  picklists: Picklists;
};

const groupMemberTypes = [
  { value: "", label: "—" },
  { value: "single_site", label: "Single-site" },
  { value: "multi_site", label: "Multi-site" },
];

/** Create and edit share one form; on edit the portal ID is fixed and a blank password keeps the old one. */
export function UserForm({ action, companySlug, user, linked = null, picklists }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  const e = (field: string) => fieldError(state, field);
  // The Entra account just picked, with the name and e-mail as typed at that moment (the manager may
  // already have edited them), read from the form in the event, not while rendering.
  const [picked, setPicked] = useState<{ entry: LinkCandidate; typed: PersonFields } | null>(null);
  const pick = (entry: LinkCandidate | null) => {
    const form = formRef.current!;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";
    setPicked(entry ? { entry, typed: { name: value("name"), email: value("email") } } : null);
  };
  const differences = picked ? differencesFrom(picked.entry, picked.typed) : [];
  const matchEntra = () => {
    for (const row of differences) (formRef.current!.elements.namedItem(row.field) as HTMLInputElement).value = row.entra;
    setPicked(null);
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2">
      {user ? (
        <>
          <input type="hidden" name="id" value={user.id} />
          <TextField label="Portal ID" name="portal-id-display" value={user.portalId} disabled />
        </>
      ) : (
        <TextField label="Portal ID" name="localPart" required suffix={`@${companySlug}`} error={e("localPart")} />
      )}
      <TextField label="Name" name="name" required defaultValue={user?.name} error={e("name")} />
      <TextField label="E-mail" name="email" type="email" defaultValue={user?.email ?? ""} error={e("email")} />
      <TextField
        label="Extension"
        name="extension"
        inputMode="numeric"
        defaultValue={user?.extension ?? ""}
        hint="2 to 8 digits, unique in your company."
        error={e("extension")}
      />
      <PicklistField label="Site" name="site" list={picklists.site} current={user?.site ?? null} error={e("site")} />
      <SelectField
        label="Group member type"
        name="groupMemberType"
        options={groupMemberTypes}
        defaultValue={user?.groupMemberType ?? ""}
        error={e("groupMemberType")}
      />
      <PicklistField label="Package" name="package" list={picklists.package} current={user?.package ?? null} error={e("package")} />
      <PicklistField label="User type" name="userType" list={picklists.user_type} current={user?.userType ?? null} error={e("userType")} />
      <div className="space-y-3 md:col-span-2">
        <EntraAccountPicker current={linked} error={e("aadLink")} onChoose={pick} />
        {picked && differences.length > 0 ? (
          <LinkDifferences entry={picked.entry} rows={differences} onMatch={matchEntra} onKeep={() => setPicked(null)} />
        ) : null}
      </div>
      <TextField
        label={user ? "New password" : "Password"}
        name="password"
        type="password"
        autoComplete="new-password"
        required={!user}
        hint={user ? "Leave blank to keep the current password." : "At least 10 characters."}
        error={e("password")}
      />
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending} pendingText="Saving…">
          {user ? "Save" : "Create user"}
        </SubmitButton>
      </div>
    </form>
  );
}

type PicklistFieldProps = { label: string; name: string; list: string[]; current: string | null; error?: string };

/** A choice from the company's list, keeping the user's own value when it is not (or no longer) on it; free text where there is no list. */
function PicklistField({ label, name, list, current, error }: PicklistFieldProps) {
  if (list.length === 0) return <TextField label={label} name={name} defaultValue={current ?? ""} error={error} />;
  const options = [
    { value: "", label: "—" },
    ...(current && !list.includes(current) ? [{ value: current, label: `${current} (not in the list)` }] : []),
    ...list.map((value) => ({ value, label: value })),
  ];
  return <SelectField label={label} name={name} options={options} defaultValue={current ?? ""} error={error} />;
}
