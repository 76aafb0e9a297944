import { MalformedMessage } from "./ber-node";

/**
 * Cuts a TCP stream into LDAPMessages. Each is a SEQUENCE (0x30) with a
 * definite length; only the header is read here, so a client announcing a
 * message larger than `maxBytes` is refused before any of it is buffered.
 * push() returns the whole messages received so far and keeps the rest.
 */
export class MessageFrames {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const size = this.frameSize();
      if (size === null || this.pending.length < size) break;
      frames.push(this.pending.subarray(0, size));
      this.pending = this.pending.subarray(size);
    }
    // Without a header, nothing else may pile up: a header is at most 6 bytes.
    if (this.pending.length > this.maxBytes) throw new MalformedMessage("message too large");
    return frames;
  }

  /** The whole frame's size once its header is in, else null. */
  private frameSize(): number | null {
    const data = this.pending;
    if (data.length < 2) return null;
    if (data[0] !== 0x30) throw new MalformedMessage("an LDAPMessage is a SEQUENCE");
    const first = data[1]!;
    if (first < 0x80) return 2 + first;
    const lengthBytes = first & 0x7f;
    // 0x80 is BER's indefinite length, which LDAP forbids; more than 4 bytes is more than any message we accept.
    if (lengthBytes === 0 || lengthBytes > 4) throw new MalformedMessage("bad length");
    if (data.length < 2 + lengthBytes) return null;
    let length = 0;
    for (let i = 0; i < lengthBytes; i++) length = length * 256 + data[2 + i]!;
    const size = 2 + lengthBytes + length;
    if (size > this.maxBytes) throw new MalformedMessage("message too large");
    return size;
  }
}
