import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKeys, VaultKey, type BlindIndexer } from '../../src/crypto/index.js';
import { vaultKeyFromBytes } from '../../src/crypto/vault-key.js';

const indexer = (key = VaultKey.generate()) => deriveKeys(key).index;

describe('BlindIndexer', () => {
  it('gives the same 16 bytes for the same value, so a re-imported person is found again', () => {
    const key = VaultKey.generate();
    const a = indexer(key).index('email', 'ada@example.com');
    expect(a).toBeInstanceOf(Buffer);
    expect(a.length).toBe(16);
    expect(indexer(key).index('email', 'ada@example.com')).toEqual(a); // another unlock, same index
  });

  it('differs by value, even by one character', () => {
    const idx = indexer();
    const seen = new Set<string>();
    for (const v of ['ada@example.com', 'ada@example.co', 'Ada@example.com', 'ada@example.com ', 'bob@example.com']) {
      seen.add(idx.index('email', v).toString('hex'));
    }
    expect(seen.size).toBe(5);
  });

  it('differs by kind: an email never matches a URL, a name or a company with the same text', () => {
    const idx = indexer();
    const v = 'https://www.linkedin.com/in/ada';
    const forms = [idx.index('email', v), idx.index('url', v), idx.index('name', v), idx.index('company', v)].map((b) => b.toString('hex'));
    expect(new Set(forms).size).toBe(4);
  });

  it('differs for another vault, so indexes cannot be matched across vaults', () => {
    expect(indexer().index('email', 'ada@example.com')).not.toEqual(indexer().index('email', 'ada@example.com'));
  });

  it('is HMAC-SHA-256 under the HKDF blind-index sub-key over kind \\0 value, cut to 16 bytes (a pinned format)', () => {
    const vaultBytes = Buffer.alloc(32, 3);
    const subKey = Buffer.from(hkdfSync('sha256', vaultBytes, Buffer.alloc(0), 'contact-sanitizer/blind-index/v1', 32));
    const expected = createHmac('sha256', subKey).update('url\0https://www.linkedin.com/in/ada').digest().subarray(0, 16);
    expect(indexer(vaultKeyFromBytes(Buffer.from(vaultBytes))).index('url', 'https://www.linkedin.com/in/ada')).toEqual(expected);
    const recordsKey = Buffer.from(hkdfSync('sha256', vaultBytes, Buffer.alloc(0), 'contact-sanitizer/records/v1', 32));
    expect(recordsKey.equals(subKey)).toBe(false);
  });

  it('is HMAC-SHA-256 for any value: short, long (past its scratch buffer), not ASCII, with NUL, one after another', () => {
    const vaultBytes = Buffer.alloc(32, 5);
    const subKey = Buffer.from(hkdfSync('sha256', vaultBytes, Buffer.alloc(0), 'contact-sanitizer/blind-index/v1', 32));
    const idx = indexer(vaultKeyFromBytes(Buffer.from(vaultBytes)));
    const values = ['a', 'zoë\u0000李 محمد', 'x'.repeat(1019), 'y'.repeat(1020), '李'.repeat(400), 'https://www.linkedin.com/in/ada', 'é'.repeat(5000), 'a'];
    for (const v of values) {
      expect(idx.index('name', v)).toEqual(createHmac('sha256', subKey).update(`name\0${v}`, 'utf8').digest().subarray(0, 16));
    }
  });

  it('refuses an empty value (all contacts without an email would look like one person) and an unknown kind', () => {
    const idx = indexer();
    expect(() => idx.index('email', '')).toThrow(/empty/);
    expect(() => idx.index('phone' as 'email', '+441234')).toThrow(/kind/);
  });

  it('stops working once destroyed', () => {
    const idx: BlindIndexer = indexer();
    idx.destroy();
    expect(() => idx.index('email', 'ada@example.com')).toThrow(/destroyed/);
  });
});
