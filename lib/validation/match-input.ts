import { z } from "zod";
import { parseUntrustedJson } from "@/lib/http/parse-untrusted-json";

// 500 pairs of two UUIDs and their keys fit well inside this.
const maxLength = 60_000;

/** The matches a manager ticked on "Match existing users", posted as JSON in one hidden field: login and person, by ID. */
export const applyMatchesInput = z.object({
  pairs: z.preprocess(
    (v) => {
      if (typeof v !== "string" || v.trim() === "" || v.length > maxLength) return null;
      try {
        return parseUntrustedJson(v);
      } catch {
        return null;
      }
    },
    z
      .array(z.object({ accountId: z.uuid(), entryId: z.uuid() }).strict(), { message: "The selection could not be read. Reload the page and try again." })
      .min(1, "Choose at least one match to apply.")
      .max(500, "Apply at most 500 matches at once."),
  ),
});
