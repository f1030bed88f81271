// Encrypts every stored field that came from an import or was typed about a person: AES-256-GCM with a fresh
// nonce per call and the row id as associated data, so a ciphertext copied into another row refuses to decrypt.
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { IntegrityError } from './errors.js';

/**
 * Blob layout, version 1:  0x01 (1 byte) || nonce (12 bytes) || ciphertext (= plaintext length) || GCM tag (16 bytes).
 * A random 96-bit nonce is safe for up to 2^32 encryptions under one key (NIST SP 800-38D, 8.3), far beyond a
 * contact vault's lifetime; a new version byte leaves room for a different scheme later.
 */
const VERSION = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES;
export const MIN_BLOB_BYTES = HEADER_BYTES + TAG_BYTES;

// Nonces come from a pool filled by the CSPRNG 4 KiB at a time: one system call per 341 records instead of one each
// (an import encrypts tens of thousands). Each nonce is copied out and its bytes in the pool are never reused.
const pool = Buffer.alloc(NONCE_BYTES * 341);
let poolOffset = pool.length;

function freshNonce(): Buffer {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const nonce = Buffer.from(pool.subarray(poolOffset, poolOffset + NONCE_BYTES));
  pool.fill(0, poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}

export class RecordCipher {
  #key: Buffer;

  /** Internal to src/crypto: get a RecordCipher from `deriveKeys(vaultKey).records`. */
  constructor(subKey: Buffer) {
    if (subKey.length !== 32) throw new TypeError('A record key has 32 bytes.');
    this.#key = subKey;
  }

  /**
   * `rowId` is bound into the tag: pass the row's random id, and if one row holds several ciphertext columns, pass
   * `${id}:${column}` so that two columns of the same row cannot be swapped either.
   */
  encrypt(plaintext: string, rowId: string): Buffer {
    return this.encryptBytes(Buffer.from(plaintext, 'utf8'), rowId);
  }

  /** The string that `encrypt` was given with this `rowId`; IntegrityError if the blob was changed or moved. */
  decrypt(blob: Buffer | Uint8Array, rowId: string): string {
    const plain = this.decryptBytes(blob, rowId);
    const text = plain.toString('utf8');
    plain.fill(0);
    return text;
  }

  encryptBytes(plaintext: Buffer | Uint8Array, rowId: string): Buffer {
    const nonce = freshNonce();
    const cipher = createCipheriv('aes-256-gcm', this.#usableKey(), nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(rowId));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), nonce, body, cipher.getAuthTag()]);
  }

  decryptBytes(blob: Buffer | Uint8Array, rowId: string): Buffer {
    const aad = associatedData(rowId);
    const key = this.#usableKey();
    const data = Buffer.isBuffer(blob) ? blob : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    // Too short to hold a header and a tag, or written by a scheme we do not know: either way not our data.
    if (data.length < MIN_BLOB_BYTES || data[0] !== VERSION) throw new IntegrityError();
    const nonce = data.subarray(1, HEADER_BYTES);
    const body = data.subarray(HEADER_BYTES, data.length - TAG_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    // authTagLength pins the tag to 16 bytes: without it Node accepts truncated tags, which are easier to forge.
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plain = decipher.update(body);
    try {
      decipher.final();
    } catch {
      // GCM hands out plaintext before the tag is checked: wipe it so unauthenticated bytes go nowhere.
      plain.fill(0);
      throw new IntegrityError();
    }
    return plain;
  }

  /** Zero-fills the sub-key (on lock); any later call throws. */
  destroy(): void {
    this.#key.fill(0);
    this.#key = Buffer.alloc(0);
  }

  #usableKey(): Buffer {
    if (this.#key.length === 0) throw new Error('This record cipher has been destroyed: unlock the vault again.');
    return this.#key;
  }
}

function associatedData(rowId: string): Buffer {
  // An empty id would bind nothing: every blob encrypted that way could be moved anywhere else with an empty id.
  if (typeof rowId !== 'string' || rowId.length === 0) throw new TypeError('A record is encrypted for a row id: none was given.');
  return Buffer.from(rowId, 'utf8');
}
