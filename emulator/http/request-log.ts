/** Headers worth asserting on; everything else (and every secret) stays out of the log. */
const LOGGED_HEADERS = [
  "consistencylevel",
  "prefer",
  "retry-attempt",
  "x-ms-throttle-priority",
  "client-request-id",
  "sdkversion",
  "user-agent",
  "content-type",
] as const;

export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  durationMs: number;
  /** Tenant GUID, from the URL for identity requests and from the token for Graph. */
  tenantId: string | null;
  clientId: string | null;
  /** Non-secret fields of token requests (grant_type, client_id, scope). */
  form: Record<string, string> | null;
  /** "Bearer" when an Authorization header was sent (never the token), else null. */
  authorization: string | null;
  headers: Record<string, string>;
  fault: "throttle" | "unavailable" | "reset" | "tokenOutage" | null;
}

export interface RequestLogFilter {
  tenantId?: string;
  pathPrefix?: string;
  method?: string;
  sinceSeq?: number;
}

/**
 * What clients sent, newest last, so tests can assert how a real library
 * behaved (one token call, a retry after 429, the headers on a page request).
 * A ring buffer: the benchmark's thousands of pages must not grow it forever.
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 20_000) {}

  start(method: string, url: URL, headers: Record<string, string | string[] | undefined>): RequestLogEntry {
    const picked: Record<string, string> = {};
    for (const name of LOGGED_HEADERS) {
      const value = headers[name];
      if (typeof value === "string") picked[name] = value;
    }
    const auth = headers.authorization;
    return {
      seq: ++this.seq,
      time: new Date().toISOString(),
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      durationMs: 0,
      tenantId: null,
      clientId: null,
      form: null,
      authorization: typeof auth === "string" ? (auth.split(" ")[0] ?? "") : null,
      headers: picked,
      fault: null,
    };
  }

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries = this.entries.slice(-Math.floor(this.capacity / 2));
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const method = filter.method?.toUpperCase();
    const prefix = filter.pathPrefix?.toLowerCase();
    return this.entries.filter(
      (entry) =>
        (filter.sinceSeq === undefined || entry.seq > filter.sinceSeq) &&
        (filter.tenantId === undefined || entry.tenantId === filter.tenantId.toLowerCase()) &&
        (method === undefined || entry.method === method) &&
        (prefix === undefined || entry.path.toLowerCase().startsWith(prefix)),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
