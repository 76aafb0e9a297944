"use client";

import { useState } from "react";
import { useServerSearch } from "@/components/forms/use-server-search";
import type { LinkedEntry } from "@/lib/linking/get-linked-entry";
import type { LinkCandidate } from "@/lib/linking/search-link-candidates";

type Choice = { kind: "unchanged" } | { kind: "none" } | { kind: "entry"; entry: LinkCandidate };

const describe = (e: { displayName: string; userPrincipalName: string | null }) =>
  e.userPrincipalName ? `${e.displayName} (${e.userPrincipalName})` : e.displayName;

/**
 * The AAD ID field: the login's Entra account, chosen from the company's
 * synced, active, unlinked entries, which the server searches as one types
 * (so it works with 100,000 of them). "-Direct Input-" means no link.
 */
export function EntraAccountPicker({
  current,
  error,
  onChoose,
}: {
  current: LinkedEntry | null;
  error?: string;
  onChoose?: (entry: LinkCandidate | null) => void;
}) {
  const [choice, setChoice] = useState<Choice>({ kind: "unchanged" });
  const [q, setQ] = useState("");
  const { found, problem } = useServerSearch<LinkCandidate>({
    url: (term) => `/api/entra/link-candidates?q=${encodeURIComponent(term)}`,
    pick: (body: { candidates: LinkCandidate[] }) => body.candidates,
    q,
    enabled: true,
    failure: "The Entra accounts could not be searched.",
  });

  // Once the server has saved a link, it is the current one: the choice starts afresh. Adjusted while
  // rendering (React's pattern for state that follows a prop), not in an effect that renders twice.
  const [currentId, setCurrentId] = useState(current?.id);
  if (currentId !== current?.id) {
    setCurrentId(current?.id);
    setChoice({ kind: "unchanged" });
  }

  const choose = (next: Choice) => {
    setChoice(next);
    setQ("");
    onChoose?.(next.kind === "entry" ? next.entry : null);
  };
  const value = choice.kind === "entry" ? choice.entry.id : choice.kind;
  const shown = choice.kind === "entry" ? describe(choice.entry) : choice.kind === "unchanged" && current ? describe(current) : "-Direct Input-";
  const linked = choice.kind === "entry" || (choice.kind === "unchanged" && current);

  return (
    <div className="text-sm">
      <input type="hidden" name="aadLink" value={value} />
      <p id="aad-id-label" className="mb-1 font-medium text-slate-700">
        AAD ID
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <p aria-labelledby="aad-id-label" data-testid="aad-id-value" className="rounded-md bg-slate-100 px-3 py-2">
          {shown}
        </p>
        {choice.kind === "unchanged" && current && current.status !== "active" ? <span className="text-amber-800">({current.status} in Entra)</span> : null}
        {linked ? (
          <button type="button" onClick={() => choose({ kind: "none" })} className="text-sky-700 underline">
            -Direct Input-
          </button>
        ) : null}
      </div>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search Entra accounts by name, e-mail or UPN"
        aria-label="Search Entra accounts"
        aria-invalid={error ? true : undefined}
        className={`mt-2 w-full rounded-md border px-3 py-2 shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}
      />
      {problem ? <p className="mt-1 text-red-700">{problem}</p> : null}
      {error ? <p className="mt-1 text-red-700">{error}</p> : null}
      {q.trim() && found.length === 0 && !problem ? <p className="mt-1 text-slate-500">No unlinked Entra account matches.</p> : null}
      <ul aria-label="Entra accounts" className="mt-1 max-h-56 overflow-y-auto rounded-md border border-slate-200 empty:hidden">
        {found.map((entry) => (
          <li key={entry.id}>
            <button type="button" onClick={() => choose({ kind: "entry", entry })} className="block w-full px-3 py-1 text-left hover:bg-slate-100">
              <span className="font-medium">{entry.displayName}</span> <span className="text-slate-500">{entry.userPrincipalName ?? entry.email ?? ""}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
