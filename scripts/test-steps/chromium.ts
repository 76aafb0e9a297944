import { ensureDebianPackages } from "./debian-packages";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Playwright cannot download browsers here, so the e2e tests use Debian's Chromium. */
export function ensureChromium(): void {
  ensureDebianPackages(chromiumPath, ["chromium"]);
}
