import type { RequestListener } from "node:http";

/**
 * Answers 400 to a request whose path is not percent-encoded UTF-8 (`%ED%A0%80`,
 * a lone surrogate; `%FF`; a `%` with no hex after it). Next.js decodes a
 * dynamic route's segments itself and answered such a path with a 500 from
 * every route handler with a parameter (SCIM, phonebooks, sync runs); no route
 * of the portal has a use for one.
 */
export function withDecodablePath(handler: RequestListener): RequestListener {
  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0]!;
    try {
      decodeURIComponent(path);
    } catch {
      res.writeHead(400, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: "The address is not valid: it holds a percent-encoded byte that is not UTF-8." }));
      return;
    }
    return handler(req, res);
  };
}
