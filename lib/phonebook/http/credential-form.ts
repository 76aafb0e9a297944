/** How a phone presented its phonebook credential: as the secret in the URL's path, or by HTTP Basic. */
export type CredentialForm = { kind: "path"; secret: string } | { kind: "basic" };
