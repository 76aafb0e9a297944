"use client";

import { useEffect } from "react";

/**
 * "… created." on a new record's page, where a create form sends the person
 * (`?notice=created`). The notice is then taken out of the address, so a
 * reload or a bookmark of the page does not announce the creation again.
 */
export function CreatedNotice({ message }: { message: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete("notice");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return (
    <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  );
}
