// The audit MAC key (I10): a sub-key of the vault key that authenticates audit entries, and the per-token keys a
// destruction token holds, wrapped under a key derived from the token. Nothing here hands out key bytes.
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuditMac, deriveKeys, IntegrityError, VaultKey, decoyPassphraseSlot, openSlot, WrongSecretError } from '../../src/crypto/index.js';
import { keyBytes, vaultKeyFromBytes } from '../../src/crypto/vault-key.js';
import { expectNoBytes } from './helpers.js';

const HASH = 'a'.repeat(64);
const TOKEN = 'csdt_5QmN0hY9bq2rX3xkq0-3sYb7aI0mXc4nV9dJ2eWfT1o';

describe('AuditMac', () => {
  it('is HMAC-SHA-256 under its own HKDF sub-key of the vault key, the same after every unlock', () => {
    const bytes = keyBytes(VaultKey.generate());
    const a = deriveKeys(vaultKeyFromBytes(Buffer.from(bytes))).audit;
    const b = deriveKeys(vaultKeyFromBytes(Buffer.from(bytes))).audit;
    const sub = Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'contact-sanitizer/audit-mac/v1', 32));
    expect(a.mac(HASH)).toEqual(createHmac('sha256', sub).update(HASH).digest());
    expect(a.mac(HASH)).toEqual(b.mac(HASH));
    expect(a.mac(HASH)).toHaveLength(32);
    // Not the record key, not the index key: a sub-key of its own.
    const records = Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'contact-sanitizer/records/v1', 32));
    expect(a.mac(HASH)).not.toEqual(createHmac('sha256', records).update(HASH).digest());
    expect(a.tokenId).toBeNull();
  });

  it('verifies its own tags only: another vault, another entry, a flipped bit or a short tag fail', () => {
    const mac = deriveKeys(VaultKey.generate()).audit;
    const other = deriveKeys(VaultKey.generate()).audit;
    const tag = mac.mac(HASH);
    expect(mac.verify(HASH, tag)).toBe(true);
    expect(other.verify(HASH, tag)).toBe(false);
    expect(mac.verify('b'.repeat(64), tag)).toBe(false);
    const flipped = Buffer.from(tag);
    flipped[7] = flipped[7]! ^ 1;
    expect(mac.verify(HASH, flipped)).toBe(false);
    expect(mac.verify(HASH, tag.subarray(0, 16))).toBe(false);
    expect(mac.verify(HASH, Buffer.alloc(0))).toBe(false);
  });

  it('derives one key per token, which the vault key re-derives and a token key cannot', () => {
    const mac = deriveKeys(VaultKey.generate()).audit;
    const [t1, t2] = [randomUUID(), randomUUID()];
    const k1 = mac.forToken(t1);
    expect(k1.tokenId).toBe(t1);
    expect(k1.mac(HASH)).toEqual(mac.forToken(t1).mac(HASH));
    expect(k1.mac(HASH)).not.toEqual(mac.forToken(t2).mac(HASH));
    expect(k1.mac(HASH)).not.toEqual(mac.mac(HASH));
    expect(() => k1.forToken(t2)).toThrow(/derives no other key/);
    expect(() => mac.forToken('')).toThrow(TypeError);
  });

  it('wraps a token key under the token: only that token, for that id, opens it', () => {
    const mac = deriveKeys(VaultKey.generate()).audit;
    const id = randomUUID();
    const wrapped = mac.wrapForToken(id, TOKEN);
    expect(wrapped).toHaveLength(61);
    const opened = AuditMac.openForToken(wrapped, id, TOKEN);
    expect(opened.tokenId).toBe(id);
    expect(opened.mac(HASH)).toEqual(mac.forToken(id).mac(HASH));
    expect(mac.wrapForToken(id, TOKEN)).not.toEqual(wrapped); // a fresh nonce each time
    expect(() => AuditMac.openForToken(wrapped, id, `${TOKEN}x`)).toThrow(IntegrityError);
    expect(() => AuditMac.openForToken(wrapped, randomUUID(), TOKEN)).toThrow(IntegrityError); // moved to another token's row
    for (const at of [0, 1, 20, 60]) {
      const bad = Buffer.from(wrapped);
      bad[at] = bad[at]! ^ 1;
      expect(() => AuditMac.openForToken(bad, id, TOKEN)).toThrow(/audit key failed its integrity check/);
    }
    expect(() => AuditMac.openForToken(wrapped.subarray(0, 40), id, TOKEN)).toThrow(IntegrityError);
    expect(() => opened.wrapForToken(id, TOKEN)).toThrow(/derives no other key/); // a token cannot re-wrap for another
  });

  it('shows no key bytes to JSON or inspect, and refuses to work once destroyed', () => {
    const bytes = keyBytes(VaultKey.generate());
    const mac = deriveKeys(vaultKeyFromBytes(Buffer.from(bytes))).audit;
    const sub = Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'contact-sanitizer/audit-mac/v1', 32));
    expectNoBytes(JSON.stringify(mac), sub);
    expectNoBytes(inspect(mac, { showHidden: true, depth: 5 }), sub);
    const tag = mac.mac(HASH);
    mac.destroy();
    expect(() => mac.mac(HASH)).toThrow(/destroyed/);
    expect(() => mac.verify(HASH, tag)).toThrow(/destroyed/);
    expect(() => mac.forToken(randomUUID())).toThrow(/destroyed/);
  });
});

describe('decoyPassphraseSlot', () => {
  it('has the parameters asked for, fresh random fields, and opens with no passphrase', async () => {
    const params = { N: 2 ** 10, r: 8, p: 1 };
    const a = decoyPassphraseSlot(params);
    const b = decoyPassphraseSlot(params);
    expect(a).toMatchObject({ kind: 'passphrase', kdf: { name: 'scrypt', ...params } });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
    await expect(openSlot(a, 'correct horse battery staple')).rejects.toThrow(WrongSecretError);
    await expect(openSlot(a, '')).rejects.toThrow(WrongSecretError);
  });
});
