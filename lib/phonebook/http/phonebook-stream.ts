import "server-only";
import { logger } from "@/lib/logger";
import type { PhonebookFormat } from "@/lib/phonebook/formats/phonebook-format";
import { publishedEntryPage, type PhonebookEntry, type PhonebookSettings } from "@/lib/phonebook/published-entries";

/**
 * People read a query: large enough that a page's query (its plan, the keyset, the logins' join) is small beside
 * its rendering, small enough to hold. 2,000 against 1,000 took a 100,000-person vCard download from 1.97-2.04× a
 * bare COPY to 1.63-1.72× (bench:phonebook), its peak memory still 1.06× the 10,000-person download's.
 */
export const streamPageSize = 2000;

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
  const read = (after?: { displayName: string; id: string }) => {
    const page = publishedEntryPage({ customerId, settings, after, limit: streamPageSize });
    // Read ahead: a client that leaves before asking for it must not leave its failure unhandled.
    page.catch(() => undefined);
    return page;
  };
  let ahead: Promise<PhonebookEntry[]> | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const page = await (ahead ?? read());
          const last = page.at(-1);
          const done = !last || page.length < streamPageSize;
          ahead = done ? undefined : read({ displayName: last.displayName, id: last.id });
          let text = started ? "" : format.start;
          started = true;
          for (const entry of page) text += format.entry(entry);
          if (done) text += format.end;
          // A page of people no format shows (no number) adds nothing; the pending read asks for the next one.
          if (text !== "") controller.enqueue(encoder.encode(text));
          if (done) controller.close();
        } catch (error) {
          logger.error({ err: error }, "phonebook stream failed");
          controller.error(new Error("The phonebook could not be read."));
        }
      },
    },
    // Render a page only when the one before has been taken.
    { highWaterMark: 0 },
  );
}
