"use client";

import type { LinkCandidate } from "@/lib/linking/search-link-candidates";

export type PersonFields = { name: string; email: string };

/** Where a login's name and e-mail differ from the Entra account being linked. */
export function differencesFrom(entry: LinkCandidate, person: PersonFields) {
  const rows: { field: keyof PersonFields; label: string; mine: string; entra: string }[] = [];
  if (person.name.trim() !== entry.displayName) rows.push({ field: "name", label: "Name", mine: person.name, entra: entry.displayName });
  const entraEmail = entry.email ?? "";
  if (entraEmail && person.email.trim().toLowerCase() !== entraEmail.toLowerCase()) {
    rows.push({ field: "email", label: "E-mail", mine: person.email, entra: entraEmail });
  }
  return rows;
}

/**
 * Shown when the chosen Entra account's name or e-mail differ from the
 * login's: the manager updates the login to match, or keeps it as it is.
 */
export function LinkDifferences({
  entry,
  rows,
  onMatch,
  onKeep,
}: {
  entry: LinkCandidate;
  rows: ReturnType<typeof differencesFrom>;
  onMatch: () => void;
  onKeep: () => void;
}) {
  return (
    <section aria-label="Differences from Entra" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="mb-2 font-medium text-amber-900">This login differs from {entry.displayName} in Entra:</p>
      <table className="mb-3 w-full text-left">
        <thead className="text-slate-600">
          <tr>
            <th className="pr-4 font-normal"></th>
            <th className="pr-4 font-normal">This login</th>
            <th className="font-normal">Entra</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th className="pr-4 font-medium">{row.label}</th>
              <td className="pr-4">{row.mine || "—"}</td>
              <td>
                {row.entra}
                {row.field === "name" && (entry.firstName || entry.lastName) ? (
                  <span className="text-slate-500">
                    {" "}
                    (first name {entry.firstName ?? "—"}, last name {entry.lastName ?? "—"})
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-3">
        <button type="button" onClick={onMatch} className="rounded-md bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800">
          Update to match Entra
        </button>
        <button type="button" onClick={onKeep} className="rounded-md border border-amber-700 px-3 py-1 text-amber-900">
          Keep this login&apos;s values
        </button>
      </div>
    </section>
  );
}
