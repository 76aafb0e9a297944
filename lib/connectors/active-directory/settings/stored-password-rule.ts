import { AppError } from "@/lib/errors";

/**
 * When a blank proxy password field may mean "the stored one". Never on the
 * first save, and never for another server address: otherwise anyone who can
 * edit the screen could point it at a server of their own, press Test
 * connection, and be sent the stored password in the bind. The same server
 * with other settings (base DN, filter, CA) keeps it.
 */
export function requirePasswordFor(stored: { url: string } | null, input: { url: string; bindPassword?: string }, purpose: "save" | "test" = "save"): void {
  if (input.bindPassword) return;
  if (!stored) {
    throw new AppError(
      "invalid_input",
      `Enter the proxy user's password: it is required ${purpose === "save" ? "the first time you save" : "to test before the settings are saved"}.`,
      {
        bindPassword: purpose === "save" ? "Required the first time you save." : "Required to test before the first save.",
      },
    );
  }
  if (stored.url !== input.url) {
    throw new AppError("invalid_input", "Enter the proxy user's password again: the stored one is only sent to the server it was saved for.", {
      bindPassword: `Required for a new server address (the stored one is for ${stored.url}).`,
    });
  }
}
