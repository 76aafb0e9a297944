import Link from "next/link";
import { managedFields, type DirectorySource, type SuspensionReason } from "@/db/schema";
import { Card } from "@/components/layout/card";
import { managedFieldLabels } from "@/components/users/managed-field-labels";
import { ReleaseFieldForm } from "@/components/users/release-field-form";
import { formatDateTime } from "@/lib/format-date";
import type { getUser } from "@/lib/users/get-user";
import { releaseHandSetFieldAction } from "../actions";

const sourceNames: Record<DirectorySource, string> = { entra: "MS AAD", "active-directory": "Active Directory", scim: "SCIM", manual: "the Company Directory" };
const reasons: Record<SuspensionReason, string> = {
  disabled_at_source: "disabled at the source",
  removed_at_source: "removed at the source",
  left_scope: "no longer in the provisioning scope",
};

type User = Awaited<ReturnType<typeof getUser>>;

/** For a provisioned user: where they come from, which fields provisioning keeps up to date and which a manager set, and any suspension. */
export function ProvisioningPanel({ user, timeZone }: { user: User; timeZone: string }) {
  if (!user.directoryEntryId) return null;
  const handSet = new Set(user.handSetFields);
  const managed = managedFields.filter((f) => !handSet.has(f));
  return (
    <Card title="Provisioning">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]" data-testid="provisioning-panel">
        <dt className="text-slate-500">Provisioned from</dt>
        <dd>
          <Link className="text-sky-700 underline" href={`/directory/${user.directoryEntryId}`}>
            {user.entryName ?? "Directory entry"}
          </Link>
          {user.entrySource ? ` (${sourceNames[user.entrySource]}${user.entryStatus && user.entryStatus !== "active" ? `, ${user.entryStatus}` : ""})` : ""}
        </dd>
        <dt className="text-slate-500">Kept up to date by provisioning</dt>
        <dd>{managed.length ? managed.map((f) => managedFieldLabels[f]).join(", ") : "None: every field was set by hand."}</dd>
        <dt className="text-slate-500">Set by hand (provisioning leaves them)</dt>
        <dd>
          {user.handSetFields.length === 0 ? (
            "None"
          ) : (
            <ul className="space-y-1">
              {user.handSetFields.map((f) => (
                <li key={f}>
                  {managedFieldLabels[f] ?? f} —{" "}
                  <ReleaseFieldForm action={releaseHandSetFieldAction} userId={user.id} field={f} label={managedFieldLabels[f] ?? f} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-slate-500">State</dt>
        <dd data-testid="suspension-state">
          {user.suspendedAt
            ? `Suspended ${formatDateTime(user.suspendedAt, timeZone)}${user.suspendedReason ? `: ${reasons[user.suspendedReason]}` : ""}. No sign-in by any method; devices disabled.${
                user.deleteAfter ? ` Deleted (and the extension freed) after ${formatDateTime(user.deleteAfter, timeZone)} unless the person comes back.` : ""
              }`
            : "Active"}
        </dd>
      </dl>
    </Card>
  );
}
