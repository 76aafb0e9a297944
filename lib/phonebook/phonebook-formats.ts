/** The remote phonebooks, by the file name phones ask for and what the screen calls them. */
export const phonebookFormats = [
  { file: "yealink.xml", label: "Yealink" },
  { file: "grandstream.xml", label: "Grandstream" },
  { file: "snom.xml", label: "Snom" },
  { file: "cisco.xml", label: "Cisco" },
  { file: "poly.xml", label: "Poly (Polycom)" },
  { file: "fanvil.xml", label: "Fanvil" },
  { file: "contacts.vcf", label: "vCard (softphones, mobiles)" },
  { file: "contacts.csv", label: "CSV (spreadsheets)" },
] as const;
