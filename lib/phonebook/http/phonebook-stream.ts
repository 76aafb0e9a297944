import "server-only";
import { logger } from "@/lib/logger";
import type { PhonebookFormat } from "@/lib/phonebook/formats/phonebook-format";
import { publishedEntryPage, type PhonebookEntry, type PhonebookSettings } from "@/lib/phonebook/published-entries";
import { readAhead } from "@/lib/sync/read-ahead";

/** People read a query: large enough that a page's round trip is small beside its rendering, small enough to hold. */
export const streamPageSize = 1000;

/** The published entries a keyset page at a time, to the last (a short page). */
async function* entryPages(customerId: string, settings: PhonebookSettings): AsyncGenerator<PhonebookEntry[]> {
  let after: { displayName: string; id: string } | undefined;
  for (;;) {
    const page = await publishedEntryPage({ customerId, settings, after, limit: streamPageSize });
    yield page;
    const last = page.at(-1);
    if (!last || page.length < streamPageSize) return;
    after = { displayName: last.displayName, id: last.id };
  }
}

/**
 * The whole phonebook in a format as a stream: while one page of people is
 * rendered and sent, the next is read (one page ahead, no more), so the
 * database and the rendering work at once; a client that reads slowly
 * holds the reading back, and one that leaves ends it. Memory holds two
 * pages whatever the directory's size. A database failure mid-way ends the
 * stream in error — the client sees a cut body, never an error text inside
 * the phonebook — and is logged.
 */
export function phonebookStream({ customerId, settings, format }: { customerId: string; settings: PhonebookSettings; format: PhonebookFormat }) {
  const encoder = new TextEncoder();
  const pages = readAhead(entryPages(customerId, settings));
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value: page, done } = await pages.next();
          let text = started ? "" : format.start;
          started = true;
          for (const entry of page ?? []) text += format.entry(entry);
          if (done) text += format.end;
          // A page of people no format shows (no number) adds nothing; the pending read asks for the next one.
          if (text !== "") controller.enqueue(encoder.encode(text));
          if (done) controller.close();
        } catch (error) {
          logger.error({ err: error }, "phonebook stream failed");
          controller.error(new Error("The phonebook could not be read."));
        }
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    // Render a page only when the one before has been taken.
    { highWaterMark: 0 },
  );
}
