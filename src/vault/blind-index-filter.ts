// A Bloom filter of blind indexes: "certainly not held" without a query. An import asks, for every record, whether
// its profile URL, email or name + company is already in the vault; nearly always it is not, and the answer then costs
// two bit reads instead of SQL statements. A "maybe" is always checked in SQL, so a false positive costs one lookup and
// never changes an answer. The indexes are HMAC outputs (uniformly random), so their own bytes serve as the two hashes.
import { BLIND_INDEX_BYTES } from '../crypto/index.js';

/** 16 bits per key and two probes: about 1 false "maybe" in 1,000 when as many keys as expected are added. */
const BITS_PER_KEY = 16;
const MIN_BITS = 2 ** 16;
/** 16 MB at most, whatever the vault and file: past ~8 million keys the filter only says "maybe" more often. */
const MAX_BITS = 2 ** 27;

export class BlindIndexFilter {
  private readonly words: Uint32Array;
  private readonly mask: number;

  /** A filter sized for about `expectedKeys` keys. */
  constructor(expectedKeys: number) {
    let bits = MIN_BITS;
    while (bits < MAX_BITS && bits < expectedKeys * BITS_PER_KEY) bits *= 2;
    this.words = new Uint32Array(bits / 32);
    this.mask = bits - 1;
  }

  add(key: Buffer): void {
    const a = this.probe(key, 0);
    const b = this.probe(key, 4);
    this.words[a >>> 5]! |= 1 << (a & 31);
    this.words[b >>> 5]! |= 1 << (b & 31);
  }

  /** False only when `key` was never added. */
  mayHold(key: Buffer): boolean {
    const a = this.probe(key, 0);
    const b = this.probe(key, 4);
    return (this.words[a >>> 5]! & (1 << (a & 31))) !== 0 && (this.words[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  private probe(key: Buffer, at: 0 | 4): number {
    // Anything but a blind index would not be uniformly random: refuse it rather than filter it badly.
    if (key.length !== BLIND_INDEX_BYTES) throw new TypeError(`A blind index has ${BLIND_INDEX_BYTES} bytes.`);
    return key.readUInt32LE(at) & this.mask;
  }
}
