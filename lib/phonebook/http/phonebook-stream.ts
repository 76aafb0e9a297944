import "server-only";
import { logger } from "@/lib/logger";
import type { PhonebookFormat } from "@/lib/phonebook/formats/phonebook-format";
import { publishedEntryPage, type PhonebookSettings } from "@/lib/phonebook/published-entries";

/** People read a query: large enough that a page's round trip is small beside its rendering, small enough to hold. */
export const streamPageSize = 1000;

/**
 * The whole phonebook in a format as a stream that reads a keyset page of
 * the published entries each time the client has taken the last: memory
 * holds one page, whatever the directory's size, and a client that reads
 * slowly (or leaves) holds the reading back (or ends it). A database failure
 * mid-way ends the stream in error — the client sees a cut body, never an
 * error text inside the phonebook — and is logged.
 */
export function phonebookStream({ customerId, settings, format }: { customerId: string; settings: PhonebookSettings; format: PhonebookFormat }) {
  const encoder = new TextEncoder();
  let after: { displayName: string; id: string } | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const page = await publishedEntryPage({ customerId, settings, after, limit: streamPageSize });
          const last = page.at(-1);
          const done = page.length < streamPageSize;
          let text = started ? "" : format.start;
          started = true;
          for (const entry of page) text += format.entry(entry);
          if (done) text += format.end;
          if (last) after = { displayName: last.displayName, id: last.id };
          // A page of people no format shows (no number) adds nothing; the pending read asks for the next one.
          if (text !== "") controller.enqueue(encoder.encode(text));
          if (done) controller.close();
        } catch (error) {
          logger.error({ err: error }, "phonebook stream failed");
          controller.error(new Error("The phonebook could not be read."));
        }
      },
    },
    // Read a page only when the one before has been taken.
    { highWaterMark: 0 },
  );
}
