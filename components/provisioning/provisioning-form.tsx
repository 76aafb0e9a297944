"use client";

import { useState, type FormEvent } from "react";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { EntraGroupPicker } from "@/components/forms/entra-group-picker";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ExtensionMode, ExtensionRule } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";
import type { ProvisioningFormValues } from "./to-form-values";

const modes: { value: ExtensionMode; label: string }[] = [
  { value: "range", label: "The next free number of a range" },
  { value: "attribute", label: "An attribute of the person" },
  { value: "attribute_then_range", label: "The attribute; the range when it gives none" },
];
const rules: { value: ExtensionRule; label: string }[] = [
  { value: "whole", label: "The whole value (its digits)" },
  { value: "after_ext", label: "The digits after x or ext (+1 425 555 0100 x1234 → 1234)" },
  { value: "last_digits", label: "The last N digits" },
];
const memberTypes = [
  { value: "", label: "—" },
  { value: "single_site", label: "Single-site" },
  { value: "multi_site", label: "Multi-site" },
];

type Props = {
  source: ProvisioningSource;
  values: ProvisioningFormValues | null;
  /** The attributes an extension may be read from, for this source. */
  attributes: readonly string[];
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Whether the connector's settings are saved: Entra's group search reads the tenant with them. */
  canSearchGroups: boolean;
};

/**
 * A source's provisioning settings, the same form for Entra, Active
 * Directory and SCIM: read-only until Modify, like the connector forms;
 * Save stores them, Cancel puts back what is stored. Only what a chosen
 * extension mode uses is shown (and so posted).
 */
