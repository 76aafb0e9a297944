"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { connectorLabels } from "@/components/sync/connector-labels";

const entra = connectorLabels.entra;
const activeDirectory = connectorLabels["active-directory"];

const tabs = [
  { href: "/authority/managers", label: "Managers", match: (p: string) => p.startsWith("/authority/managers") },
  // Its Provisioning screen is reached from the screen, and keeps the screen's tab lit.
  { href: entra.path, label: entra.label, match: (p: string) => p === entra.path || p.startsWith(`${entra.path}/provisioning`) },
  // A run is read from the history, so its page keeps the history tab lit.
  { href: `${entra.path}/history`, label: entra.history, match: (p: string) => p.startsWith(`${entra.path}/history`) || p.startsWith(`${entra.path}/runs/`) },
  // Its history has no tab: the screen links to it, and it links back.
  { href: activeDirectory.path, label: activeDirectory.label, match: (p: string) => p === activeDirectory.path || p.startsWith(`${activeDirectory.path}/`) },
  { href: "/authority/scim", label: "SCIM", match: (p: string) => p.startsWith("/authority/scim") },
  { href: "/authority/phonebooks", label: "Phonebooks", match: (p: string) => p.startsWith("/authority/phonebooks") },
  { href: "/authority/webhooks", label: "Webhooks", match: (p: string) => p.startsWith("/authority/webhooks") },
];

export function AuthorityTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Authority settings" className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => {
        const active = tab.match(pathname);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-4 py-2 text-sm ${active ? "border-sky-700 font-medium text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
