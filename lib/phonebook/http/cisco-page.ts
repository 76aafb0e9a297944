import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ciscoPageItems, ciscoPagePeople, renderCiscoPage } from "@/lib/phonebook/formats/cisco";
import { publishedEntryPage, type PhonebookSettings } from "@/lib/phonebook/published-entries";
import { ofCustomer } from "@/lib/tenancy";
import { uuidPattern } from "@/lib/validation/uuid-pattern";
import type { CredentialForm } from "./credential-form";

/** The `after` of a Cisco page URL: the ID of the last person of the page before, or null for the first page. */
export function ciscoPosition(query: URLSearchParams): string | null {
  const values = query.getAll("after");
  if (values.length === 0) return null;
  if (values.length > 1 || !uuidPattern.test(values[0]!)) throw new AppError("invalid_input", "The page position is not valid.");
  return values[0]!.toLowerCase();
}

/**
 * The Next softkey's URL: the same phonebook by the same credential form the
 * phone used (a secret in the path stays in the path; Basic asks the phone
 * to send its credentials again), with the last person shown as the keyset
 * position — an ID, so the URL stays short whatever the names (Cisco phones
 * take URLs of 256 characters).
 */
function nextUrl(request: Request, credential: CredentialForm, lastId: string): string {
  const origin = (env().NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/$/, "");
  const path = credential.kind === "path" ? `/phonebook/${encodeURIComponent(credential.secret)}/cisco.xml` : "/api/v1/phonebook/cisco.xml";
  return `${origin}${path}?after=${lastId}`;
}

/**
 * One page of the Cisco directory: the people after `after` in (display
 * name, ID) order, by keyset — an entry added or removed on an earlier page
 * between two presses of Next neither repeats nor skips anyone. A position
 * whose entry is gone (a manual entry deleted) starts again at the first page.
 */
export async function ciscoPage({
  customerId,
  settings,
  after,
  request,
  credential,
}: {
  customerId: string;
  settings: PhonebookSettings;
  after: string | null;
  request: Request;
  credential: CredentialForm;
}): Promise<string> {
  const position = after === null ? undefined : await entryPosition(customerId, after);
  // One more than a page can hold tells whether another page follows.
  const fetched = await publishedEntryPage({ customerId, settings, after: position, limit: ciscoPageItems + 1 });
  const people = ciscoPagePeople(fetched);
  const more = people.length < fetched.length;
  return renderCiscoPage({ people, nextUrl: more ? nextUrl(request, credential, people.at(-1)!.id) : null });
}

async function entryPosition(customerId: string, id: string): Promise<{ displayName: string; id: string } | undefined> {
  const [row] = await db()
    .select({ displayName: directoryEntries.displayName, id: directoryEntries.id })
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.id, id)));
  return row;
}
