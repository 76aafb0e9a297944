import { lowercaseUuidPattern } from "@/lib/validation/uuid-pattern";

/** What a round's seen keys are read as: whether one was seen, and all of them (for the removals' statement). */
export type SeenKeySet = { has(key: string): boolean; readonly size: number; [Symbol.iterator](): Iterator<string> };

const nilUuid = "00000000-0000-0000-0000-000000000000";

/**
 * The keys a full round saw, in the worker until the round's end. A key is a
 * UUID in lowercase (a connector's key column is a uuid), kept as its 16
 * bytes in an open-addressing table: in a Set of strings each took about 85
 * bytes, and ten large tenants' rounds at once held 260,000 of them, 22 MB,
 * at a worker's peak (bench:fleet). Anything else is kept as it is.
 */
export class SeenKeys implements SeenKeySet {
  /** Four 32-bit words a key; all four zero is an empty slot. Never more than three quarters full. */
  private words = new Uint32Array(4 * 1024);
  private used = 0;
  /** The nil UUID (it would read as an empty slot) and any key that is not a lowercase UUID. */
  private readonly others = new Set<string>();

  add(key: string): void {
    if (key === nilUuid || !lowercaseUuidPattern.test(key)) {
      this.others.add(key);
      return;
    }
    if ((this.used + 1) * 4 > this.slots() * 3) this.grow();
    const words = wordsOf(key);
    const at = this.placeOf(words);
    if (this.emptyAt(at)) {
      this.words.set(words, at);
      this.used++;
    }
  }

  has(key: string): boolean {
    if (this.others.has(key)) return true;
    if (key === nilUuid || !lowercaseUuidPattern.test(key)) return false;
    return !this.emptyAt(this.placeOf(wordsOf(key)));
  }

  get size(): number {
    return this.used + this.others.size;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let at = 0; at < this.words.length; at += 4) {
      if (this.emptyAt(at)) continue;
      const hex = Array.from(this.words.subarray(at, at + 4), (word) => word.toString(16).padStart(8, "0")).join("");
      yield `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    yield* this.others;
  }

  private slots(): number {
    return this.words.length / 4;
  }

  private emptyAt(at: number): boolean {
    const w = this.words;
    return (w[at]! | w[at + 1]! | w[at + 2]! | w[at + 3]!) === 0;
  }

  /** Where the key is, or the empty slot where it goes (linear probing), as an index into `words`. */
  private placeOf([a, b, c, d]: Uint32Array): number {
    const mask = this.slots() - 1;
    let slot = mix(a!, b!, c!, d!) & mask;
    for (;;) {
      const at = slot * 4;
      const w = this.words;
      if (this.emptyAt(at) || (w[at] === a && w[at + 1] === b && w[at + 2] === c && w[at + 3] === d)) return at;
      slot = (slot + 1) & mask;
    }
  }

  private grow() {
    const old = this.words;
    this.words = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4) {
      const words = old.subarray(at, at + 4);
      if ((words[0]! | words[1]! | words[2]! | words[3]!) !== 0) this.words.set(words, this.placeOf(words));
    }
  }
}

function wordsOf(key: string): Uint32Array {
  const hex = key.replaceAll("-", "");
  return Uint32Array.of(parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8, 16), 16), parseInt(hex.slice(16, 24), 16), parseInt(hex.slice(24), 16));
}

/** All four words into a slot number: keys made in sequence (a test's, an emulator's) spread as well as random ones. */
function mix(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
