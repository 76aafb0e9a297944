export interface CapturedPages {
  pageCount: number;
  totalBytes: number;
  /** Pages keyed by their $skiptoken ("" for the first), nextLinks moved to `origin` (same length, so same bytes). */
  rebase(origin: string): Map<string, Buffer>;
}

/** The key the bare server looks pages up by: clients may reorder query options, the token is stable. */
export function pageKey(pathAndQuery: string): string {
  return new URL(pathAndQuery, "https://x").searchParams.get("$skiptoken") ?? "";
}

/**
 * Fetches the emulator's pages once, as the Graph client will request them
 * (`/v1.0/users?$top=999`, then each nextLink), so the bare server can replay
 * byte-identical bodies. Page bodies depend only on the URL and the directory,
 * not on client headers, and skiptokens are stable within one emulator process.
 */
export async function capturePages(emulatorOrigin: string, token: string): Promise<CapturedPages> {
  const pages: { key: string; text: string }[] = [];
  let url: string | undefined = `${emulatorOrigin}/v1.0/users?$top=999`;
  while (url) {
    const response: Response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    if (!response.ok) throw new Error(`Capturing ${url}: HTTP ${response.status} ${text}`);
    pages.push({ key: pageKey(url), text });
    url = (JSON.parse(text) as { "@odata.nextLink"?: string })["@odata.nextLink"];
  }
  return {
    pageCount: pages.length,
    totalBytes: pages.reduce((sum, page) => sum + Buffer.byteLength(page.text), 0),
    rebase(origin) {
      if (origin.length !== emulatorOrigin.length) throw new Error(`Origins differ in length (${origin} vs ${emulatorOrigin}); run again.`);
      return new Map(pages.map((page) => [page.key, Buffer.from(page.text.split(emulatorOrigin).join(origin))]));
    },
  };
}
