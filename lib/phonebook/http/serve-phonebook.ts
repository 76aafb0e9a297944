import "server-only";
import { AppError } from "@/lib/errors";
import { notModified } from "@/lib/http/conditional-request";
import { ciscoContentType } from "@/lib/phonebook/formats/cisco";
import { ciscoFormatName, wholeFormats } from "@/lib/phonebook/formats";
import { getPhonebookSettings } from "@/lib/phonebook/published-entries";
import { ciscoPage, ciscoPosition } from "./cisco-page";
import type { CredentialForm } from "./credential-form";
import { phonebookStream } from "./phonebook-stream";
import { phonebookVersion } from "./phonebook-version";

/**
 * The phonebook of an authenticated company in the format its URL names:
 * 304 when the phone's copy is current (ETag / Last-Modified), else the
 * body streamed (the web server compresses it when the phone takes it:
 * scripts/launcher/with-compression.ts). Phones poll; every
 * answer tells caches to check again (no-cache) and keep it private.
 */
export async function servePhonebook({
  customerId,
  formatName,
  request,
  query,
  credential,
}: {
  customerId: string;
  formatName: string;
  request: Request;
  query: URLSearchParams;
  credential: CredentialForm;
}): Promise<Response> {
  const isCisco = formatName === ciscoFormatName;
  const format = wholeFormats.get(formatName);
  if (!isCisco && !format) throw new AppError("not_found", "There is no phonebook in this format.");
  const after = isCisco ? ciscoPosition(query) : null;
  const settings = await getPhonebookSettings({ customerId });
  const variant = isCisco ? `${formatName}:${credential.kind}:${after ?? ""}` : formatName;
  const version = await phonebookVersion({ customerId, settings, variant });

  const headers = new Headers({
    "cache-control": "private, no-cache",
    vary: "accept-encoding, authorization",
    etag: version.etag,
  });
  if (version.lastModified) headers.set("last-modified", version.lastModified.toUTCString());
  if (notModified(request, version)) return new Response(null, { status: 304, headers });

  headers.set("content-type", isCisco ? ciscoContentType : format!.contentType);
  if (format?.fileName) headers.set("content-disposition", `attachment; filename="${format.fileName}"`);
  const body = isCisco
    ? new Blob([await ciscoPage({ customerId, settings, after, request, credential })]).stream()
    : phonebookStream({ customerId, settings, format: format! });
  return new Response(body, { status: 200, headers });
}
