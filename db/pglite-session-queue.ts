import type { PGlite } from "@electric-sql/pglite";

type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

// Frontend messages that end a unit of work: Sync (extended protocol), Query
// (simple protocol) and Terminate. Startup messages have no type byte at all.
const SYNC = 0x53;
const QUERY = 0x51;
const TERMINATE = 0x58;
const PROTOCOL_3 = 196608;

function endsUnitOfWork(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SYNC || type === QUERY || type === TERMINATE) return true;
  const isStartup = message.length >= 8 && new DataView(message.buffer, message.byteOffset).getInt32(4) === PROTOCOL_3;
  return isStartup;
}

/**
 * Runs every client connection on PGlite's one session, one protocol message
 * at a time, like @electric-sql/pglite-socket's own queue — but keeps a
 * connection's extended-protocol sequence (Parse … Bind … Execute … Sync)
 * together as well as its transactions. The library's queue only does the
 * latter, so two pooled connections running queries at once interleave their
 * unnamed statements ("bind message supplies 2 parameters, but prepared
 * statement requires 1"). Same interface, swapped in by `embedded-server.ts`.
 */
export class PGliteSessionQueue {
  private queue: Pending[] = [];
  private processing = false;
  /** The connection that owns the session until it ends its unit of work. */
  private owner: number | null = null;
  private ownerMidSequence = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection went away: undo its open transaction and free the session for the others. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    this.ownerMidSequence = false;
    await this.processQueue();
  }

  private next(): Pending | undefined {
    const pinned = this.owner !== null && (this.ownerMidSequence || this.db.isInTransaction());
    if (!pinned) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.owner = item.handlerId;
        this.ownerMidSequence = !endsUnitOfWork(item.message);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
