"use client";

import { useState } from "react";
import { useServerSearch } from "@/components/forms/use-server-search";

type Group = { id: string; displayName: string };

type Props = {
  initial: Group[];
  disabled: boolean;
  /** The hidden field the choice travels in. */
  name: string;
  label: string;
  /** What no group chosen means here. */
  noneChosen: string;
};

/**
 * Picks Entra groups (whose transitive members are synced, or provisioned).
 * Searches the tenant as you type; the choice travels with the form as JSON
 * in a hidden field.
 */
export function EntraGroupPicker({ initial, disabled, name, label, noneChosen }: Props) {
  const [selected, setSelected] = useState<Group[]>(initial);
  const [q, setQ] = useState("");
  const { found, problem } = useServerSearch<Group>({
    url: (term) => `/api/entra/groups?q=${encodeURIComponent(term)}`,
    pick: (body: { groups: Group[] }) => body.groups,
    q,
    enabled: !disabled,
    failure: "The groups could not be read.",
  });

  const add = (g: Group) => setSelected((s) => (s.some((x) => x.id === g.id) ? s : [...s, g]));
  const remove = (id: string) => setSelected((s) => s.filter((g) => g.id !== id));

  return (
    <div className="text-sm">
      <input type="hidden" name={name} value={JSON.stringify(selected)} />
      <p className="mb-1 font-medium text-slate-700">{label}</p>
      {selected.length === 0 ? <p className="text-slate-500">{noneChosen}</p> : null}
      <ul className="mb-2 flex flex-wrap gap-2">
        {selected.map((g) => (
          <li key={g.id} className="flex items-center gap-1 rounded-full bg-sky-100 px-3 py-1 text-sky-900">
            {g.displayName}
            {disabled ? null : (
              <button type="button" aria-label={`Remove ${g.displayName}`} onClick={() => remove(g.id)} className="ml-1 text-sky-700">
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {disabled ? null : (
        <>
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search groups by name (saved settings are used to read them)"
            aria-label="Search groups"
            className="w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm"
          />
          {problem ? <p className="mt-1 text-red-700">{problem}</p> : null}
          <ul className="mt-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 empty:hidden">
            {found.map((g) => (
              <li key={g.id}>
                <button type="button" onClick={() => add(g)} className="block w-full px-3 py-1 text-left hover:bg-slate-100">
                  {g.displayName}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
