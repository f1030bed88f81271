import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeychainSlot, IntegrityError, openSlot, slotKdfParams, VaultKey, type KeychainProtector, type KeySlot } from '../../src/crypto/index.js';
import { keyBytes } from '../../src/crypto/vault-key.js';
import { expectNoBytes } from './helpers.js';

/** Stands in for Electron's safeStorage: AES-CBC without a MAC, as Chromium's OS crypt does on some systems. */
function fakeKeychain(available = true): KeychainProtector & { calls: number } {
  const osKey = randomBytes(32);
  return {
    calls: 0,
    availability: async () => (available ? { available: true } : { available: false, reason: 'The OS keychain is not available here (on Linux it would keep the key in plain text).' }),
    async protect(data) {
      this.calls++;
      const iv = randomBytes(16);
      const c = createCipheriv('aes-256-cbc', osKey, iv);
      return Buffer.concat([iv, c.update(data), c.final()]);
    },
    async unprotect(data) {
      const d = createDecipheriv('aes-256-cbc', osKey, data.subarray(0, 16));
      return Buffer.concat([d.update(data.subarray(16)), d.final()]);
    },
  };
}

describe('keychain slots', () => {
  it('round-trip through the OS keychain and the database, holding no key bytes in clear', async () => {
    const key = VaultKey.generate();
    const keychain = fakeKeychain();
    const slot = await createKeychainSlot(key, keychain);
    expect(keychain.calls).toBe(1);
    expect(Object.keys(slot).sort()).toEqual(['kind', 'protected']);
    expectNoBytes(JSON.stringify(slot), keyBytes(key));
    expect(slotKdfParams(slot)).toBeNull();
    const opened = await openSlot(JSON.parse(JSON.stringify(slot)) as KeySlot, '', keychain);
    expect(keyBytes(opened).equals(keyBytes(key))).toBe(true);
  });

  it('are refused, with the reason, where the keychain would keep the key in plain text', async () => {
    const key = VaultKey.generate();
    const keychain = fakeKeychain(false);
    await expect(createKeychainSlot(key, keychain)).rejects.toThrow('The OS keychain is not available here (on Linux it would keep the key in plain text)');
    expect(keychain.calls).toBe(0);
    const slot = await createKeychainSlot(key, fakeKeychain());
    await expect(openSlot(slot, '', fakeKeychain(false))).rejects.toThrow(/not available/);
    await expect(openSlot(slot, '')).rejects.toThrow(/no keychain was given/);
  });

  it("say so when the keychain cannot open the slot (another user's or computer's keychain)", async () => {
    const slot = await createKeychainSlot(VaultKey.generate(), fakeKeychain());
    // The OS refuses (another user's or computer's keychain). A second fake keychain with another key would not do:
    // AES-CBC under the wrong key has valid padding about once in 256 runs, and the slot's own check then answers.
    const elsewhere: KeychainProtector = {
      availability: async () => ({ available: true }),
      protect: async () => Buffer.alloc(0),
      unprotect: async () => {
        throw new Error('the keychain cannot decrypt this data');
      },
    };
    const err = await openSlot(slot, '', elsewhere).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/could not open this key slot/);
    expect((err as Error).cause).toBeInstanceOf(Error);
  });

  it('refuse a changed slot even when the keychain does not notice, instead of yielding a wrong key', async () => {
    const keychain = fakeKeychain();
    const slot = await createKeychainSlot(VaultKey.generate(), keychain);
    const sealed = Buffer.from(slot.protected, 'base64');
    let refused = 0;
    for (let i = 0; i < 32; i++) {
      // Flipping a bit of the IV or of the first block changes the plaintext without breaking CBC's padding.
      const bad = Buffer.from(sealed);
      bad[i]! ^= 0x04;
      const err = await openSlot({ kind: 'keychain', protected: bad.toString('base64') }, '', keychain).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      if (err instanceof IntegrityError) refused++;
    }
    expect(refused).toBeGreaterThanOrEqual(16); // the 16 IV bytes always reach the check; later ones may fail in CBC first
  });

  it('refuse a keychain that hands back something of the wrong size', async () => {
    const keychain: KeychainProtector = {
      availability: async () => ({ available: true }),
      protect: async (d) => Buffer.from(d),
      unprotect: async (d) => d.subarray(0, 32),
    };
    const slot = await createKeychainSlot(VaultKey.generate(), keychain);
    await expect(openSlot(slot, '', keychain)).rejects.toThrow(IntegrityError);
  });

  it('take bytes back as a plain Uint8Array (as they arrive from another thread), and refuse an empty answer', async () => {
    const inner = fakeKeychain();
    const viaThread: KeychainProtector = {
      availability: () => inner.availability(),
      protect: async (d) => new Uint8Array(await inner.protect(d)),
      unprotect: async (d) => new Uint8Array(await inner.unprotect(d)),
    };
    const key = VaultKey.generate();
    const opened = await openSlot(await createKeychainSlot(key, viaThread), '', viaThread);
    expect(keyBytes(opened).equals(keyBytes(key))).toBe(true);
    await expect(createKeychainSlot(key, { ...viaThread, protect: async () => new Uint8Array(0) })).rejects.toThrow(/returned nothing/);
  });
});
