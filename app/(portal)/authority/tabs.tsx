"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { href: "/authority/managers", label: "Managers", match: (p: string) => p.startsWith("/authority/managers") },
  { href: "/authority/entra", label: "MS AAD", match: (p: string) => p === "/authority/entra" || p.startsWith("/authority/entra/runs") },
  { href: "/authority/entra/history", label: "Sync history", match: (p: string) => p.startsWith("/authority/entra/history") },
  { href: "/authority/active-directory", label: "Active Directory", match: (p: string) => p.startsWith("/authority/active-directory") },
  { href: "/authority/scim", label: "SCIM", match: (p: string) => p.startsWith("/authority/scim") },
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
