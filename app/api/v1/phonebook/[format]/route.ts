import { basicPhonebookRoute } from "@/lib/phonebook/http/define-phonebook-route";

export const dynamic = "force-dynamic";

/** A company's phonebook with HTTP Basic (company slug, phonebook secret): /api/v1/phonebook/yealink.xml, cisco.xml, contacts.vcf, … */
export const GET = basicPhonebookRoute;
