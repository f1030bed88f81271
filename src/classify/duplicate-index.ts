// Finds the same person again across an export without keeping any of their data: each record leaves a 64-bit
// hash of its identity key in an append-only typed array, and duplicates are found once at the end by sorting
// the hashes. Appending and sorting are sequential, where a hash table probed a million times at random spends
// most of its time waiting on memory. A million contacts cost about 16 MB and no substring of the file is kept.
// Two different keys share a 64-bit hash with odds of about 1 in 10^7 for a million keys; a false "duplicate"
// is a finding for a person to review, never a silent merge.

export interface Duplicate {
  line: number;
  /** The line on which the same key was first seen. */
  first: number;
  kind: number;
}

const KIND_SHIFT = 30;
const LINE_MASK = (1 << KIND_SHIFT) - 1;

export class DuplicateIndex {
  /** Two 32-bit words per entry, low word first, so the buffer reads as a BigUint64Array for sorting. */
  private keys = new Uint32Array(2 * 16_384);
  /** The line of each entry, with its kind (1 to 3) in the top two bits. */
  private tags = new Uint32Array(16_384);
  private size = 0;

  /**
   * Note the key made of up to three parts, of kind 1 to 3 (so a URL never equals a name), as seen on `line`.
   * `from` skips a prefix that every key of that kind shares.
   */
  add(line: number, kind: 1 | 2 | 3, a: string, from = 0, b = '', c = ''): void {
    let h1 = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
    let h2 = 0x9747b28c ^ kind;
    for (let i = from; i < a.length; i++) {
      const ch = a.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 + ch, 0x5bd1e995);
    }
    if (b.length > 0 || c.length > 0) {
      // A separator no text contains, so ("ab", "c") and ("a", "bc") differ.
      for (let i = -1; i < b.length; i++) {
        const ch = i < 0 ? 0xffff : b.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 0x01000193);
        h2 = Math.imul(h2 + ch, 0x5bd1e995);
      }
      for (let i = -1; i < c.length; i++) {
        const ch = i < 0 ? 0xffff : c.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 0x01000193);
        h2 = Math.imul(h2 + ch, 0x5bd1e995);
      }
    }
    const length = a.length - from + b.length + c.length;
    h2 = Math.imul(h2 ^ (h2 >>> 15), 0x27d4eb2d);
    if (this.size === this.tags.length) this.grow();
    const at = this.size++;
    this.keys[2 * at] = h1 ^ (h1 >>> 16);
    this.keys[2 * at + 1] = h2 ^ (h2 >>> 13) ^ length;
    this.tags[at] = (kind << KIND_SHIFT) | (line & LINE_MASK);
  }

  /** Every entry whose key was seen before, in the order they were added, with the line of the first sighting. */
  duplicates(): Duplicate[] {
    const n = this.size;
    const sorted = new Uint32Array(new BigUint64Array(this.keys.buffer, 0, n).slice().sort().buffer);
    const repeated = new KeySet();
    for (let i = 1; i < n; i++) {
      if (sorted[2 * i] === sorted[2 * i - 2] && sorted[2 * i + 1] === sorted[2 * i - 1]) repeated.add(sorted[2 * i]!, sorted[2 * i + 1]!);
    }
    const found: Duplicate[] = [];
    if (repeated.size === 0) return found;
    for (let i = 0; i < n; i++) {
      const slot = repeated.find(this.keys[2 * i]!, this.keys[2 * i + 1]!);
      if (slot < 0) continue;
      const line = this.tags[i]! & LINE_MASK;
      const first = repeated.firstLine(slot);
      if (first === 0) repeated.setFirstLine(slot, line);
      else found.push({ line, first, kind: this.tags[i]! >>> KIND_SHIFT });
    }
    return found;
  }

  private grow(): void {
    const keys = new Uint32Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const tags = new Uint32Array(this.tags.length * 2);
    tags.set(this.tags);
    this.tags = tags;
  }
}

/** A small open-addressing set of the few keys that repeat, each with the line it was first seen on. */
class KeySet {
  private slots = new Uint32Array(3 * 64);
  private capacity = 64;
  size = 0;

  add(lo: number, hi: number): void {
    if (this.find(lo, hi) >= 0) return;
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    this.insert(lo, hi, 0);
  }

  find(lo: number, hi: number): number {
    const mask = this.capacity - 1;
    for (let slot = (lo ^ hi) & mask; ; slot = (slot + 1) & mask) {
      const at = 3 * slot;
      if (this.slots[at] === lo && this.slots[at + 1] === hi && this.slots[at + 2] !== 0) return slot;
      if (this.slots[at + 2] === 0) return -1;
    }
  }

  firstLine(slot: number): number {
    return this.slots[3 * slot + 2]! - 1;
  }

  setFirstLine(slot: number, line: number): void {
    this.slots[3 * slot + 2] = line + 1;
  }

  private insert(lo: number, hi: number, line: number): void {
    const mask = this.capacity - 1;
    let slot = (lo ^ hi) & mask;
    while (this.slots[3 * slot + 2] !== 0) slot = (slot + 1) & mask;
    this.slots.set([lo, hi, line + 1], 3 * slot);
    this.size++;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Uint32Array(3 * this.capacity);
    this.size = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at + 2] !== 0) this.insert(old[at]!, old[at + 1]!, old[at + 2]! - 1);
  }
}
