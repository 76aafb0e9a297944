"use client";

import { useState } from "react";

type Props = { value: string; label: string; tone?: "plain" | "once"; testId?: string };

/**
 * A value a person pastes elsewhere (a token, a URL to register in Entra),
 * with a button that copies it exactly. "once" marks a value shown only now.
 */
export function CopyableValue({ value, label, tone = "plain", testId }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  const box = tone === "once" ? "border border-amber-300 bg-amber-50" : "bg-slate-100";
  return (
    <div className={`flex items-start gap-2 rounded-md px-3 py-2 ${box}`}>
      <p className="min-w-0 flex-1 break-all font-mono text-sm" data-testid={testId}>
        {value}
      </p>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label}`}
        className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
