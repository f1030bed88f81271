// The random 256-bit vault key that every record key comes from, held so that it cannot leak by accident: no bytes
// getter, nothing for JSON, logs or IPC to copy. Only code inside src/crypto reads the bytes, through `keyBytes`.
import { hkdfSync, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { AuditMac } from './audit-mac.js';
import { BlindIndexer } from './blind-index.js';
import { RecordCipher } from './record-cipher.js';

export const VAULT_KEY_BYTES = 32;

// HKDF labels. Changing one changes every ciphertext and blind index, so a new scheme gets a new version suffix.
const RECORDS_INFO = 'contact-sanitizer/records/v1';
const BLIND_INDEX_INFO = 'contact-sanitizer/blind-index/v1';
const AUDIT_MAC_INFO = 'contact-sanitizer/audit-mac/v1';
// The vault key is already uniformly random, so HKDF's extract step needs no salt (RFC 5869, 3.1): the distinct
// `info` labels are what keep the sub-keys independent.
const NO_SALT = Buffer.alloc(0);

// Bound in the class's static block so that they can read a private field and call the private constructor.
let readBytes!: (key: VaultKey) => Buffer;
let adopt!: (bytes: Buffer) => VaultKey;

export class VaultKey {
  // An ES private field: invisible to JSON.stringify, util.inspect, structuredClone and Object.keys.
  #bytes: Buffer;
  #destroyed = false;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  static {
    readBytes = (key) => {
      if (!(#bytes in key)) throw new TypeError('Not a VaultKey.');
      if (key.#destroyed) throw new Error('This vault key has been destroyed: unlock the vault again.');
      return key.#bytes;
    };
    adopt = (bytes) => new VaultKey(bytes);
  }

  /** A fresh key for a new vault, from the OS's CSPRNG. */
  static generate(): VaultKey {
    return new VaultKey(randomBytes(VAULT_KEY_BYTES));
  }

  /** True once `destroy` has run; any later use throws rather than silently using a zero key. */
  get destroyed(): boolean {
    return this.#destroyed;
  }

  /**
   * Zero-fills the key bytes (on lock or quit) so they do not linger in the heap until the GC reuses the memory.
   * Sub-keys already derived live in their own objects: destroy those too.
   */
  destroy(): void {
    this.#bytes.fill(0);
    this.#destroyed = true;
  }

  toJSON(): string {
    return '[VaultKey]';
  }

  toString(): string {
    return '[VaultKey]';
  }

  [inspect.custom](): string {
    return '[VaultKey]';
  }
}

/**
 * The record cipher, the blind indexer and the audit MAC of a vault, each with its own HKDF-SHA-256 sub-key, so that a
 * weakness in one use (e.g. an index compared in the open) says nothing about the others.
 */
export function deriveKeys(key: VaultKey): { records: RecordCipher; index: BlindIndexer; audit: AuditMac } {
  const ikm = readBytes(key);
  return {
    records: new RecordCipher(subKey(ikm, RECORDS_INFO)),
    index: new BlindIndexer(subKey(ikm, BLIND_INDEX_INFO)),
    audit: new AuditMac(subKey(ikm, AUDIT_MAC_INFO)),
  };
}

function subKey(ikm: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, NO_SALT, info, 32));
}

/**
 * INTERNAL to src/crypto (index.ts does not re-export it): the key's bytes, for wrapping it into a key slot.
 * Throws once the key is destroyed. The caller must not keep or copy the buffer.
 */
export function keyBytes(key: VaultKey): Buffer {
  return readBytes(key);
}

/** INTERNAL to src/crypto: a VaultKey that takes ownership of `bytes` (unwrapped from a slot). */
export function vaultKeyFromBytes(bytes: Buffer): VaultKey {
  if (bytes.length !== VAULT_KEY_BYTES) throw new TypeError(`A vault key has ${VAULT_KEY_BYTES} bytes.`);
  return adopt(bytes);
}
