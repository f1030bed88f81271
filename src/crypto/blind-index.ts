// Keyed hashes that let the vault find "the same email" or "the same profile URL" (dedupe, suppression list)
// without storing the value: without the vault key nobody can test a guess against them.
import { createHmac } from 'node:crypto';

/**
 * 'name' is the vault's fallback identity (name and company) for a contact with neither email nor profile URL;
 * 'company' a normalised company name, under which a subscriber type is confirmed for everyone at that company.
 */
export type BlindIndexKind = 'email' | 'url' | 'name' | 'company';
const KINDS: readonly string[] = ['email', 'url', 'name', 'company'];

/** 128 bits: collisions stay negligible for any vault (~2^64 values before one is likely) at half the storage. */
export const BLIND_INDEX_BYTES = 16;

export class BlindIndexer {
  #key: Buffer;

  /** Internal to src/crypto: get a BlindIndexer from `deriveKeys(vaultKey).index`. */
  constructor(subKey: Buffer) {
    if (subKey.length !== 32) throw new TypeError('A blind-index key has 32 bytes.');
    this.#key = subKey;
  }

  /**
   * HMAC-SHA-256 of `kind + '\0' + value`, truncated to 16 bytes. The caller normalises first (lower-cased email,
   * canonical URL): this function hashes exactly what it is given. The kind is hashed in so an email can never
   * match a URL; no kind contains '\0', so the input splits one way only, even if the value holds '\0'.
   */
  index(kind: BlindIndexKind, normalisedValue: string): Buffer {
    if (!KINDS.includes(kind)) throw new TypeError(`Unknown blind-index kind: ${String(kind)}.`);
    // An empty value would give every contact without an email the same index: a dedupe would merge them all.
    if (typeof normalisedValue !== 'string' || normalisedValue.length === 0) {
      throw new TypeError(`A blind index needs a value: this ${kind} is empty.`);
    }
    if (this.#key.length === 0) throw new Error('This blind indexer has been destroyed: unlock the vault again.');
    const mac = createHmac('sha256', this.#key).update(`${kind}\0${normalisedValue}`, 'utf8').digest();
    return Buffer.from(mac.subarray(0, BLIND_INDEX_BYTES));
  }

  /** Zero-fills the sub-key (on lock); any later call throws. */
  destroy(): void {
    this.#key.fill(0);
    this.#key = Buffer.alloc(0);
  }
}
