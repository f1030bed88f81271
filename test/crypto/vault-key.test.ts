import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPassphraseSlot, deriveKeys, VaultKey } from '../../src/crypto/index.js';
import { keyBytes, vaultKeyFromBytes } from '../../src/crypto/vault-key.js';
import { expectNoBytes, FAST } from './helpers.js';

describe('VaultKey', () => {
  it('is 32 random bytes, different for every new vault', () => {
    const a = VaultKey.generate();
    const b = VaultKey.generate();
    expect(keyBytes(a).length).toBe(32);
    expect(keyBytes(a).equals(keyBytes(b))).toBe(false);
    expect(deriveKeys(a).index.index('email', 'ada@example.com')).not.toEqual(deriveKeys(b).index.index('email', 'ada@example.com'));
  });

  it('never shows its bytes in JSON, logs, inspect, string conversion or a structured clone (IPC)', () => {
    const key = VaultKey.generate();
    const bytes = Buffer.from(keyBytes(key));
    expect(JSON.stringify(key)).toBe('"[VaultKey]"');
    expect(inspect(key)).toBe('[VaultKey]');
    expect(String(key)).toBe('[VaultKey]');
    expect(Object.keys(key)).toEqual([]);
    const leaks = [
      JSON.stringify({ session: { key } }),
      inspect({ session: { key } }, { showHidden: true, depth: Infinity, getters: true }),
      format('%o %O %j %s', key, key, key, key),
      JSON.stringify(structuredClone(key)),
      `${key}`,
    ];
    for (const text of leaks) expectNoBytes(text, bytes);
  });

  it('destroy() zero-fills the bytes and refuses any later use instead of acting as an all-zero key', async () => {
    const key = VaultKey.generate();
    const held = keyBytes(key);
    expect(held.some((b) => b !== 0)).toBe(true);
    expect(key.destroyed).toBe(false);
    key.destroy();
    expect(key.destroyed).toBe(true);
    expect([...held].every((b) => b === 0)).toBe(true);
    expect(() => keyBytes(key)).toThrow(/destroyed/);
    expect(() => deriveKeys(key)).toThrow(/destroyed/);
    await expect(createPassphraseSlot(key, 'correct horse', FAST)).rejects.toThrow(/destroyed/);
    key.destroy(); // twice is harmless
  });

  it('derives the same sub-keys from the same bytes, and separate ones for records and indexes', () => {
    const bytes = Buffer.alloc(32, 42);
    const a = deriveKeys(vaultKeyFromBytes(Buffer.from(bytes)));
    const b = deriveKeys(vaultKeyFromBytes(Buffer.from(bytes)));
    expect(b.records.decrypt(a.records.encrypt('Ada', 'row-1'), 'row-1')).toBe('Ada');
    expect(a.index.index('url', 'https://www.linkedin.com/in/ada')).toEqual(b.index.index('url', 'https://www.linkedin.com/in/ada'));
  });

  it('the internal constructor refuses a key of the wrong size', () => {
    expect(() => vaultKeyFromBytes(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
