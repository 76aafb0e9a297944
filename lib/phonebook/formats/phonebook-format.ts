import type { PhonebookEntry } from "@/lib/phonebook/published-entries";

/**
 * A phonebook format as a streaming renderer: the text before the first
 * person, each person's part, the text after the last. The route writes them
 * page by page, so no phonebook is ever held whole. A person a format cannot
 * show (a phone's entry with no number to dial) renders as "".
 */
export type PhonebookFormat = {
  contentType: string;
  /** For the downloads a person saves (vCard, CSV): the file name the browser offers. */
  fileName?: string;
  start: string;
  entry(entry: PhonebookEntry): string;
  end: string;
};
