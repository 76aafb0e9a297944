import { pathSecretPhonebookRoute } from "@/lib/phonebook/http/define-phonebook-route";

export const dynamic = "force-dynamic";

/** A company's phonebook for desk phones, the secret in the path: /phonebook/<secret>/yealink.xml, cisco.xml, contacts.vcf, … */
export const GET = pathSecretPhonebookRoute;
