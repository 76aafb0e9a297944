/** The error types RFC 7644 §3.12 names, that our endpoint answers. */
export type ScimType = "invalidFilter" | "invalidSyntax" | "invalidPath" | "invalidValue" | "uniqueness" | "noTarget" | "mutability" | "tooMany";

/** A SCIM error: answered as `{ schemas: [Error], status, scimType?, detail }` with that HTTP status. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export const scimNotFound = (resource: string, id: string) => new ScimError(404, `${resource} ${id} not found`);
export const invalidSyntax = (detail: string) => new ScimError(400, detail, "invalidSyntax");
export const invalidFilter = (detail: string) => new ScimError(400, detail, "invalidFilter");
export const invalidPath = (detail: string) => new ScimError(400, detail, "invalidPath");
export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
