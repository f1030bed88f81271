// Keyed hashes that let the vault find "the same email" or "the same profile URL" (dedupe, suppression list)
// without storing the value: without the vault key nobody can test a guess against them.
import { hash } from 'node:crypto';

/**
 * 'name' is the vault's fallback identity (name and company) for a contact with neither email nor profile URL;
 * 'company' a normalised company name, under which a subscriber type is confirmed for everyone at that company.
 */
export type BlindIndexKind = 'email' | 'url' | 'name' | 'company';
const KINDS: readonly string[] = ['email', 'url', 'name', 'company'];

/** 128 bits: collisions stay negligible for any vault (~2^64 values before one is likely) at half the storage. */
export const BLIND_INDEX_BYTES = 16;

/** SHA-256's block: HMAC pads its key to one block (RFC 2104). */
const BLOCK = 64;
/** Values up to this many bytes (every email, URL and name) are hashed from a buffer kept for them. */
const SCRATCH_BYTES = 1024;

export class BlindIndexer {
  /**
   * HMAC computed from its definition, H((K ^ opad) || H((K ^ ipad) || m)), with both padded keys made once: an import
   * takes two or three indexes of every record, and a createHmac object (and its garbage) for each cost ~4% of a commit.
   * The inner buffer has room for the message after the padded key, the outer for the inner hash. Same bytes as createHmac
   * (test/crypto/blind-index.test.ts).
   */
  #inner: Buffer;
  #outer: Buffer;

  /** Internal to src/crypto: get a BlindIndexer from `deriveKeys(vaultKey).index`. Takes `subKey` and zero-fills it. */
  constructor(subKey: Buffer) {
    if (subKey.length !== 32) throw new TypeError('A blind-index key has 32 bytes.');
    this.#inner = Buffer.alloc(BLOCK + SCRATCH_BYTES, 0x36);
    this.#outer = Buffer.alloc(BLOCK + 32, 0x5c);
    for (let i = 0; i < subKey.length; i++) {
      this.#inner[i]! ^= subKey[i]!;
      this.#outer[i]! ^= subKey[i]!;
    }
    subKey.fill(0);
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
    if (this.#inner.length === 0) throw new Error('This blind indexer has been destroyed: unlock the vault again.');
    const message = `${kind}\0${normalisedValue}`;
    const inner =
      Buffer.byteLength(message, 'utf8') <= SCRATCH_BYTES
        ? this.#inner.subarray(0, BLOCK + this.#inner.write(message, BLOCK, 'utf8'))
        : Buffer.concat([this.#inner.subarray(0, BLOCK), Buffer.from(message, 'utf8')]);
    hash('sha256', inner, 'buffer').copy(this.#outer, BLOCK);
    // The value (an email, a name) does not stay behind in the scratch buffer.
    inner.fill(0, BLOCK);
    const mac = hash('sha256', this.#outer, 'buffer');
    return Buffer.from(mac.subarray(0, BLIND_INDEX_BYTES));
  }

  /** Zero-fills the padded keys (on lock); any later call throws. */
  destroy(): void {
    this.#inner.fill(0);
    this.#outer.fill(0);
    this.#inner = Buffer.alloc(0);
    this.#outer = Buffer.alloc(0);
  }
}
