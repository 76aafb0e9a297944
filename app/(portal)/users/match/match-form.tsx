"use client";

import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { ListTable } from "@/components/list/list-table";
import type { ActionState } from "@/lib/actions/action-state";
import type { MatchProposal } from "@/lib/provisioning/match/propose-matches";

const sources = { entra: "MS AAD", "active-directory": "Active Directory", scim: "SCIM", manual: "Directory" } as const;
const keyOf = (p: Pick<MatchProposal, "accountId" | "entryId">) => `${p.accountId}:${p.entryId}`;

type Props = { proposals: MatchProposal[]; action: (prev: ActionState, formData: FormData) => Promise<ActionState> };

/**
 * The proposed links to review: strong ones (same e-mail or UPN) ticked when
 * unambiguous, weak ones (same name only) marked and left unticked. The
 * ticked pairs travel as JSON in one hidden field and are applied together.
 */
export function MatchForm({ proposals, action }: Props) {
  const { state, onSubmit, pending } = useFormAction(action);
  const [chosen, setChosen] = useState(() => new Set(proposals.filter((p) => p.preselected).map(keyOf)));
  const toggle = (key: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const pairs = proposals.filter((p) => chosen.has(keyOf(p))).map(({ accountId, entryId }) => ({ accountId, entryId }));

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Match existing users">
      <input type="hidden" name="pairs" value={JSON.stringify(pairs)} />
      <ListTable columns={["", "Login", "Directory person", "Why"]} empty={proposals.length === 0 ? "No unlinked login matches a synced person." : null}>
        {proposals.map((p) => (
          <tr key={keyOf(p)} className="border-b align-top last:border-0">
            <td className="py-2 pr-4">
              <input type="checkbox" aria-label={`Link ${p.portalId} to ${p.entryName}`} checked={chosen.has(keyOf(p))} onChange={() => toggle(keyOf(p))} />
            </td>
            <td className="py-2 pr-4">
              <span className="font-medium">{p.accountName}</span>
              <span className="block font-mono text-xs text-slate-600">{p.portalId}</span>
              {p.accountEmail ? <span className="block text-xs text-slate-600">{p.accountEmail}</span> : null}
            </td>
            <td className="py-2 pr-4">
              <span className="font-medium">{p.entryName}</span> <span className="text-xs text-slate-500">({sources[p.source]})</span>
              {p.entryUpn ? <span className="block text-xs text-slate-600">{p.entryUpn}</span> : null}
              {p.entryEmail && p.entryEmail !== p.entryUpn ? <span className="block text-xs text-slate-600">{p.entryEmail}</span> : null}
            </td>
            <td className="py-2 pr-4">
              {p.strength === "strong" ? (
                "Same e-mail or UPN"
              ) : (
                <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">Same name only — weaker, check before linking</span>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <FormMessage state={state} />
      {proposals.length > 0 ? (
        <SubmitButton pending={pending} pendingText="Linking…">
          {`Link ${pairs.length} selected`}
        </SubmitButton>
      ) : null}
    </form>
  );
}
