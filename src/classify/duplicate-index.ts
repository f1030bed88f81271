// Remembers which person was seen on which line, in typed arrays of 64-bit key hashes: a million contacts cost
// about 24 MB instead of the ~150 MB a Map of key strings would, and no substring of the file is kept alive.
// Two different keys share a 64-bit hash with odds of about 1 in 10^7 for a million keys; a false "duplicate"
// is a finding for a person to review, never a silent merge.

export class DuplicateIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private lines: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 14) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  /** Record `key` as seen on `line`; return the line it was first seen on, or 0 if it is new. */
  firstSeen(key: string, line: number): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    h2 = (Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35) ^ key.length) >>> 0;
    const mask = this.hi.length - 1;
    for (let slot = (h1 ^ h2) & mask; ; slot = (slot + 1) & mask) {
      if (this.lines[slot] === 0) {
        // Line numbers start at 1, so 0 marks an empty slot.
        this.hi[slot] = h1;
        this.lo[slot] = h2;
        this.lines[slot] = line;
        if (++this.size * 2 > this.hi.length) this.grow();
        return 0;
      }
      if (this.hi[slot] === h1 && this.lo[slot] === h2) return this.lines[slot]!;
    }
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    const capacity = hi.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.lines = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < hi.length; i++) {
      if (lines[i] === 0) continue;
      let slot = (hi[i]! ^ lo[i]!) & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}
