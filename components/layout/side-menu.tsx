"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { MenuItem } from "./menu-items";
import { SignOutButton } from "./sign-out-button";

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

type Props = { items: MenuItem[]; companyName: string | null; personName: string; portalId: string };

/** Left menu on laptops; a collapsible bar on phones. */
export function SideMenu({ items, companyName, personName, portalId }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <aside className="border-b border-slate-200 bg-slate-900 text-slate-100 md:min-h-screen md:w-60 md:shrink-0 md:border-b-0">
      <div className="flex items-center justify-between px-4 py-4 md:block">
        <div>
          <p className="text-lg font-semibold">Switchboard</p>
          <p className="text-xs text-slate-400">{companyName ?? "Platform operator"}</p>
        </div>
        <button
          type="button"
          className="rounded border border-slate-600 px-3 py-1 text-sm md:hidden"
          aria-expanded={open}
          aria-controls="side-menu"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
      </div>
      <nav id="side-menu" aria-label="Main" className={`${open ? "block" : "hidden"} pb-4 md:block`}>
        <ul>
          {items.map((item) => {
            const active = isUnder(pathname, item.section ?? item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={`block px-4 py-2 text-sm ${active ? "bg-slate-700 font-medium text-white" : "text-slate-300 hover:bg-slate-800"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-6 border-t border-slate-700 px-4 pt-4 text-xs text-slate-400">
          <p className="truncate text-slate-200">{personName}</p>
          <p className="mb-3 truncate">{portalId}</p>
          <SignOutButton />
        </div>
      </nav>
    </aside>
  );
}
