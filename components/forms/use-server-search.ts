"use client";

import { useEffect, useState } from "react";

/**
 * Asks a JSON search endpoint as the person types: waits for a pause, cancels
 * the answer to an older term, and keeps the server's error message if any.
 */
export function useServerSearch<T>(opts: { url: (q: string) => string; pick: (body: never) => T[]; q: string; enabled: boolean; failure: string }) {
  const { url, pick, q, enabled, failure } = opts;
  const [answer, setAnswer] = useState<T[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const asking = enabled && q.trim().length > 0;

  useEffect(() => {
    if (!asking) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url(q.trim()), { signal: controller.signal });
        const body = await response.json();
        if (!response.ok) return setProblem(body.error ?? failure);
        setProblem(null);
        setAnswer(pick(body as never));
      } catch (error) {
        if ((error as Error).name !== "AbortError") setProblem(failure);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // url and pick are stable in meaning; re-running on their identity would refetch every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, asking, failure]);

  // Nothing asked, nothing found: derived, so an emptied search needs no state update.
  return { found: asking ? answer : [], problem };
}
