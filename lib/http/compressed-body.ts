import { pipeline, Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { constants, createBrotliCompress, createGzip } from "node:zlib";

export type ContentEncoding = "br" | "gzip";

/**
 * The encoding to answer with, from Accept-Encoding: br, else gzip, when the
 * client takes it (q > 0, by name or by `*`); null for none (identity).
 */
export function chooseEncoding(acceptEncoding: string | null): ContentEncoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const takes = (encoding: string) => (accepted.get(encoding) ?? accepted.get("*") ?? 0) > 0;
  return takes("br") ? "br" : takes("gzip") ? "gzip" : null;
}

/**
 * The body compressed as it streams, through node:zlib: never held whole.
 * Brotli at quality 4, gzip at its default level: both well under the cost of
 * rendering, where brotli's default (11) would cost more than all the rest.
 * Next.js's own `compress` (next.config.js) leaves a response that already
 * has a Content-Encoding alone, so nothing is compressed twice.
 */
export function compressedBody(body: ReadableStream<Uint8Array>, encoding: ContentEncoding): ReadableStream<Uint8Array> {
  const compressor = encoding === "br" ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip();
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  // Either end failing or going away ends both: an error reading the source (the database failing mid-stream)
  // ends the compressed stream with it, and a client that leaves stops the reading of pages.
  pipeline(source, compressor, () => {});
  return Readable.toWeb(compressor) as unknown as ReadableStream<Uint8Array>;
}
