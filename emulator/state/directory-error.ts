/**
 * A refusal from the in-memory directory (unknown object, duplicate name). The
 * admin API turns it into an HTTP status; Graph handlers turn "not found" into
 * Graph's Request_ResourceNotFound.
 */
export class DirectoryError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "DirectoryError";
  }
}

export function notFound(kind: string, id: string): DirectoryError {
  return new DirectoryError(404, `${kind} '${id}' does not exist.`);
}
