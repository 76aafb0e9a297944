import type { RunChange } from "@/lib/sync/history/list-run-changes";
import { attributeLabel, fieldLabel } from "./field-labels";

type FieldChange = { key: string; label: string; from: unknown; to: unknown };

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
const shown = (v: unknown) => (isEmpty(v) ? "—" : Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v));
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The changed fields with their labels. `attributes` holds an object on each
 * side: it is shown as the keys that changed, each with its own label, not as
 * two blobs of JSON.
 */
function labelledChanges(fields: RunChange["fields"]): FieldChange[] {
  const all = Object.entries(fields).flatMap(([field, [from, to]]): FieldChange[] => {
    if (field !== "attributes") return [{ key: field, label: fieldLabel(field), from, to }];
    const before = asRecord(from);
    const after = asRecord(to);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => ({ key: `attributes.${k}`, label: attributeLabel(k), from: before[k], to: after[k] }));
  });
  // The numbers in E.164 follow from the raw ones beside them: shown only when they alone changed (the first
  // run after they were added), so a new phone number is one item, not four.
  const own = all.filter((c) => !derivedFields.has(c.key));
  return own.length > 0 ? own : all;
}

const derivedFields: ReadonlySet<string> = new Set(["officePhoneE164", "mobilePhoneE164", "phonesE164"]);

/**
 * One entry's change in a run on one line or two: who, what kind, and each
 * field old → new side by side (a created entry shows its values only; its kind is the
 * heading of its group), so a
 * page of fifty changes stays a page, not a scroll of one field per line.
 */
export function ChangeRow({ change }: { change: RunChange }) {
  const created = change.kind === "created";
  // A created entry shows its directory fields; its extra attributes are on its own page, not a line more here each.
  const shownChanges = labelledChanges(change.fields).filter(({ key }) => !(created && key.startsWith("attributes.")));
  return (
    <li className="grid gap-x-4 py-2 sm:grid-cols-[14rem_1fr]">
      <p className="truncate font-medium" title={change.displayName ?? change.objectId}>
        {change.displayName ?? change.objectId}
      </p>
      <ul className="flex flex-wrap gap-x-4 gap-y-0.5 text-slate-600">
        {shownChanges.map(({ key, label, from, to }) => (
          <li key={key}>
            <span className="text-slate-500">{label}:</span>{" "}
            {created ? null : (
              <>
                <del className="decoration-slate-400">{shown(from)}</del> →{" "}
              </>
            )}
            {shown(to)}
          </li>
        ))}
      </ul>
    </li>
  );
}
