import { z } from "zod";

// A NUL cannot be stored in PostgreSQL text (the query fails), and a lone
// surrogate is no character at all: neither is anyone's portal ID, user name
// or password, so a sign-in form refuses them before anything is looked up.
const nul = /\u0000/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A sign-in form's text field: at most `max` characters, no NUL, no lone surrogate. */
export function credentialField(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !nul.test(value) && !loneSurrogate.test(value), "contains characters that cannot be part of it");
}