export function ProvisioningForm({ source, values, attributes, action, canSearchGroups }: Props) {
  const [editing, setEditing] = useState(values === null);
  const [formKey, setFormKey] = useState(0);
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  const [shown, setShown] = useState(false);
  const [mode, setMode] = useState<ExtensionMode>(values?.extensionMode ?? "range");
  const [rule, setRule] = useState<ExtensionRule>(values?.extensionRule ?? "whole");
  const [scope, setScope] = useState<"everyone" | "groups">(values?.scopeGroups.length ? "groups" : "everyone");
  const e = (field: string) => (shown ? fieldError(state, field) : undefined);

  // A successful save ends editing: state adjusted while rendering, once per answer (not in an effect).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.status === "success") setEditing(false);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setShown(true);
    onSubmit(event);
  };
  const cancel = () => {
    setFormKey((k) => k + 1);
    setShown(false);
    setMode(values?.extensionMode ?? "range");
    setRule(values?.extensionRule ?? "whole");
    setScope(values?.scopeGroups.length ? "groups" : "everyone");
    setEditing(values === null);
  };
  const usesAttribute = mode !== "range";
  const usesRange = mode !== "attribute";

  return (
    <form key={`${formKey}:${values?.updatedAt ?? "new"}`} ref={formRef} onSubmit={submit} className="space-y-5" aria-label="Provisioning settings">
      <fieldset disabled={!editing} className="grid gap-4 md:grid-cols-2">
        <div className="text-sm md:col-span-2">
          <span className="mb-1 block font-medium text-slate-700">Provisioning</span>
          <label className="mr-6 inline-flex items-center gap-2">
            <input type="radio" name="usage" value="use" defaultChecked={values?.enabled ?? false} /> Use
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="usage" value="not_use" defaultChecked={!(values?.enabled ?? false)} /> Not use
          </label>
          {e("usage") ? <p className="mt-1 text-red-700">{e("usage")}</p> : null}
        </div>

        <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4 text-sm md:col-span-2">
          <legend className="px-1 font-medium text-slate-700">Who</legend>
          {source === "scim" ? (
            <p className="text-slate-600">Everyone Entra pushes: choose who in Entra, by assigning people or groups to the enterprise application.</p>
          ) : (
            <>
              <div>
                <label className="mr-6 inline-flex items-center gap-2">
                  <input type="radio" name="scope" value="everyone" checked={scope === "everyone"} onChange={() => setScope("everyone")} /> Every synced person
                </label>
                <label className="inline-flex items-center gap-2">
                  <input type="radio" name="scope" value="groups" checked={scope === "groups"} onChange={() => setScope("groups")} /> Only members of chosen
                  groups (nested groups count)
                </label>
                {e("scope") ? <p className="mt-1 text-red-700">{e("scope")}</p> : null}
              </div>
              {scope === "groups" && source === "entra" ? (
                <>
                  <EntraGroupPicker
                    name="scopeGroups"
                    label="Groups"
                    noneChosen="No group chosen yet."
                    initial={values?.scopeGroups ?? []}
                    disabled={!editing || !canSearchGroups}
                  />
                  {e("scopeGroups") ? <p className="text-red-700">{e("scopeGroups")}</p> : null}
                </>
              ) : null}
              {scope === "groups" && source === "active-directory" ? (
                <TextAreaField
                  label="Group DNs, one a line"
                  name="scopeGroups"
                  rows={3}
                  defaultValue={(values?.scopeGroups ?? []).map((g) => g.id).join("\n")}
                  placeholder="CN=Phone users,OU=Groups,DC=contoso,DC=com"
                  spellCheck={false}
                  error={e("scopeGroups")}
                />
              ) : null}
            </>
          )}
        </fieldset>

        <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 md:col-span-2 md:grid-cols-2">
          <legend className="px-1 text-sm font-medium text-slate-700">What each person gets: a portal user with</legend>
          <TextField label="Site" name="site" defaultValue={values?.site ?? ""} error={e("site")} />
          <TextField label="Package" name="package" defaultValue={values?.package ?? ""} error={e("package")} />
          <TextField label="User type" name="userType" defaultValue={values?.userType ?? ""} error={e("userType")} />
          <SelectField
            label="Group member type"
            name="groupMemberType"
            options={memberTypes}
            defaultValue={values?.groupMemberType ?? ""}
            error={e("groupMemberType")}
          />
          <div className="space-y-2 text-sm md:col-span-2">
            <CheckboxField name="createSoftphone" defaultChecked={values?.createSoftphone ?? false}>
              A softphone device
            </CheckboxField>
            <CheckboxField name="createMobile" defaultChecked={values?.createMobile ?? false}>
              A mobile-phone device
            </CheckboxField>
          </div>
        </fieldset>

        <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 md:col-span-2 md:grid-cols-2">
          <legend className="px-1 text-sm font-medium text-slate-700">Extension</legend>
          <SelectField
            label="Extension from"
            name="extensionMode"
            options={modes}
            value={mode}
            onChange={(event) => setMode(event.target.value as ExtensionMode)}
            error={e("extensionMode")}
          />
          {usesAttribute ? (
            <>
              <SelectField
                label="Attribute"
                name="extensionAttribute"
                options={[{ value: "", label: "Choose an attribute" }, ...attributes.map((a) => ({ value: a, label: a }))]}
                defaultValue={values?.extensionAttribute ?? ""}
                error={e("extensionAttribute")}
              />
              <SelectField
                label="Rule"
                name="extensionRule"
                options={rules}
                value={rule}
                onChange={(event) => setRule(event.target.value as ExtensionRule)}
                error={e("extensionRule")}
              />
              {rule === "last_digits" ? (
                <TextField
                  label="Number of digits (N)"
                  name="extensionDigits"
                  inputMode="numeric"
                  defaultValue={values?.extensionDigits ?? ""}
                  placeholder="4"
                  error={e("extensionDigits")}
                />
              ) : null}
            </>
          ) : null}
          {usesRange ? (
            <>
              <TextField
                label="Extension range from"
                name="rangeStart"
                inputMode="numeric"
                defaultValue={values?.rangeStart ?? ""}
                placeholder="7000"
                error={e("rangeStart")}
              />
              <TextField
                label="Extension range to"
                name="rangeEnd"
                inputMode="numeric"
                defaultValue={values?.rangeEnd ?? ""}
                placeholder="7099"
                hint="A number given from the range stays the person's: later syncs never renumber it."
                error={e("rangeEnd")}
              />
            </>
          ) : null}
        </fieldset>

        <TextField
          label="Grace period (days)"
          name="graceDays"
          inputMode="numeric"
          defaultValue={values?.graceDays ?? 30}
          hint="Someone removed at the source is suspended at once, and deleted (freeing the extension) after this many days."
          error={e("graceDays")}
        />
      </fieldset>
      {shown ? <FormMessage state={state} /> : null}
      <div className="flex flex-wrap gap-2">
        {editing ? (
          <>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800 disabled:opacity-60"
            >
              {pending ? "Saving…" : "Save"}
            </button>
            {values !== null ? (
              <button type="button" onClick={cancel} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm shadow-sm hover:bg-slate-100">
                Cancel
              </button>
            ) : null}
          </>
        ) : (
          // Its own key: were React to reuse this node as the Save button, the click would submit the form.
          <button
            key="modify"
            type="button"
            onClick={() => setEditing(true)}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800"
          >
            Modify
          </button>
        )}
      </div>
    </form>
  );
}
