/**
 * Whether a GET may be answered 304 Not Modified (RFC 9110 §13.2.2):
 * If-None-Match when the request has it (weak comparison: `W/"x"` matches
 * `"x"`; `*` matches any), else If-Modified-Since, to the second, against
 * the representation's Last-Modified.
 */
export function notModified(request: Request, { etag, lastModified }: { etag: string; lastModified: Date | null }): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    const tags = ifNoneMatch.split(",").map(opaque);
    return tags.includes("*") || tags.includes(opaque(etag));
  }
  const ifModifiedSince = request.headers.get("if-modified-since");
  if (ifModifiedSince === null || lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds: the representation is unchanged when its second is not later.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
