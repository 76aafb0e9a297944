import "server-only";
import { env } from "@/lib/env";
import { basicCredentials } from "@/lib/http/basic-credentials";
import { defineCredentialRoute } from "@/lib/http/define-credential-route";
import { servePhonebook } from "./serve-phonebook";

const common = {
  kind: "phonebook_http" as const,
  perMinute: () => env().PHONEBOOK_REQUESTS_PER_MINUTE,
  // One challenge for both forms: a 401 must carry one (RFC 9110), and a phone set up for Basic answers it.
  challenge: 'Basic realm="phonebook", charset="UTF-8"',
  refusal: "A valid phonebook credential is required.",
  failure: "phonebook request failed",
};

/** `GET /phonebook/<secret>/<format>`: for phones that cannot send HTTP Basic, the secret is the URL's path. */
export const pathSecretPhonebookRoute = defineCredentialRoute<{ secret: string; format: string }>(
  { ...common, credentialOf: (_request, params) => ({ secret: params.secret }) },
  ({ customerId, request, params, query }) =>
    servePhonebook({ customerId, formatName: params.format, request, query, credential: { kind: "path", secret: params.secret } }),
);

/** `GET /api/v1/phonebook/<format>` with HTTP Basic: the company's slug as the user, the phonebook secret as the password. */
export const basicPhonebookRoute = defineCredentialRoute<{ format: string }>(
  {
    ...common,
    credentialOf: (request) => {
      const basic = basicCredentials(request);
      return basic && { secret: basic.password, slug: basic.user };
    },
  },
  ({ customerId, request, params, query }) => servePhonebook({ customerId, formatName: params.format, request, query, credential: { kind: "basic" } }),
);
