// Authenticates audit entries (docs/security.md, "An audit log without personal data"): HMAC-SHA-256 under a sub-key
// of the vault key, so that whoever can write the file but holds no key cannot rewrite the log and have it verify.
// A destruction-only token gets a key of its own, derived from this one and the token's id, and stored wrapped
// under a key derived from the token: the token authenticates its own entries and unwraps nothing else (no record
// key, no index key, not the vault's audit key), while the vault's key still verifies them.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { IntegrityError } from './errors.js';

/** HMAC-SHA-256, untruncated. */
export const AUDIT_MAC_BYTES = 32;

// HKDF labels: a new scheme gets a new version suffix. The token's id is part of both of its labels, so a wrapped
// key moved to another token's row refuses to open, and one token's key says nothing about another's.
const TOKEN_KEY_INFO = 'contact-sanitizer/audit-mac/token/v1:';
const TOKEN_WRAP_INFO = 'contact-sanitizer/audit-mac/token-wrap/v1:';
const WRAP_AAD = 'contact-sanitizer/audit-mac/wrapped/v1:';
const NO_SALT = Buffer.alloc(0);

/** Wrapped token key, version 1: 0x01 || nonce (12) || AES-256-GCM ciphertext of the 32-byte key || tag (16). */
const WRAP_VERSION = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const WRAPPED_TOKEN_KEY_BYTES = 1 + NONCE_BYTES + KEY_BYTES + TAG_BYTES;

export class AuditMac {
  #key: Buffer;
  /** Null for the vault's audit key; the token's id for a key derived for one token. */
  readonly tokenId: string | null;

  /** Internal to src/crypto: get an AuditMac from `deriveKeys(vaultKey).audit` or `AuditMac.openForToken`. */
  constructor(subKey: Buffer, tokenId: string | null = null) {
    if (subKey.length !== KEY_BYTES) throw new TypeError('An audit key has 32 bytes.');
    this.#key = subKey;
    this.tokenId = tokenId;
  }

  /** HMAC-SHA-256 of `data` (an entry's hash), 32 bytes. */
  mac(data: string): Buffer {
    return createHmac('sha256', this.#usableKey()).update(data, 'utf8').digest();
  }

  /** Whether `tag` is this key's MAC of `data`, compared in constant time. */
  verify(data: string, tag: Uint8Array): boolean {
    const expected = this.mac(data);
    return tag.length === expected.length && timingSafeEqual(expected, tag);
  }

  /**
   * The key of one destruction token: HKDF of this key with the token's id. Only the vault's audit key derives
   * them (a token's key cannot derive another's), so the vault's key verifies every token's entries.
   */
  forToken(tokenId: string): AuditMac {
    if (this.tokenId !== null) throw new Error("A destruction token's audit key derives no other key.");
    if (typeof tokenId !== 'string' || tokenId.length === 0) throw new TypeError('A token key is derived for a token id: none was given.');
    return new AuditMac(Buffer.from(hkdfSync('sha256', this.#usableKey(), NO_SALT, TOKEN_KEY_INFO + tokenId, KEY_BYTES)), tokenId);
  }

  /**
   * The token's audit key (`forToken(tokenId)`), wrapped under a key derived from the token itself (HKDF: the token
   * carries 256 random bits, so no slow KDF is needed), to be stored beside the token's hash.
   */
  wrapForToken(tokenId: string, token: string): Buffer {
    const tokenKey = this.forToken(tokenId);
    const kek = tokenWrapKey(tokenId, token);
    try {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(WRAP_AAD + tokenId, 'utf8'));
      const body = Buffer.concat([cipher.update(tokenKey.#usableKey()), cipher.final()]);
      return Buffer.concat([Buffer.of(WRAP_VERSION), nonce, body, cipher.getAuthTag()]);
    } finally {
      kek.fill(0);
      tokenKey.destroy();
    }
  }

  /**
   * The audit key of the token `token` (whose id is `tokenId`), unwrapped from what `wrapForToken` stored.
   * IntegrityError if it does not open: the stored key was changed, moved from another token, or the token is not
   * the one it was wrapped for.
   */
  static openForToken(wrapped: Uint8Array, tokenId: string, token: string): AuditMac {
    const data = Buffer.from(wrapped);
    if (data.length !== WRAPPED_TOKEN_KEY_BYTES || data[0] !== WRAP_VERSION) throw damagedTokenKey();
    const kek = tokenWrapKey(tokenId, token);
    const nonce = data.subarray(1, 1 + NONCE_BYTES);
    const body = data.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + KEY_BYTES);
    const tag = data.subarray(1 + NONCE_BYTES + KEY_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(WRAP_AAD + tokenId, 'utf8'));
    decipher.setAuthTag(tag);
    const key = decipher.update(body);
    try {
      decipher.final();
    } catch {
      key.fill(0);
      throw damagedTokenKey();
    } finally {
      kek.fill(0);
    }
    return new AuditMac(key, tokenId);
  }

  /** Zero-fills the key (on lock); any later call throws. */
  destroy(): void {
    this.#key.fill(0);
    this.#key = Buffer.alloc(0);
  }

  #usableKey(): Buffer {
    if (this.#key.length === 0) throw new Error('This audit key has been destroyed: unlock the vault again.');
    return this.#key;
  }
}

function tokenWrapKey(tokenId: string, token: string): Buffer {
  if (typeof token !== 'string' || token.length === 0) throw new TypeError('A token key is wrapped under a token: none was given.');
  if (typeof tokenId !== 'string' || tokenId.length === 0) throw new TypeError('A token key is wrapped for a token id: none was given.');
  return Buffer.from(hkdfSync('sha256', Buffer.from(token, 'utf8'), NO_SALT, TOKEN_WRAP_INFO + tokenId, KEY_BYTES));
}

function damagedTokenKey(): IntegrityError {
  return new IntegrityError("This destruction token's audit key failed its integrity check: it was changed, or moved from another token.");
}
