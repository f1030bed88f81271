// Remembers which person was seen on which line as 64-bit key hashes in one interleaved typed array: a million
// contacts cost about 24 MB instead of the ~150 MB a Map of key strings would, a probe touches one cache line,
// and no substring of the file is kept alive. Two different keys share a 64-bit hash with odds of about 1 in
// 10^7 for a million keys; a false "duplicate" is a finding for a person to review, never a silent merge.

const STRIDE = 3; // [hash high, hash low, line]

export class DuplicateIndex {
  private slots: Uint32Array;
  private capacity: number;
  private size = 0;

  constructor(capacity = 1 << 14) {
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * STRIDE);
  }

  /**
   * Record the key made of up to three parts, tagged by `kind` (so a URL never equals a name), as seen on `line`;
   * return the line it was first seen on, or 0 if it is new. `from` skips a prefix every key of that kind shares.
   */
  firstSeen(line: number, kind: number, a: string, from = 0, b = '', c = ''): number {
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
    h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    h2 = Math.imul(h2 ^ (h2 >>> 15), 0x27d4eb2d);
    h2 = (h2 ^ (h2 >>> 13) ^ length) >>> 0;
    const slots = this.slots;
    const mask = this.capacity - 1;
    for (let slot = (h1 ^ h2) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const seen = slots[at + 2]!;
      // Line numbers start at 1, so 0 marks an empty slot.
      if (seen === 0) {
        slots[at] = h1;
        slots[at + 1] = h2;
        slots[at + 2] = line;
        if (++this.size * 2 > this.capacity) this.grow();
        return 0;
      }
      if (slots[at] === h1 && slots[at + 1] === h2) return seen;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity * STRIDE);
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 2] === 0) continue;
      let slot = (old[at]! ^ old[at + 1]!) & mask;
      while (this.slots[slot * STRIDE + 2] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + STRIDE), slot * STRIDE);
    }
  }
}
