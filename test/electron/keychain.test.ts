// The OS keychain adapter over a fake safeStorage: refused where it would be plain text, and a real round trip
// of a vault key through the core's keychain slot.
import { describe, expect, it } from 'vitest';
import { createKeychainProtector, keychainRefusal, type SafeStorageLike } from '../../electron/keychain.js';
import { createKeychainSlot, openSlot, VaultKey } from '../../src/crypto/index.js';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A stand-in for safeStorage: "encrypts" by XOR and marks its output, so a round trip proves both directions ran. */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend } = {}) {
  const calls: string[] = [];
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => {
      calls.push('backend');
      return options.backend ?? 'gnome_libsecret';
    },
    encryptString: (text) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('sealed:'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]);
    },
    decryptString: (data) => {
      calls.push('decrypt');
      if (!data.subarray(0, 7).equals(Buffer.from('sealed:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(7).map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
  return { storage, calls };
}

describe('keychainRefusal', () => {
  it('refuses when encryption is unavailable, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(keychainRefusal(fakeSafeStorage({ available: false }).storage, platform)).toMatch(/not available.*passphrase/);
    }
  });

  it('refuses Linux’s plain-text fallback and an unknown backend', () => {
    expect(keychainRefusal(fakeSafeStorage({ backend: 'basic_text' }).storage, 'linux')).toMatch(/plain text.*passphrase/);
    expect(keychainRefusal(fakeSafeStorage({ backend: 'unknown' }).storage, 'linux')).toMatch(/plain text/);
  });

  it('accepts a real Linux keyring, and macOS and Windows without asking for a backend', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
      expect(keychainRefusal(fakeSafeStorage({ backend }).storage, 'linux'), backend).toBeNull();
    }
    const mac = fakeSafeStorage({ backend: 'basic_text' });
    expect(keychainRefusal(mac.storage, 'darwin')).toBeNull();
    expect(keychainRefusal(mac.storage, 'win32')).toBeNull();
    expect(mac.calls).not.toContain('backend');
  });
});

describe('createKeychainProtector', () => {
  it('is unavailable, with the reason, and refuses to protect, on Linux basic_text', async () => {
    const { storage, calls } = fakeSafeStorage({ backend: 'basic_text' });
    const protector = createKeychainProtector(storage, 'linux');
    expect(await protector.availability()).toEqual({ available: false, reason: expect.stringMatching(/plain text.*passphrase/) });
    await expect(protector.protect(Buffer.from('key'))).rejects.toThrow(/plain text/);
    await expect(createKeychainSlot(VaultKey.generate(), protector)).rejects.toThrow(/plain text/);
    expect(calls).not.toContain('encrypt');
  });

  it('is unavailable when safeStorage has no encryption', async () => {
    const protector = createKeychainProtector(fakeSafeStorage({ available: false }).storage, 'darwin');
    expect(await protector.availability()).toMatchObject({ available: false });
    await expect(protector.unprotect(Buffer.from('sealed:x'))).rejects.toThrow(/not available/);
  });

  it('asks afresh each time: available once a Linux keyring answers', async () => {
    let backend: Backend = 'unknown';
    const { storage } = fakeSafeStorage();
    const protector = createKeychainProtector({ ...storage, getSelectedStorageBackend: () => backend }, 'linux');
    expect((await protector.availability()).available).toBe(false);
    backend = 'kwallet6';
    expect(await protector.availability()).toEqual({ available: true });
  });

  it('passes bytes through safeStorage as base64 and back, from a Buffer or a plain Uint8Array', async () => {
    const { storage } = fakeSafeStorage();
    const protector = createKeychainProtector(storage, 'linux');
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255]);
    const sealed = await protector.protect(bytes);
    expect(storage.decryptString(Buffer.from(sealed))).toBe(bytes.toString('base64'));
    expect(Buffer.from(await protector.unprotect(sealed)).equals(bytes)).toBe(true);
    // A view into a larger buffer (as a Buffer from Node's pool is) gives only its own bytes.
    const view = new Uint8Array([9, 9, ...bytes, 9]).subarray(2, 2 + bytes.length);
    expect(Buffer.from(await protector.unprotect(new Uint8Array(await protector.protect(view)))).equals(bytes)).toBe(true);
  });

  it('keeps a vault key in a keychain slot and opens it again', async () => {
    const protector = createKeychainProtector(fakeSafeStorage().storage, 'win32');
    const key = VaultKey.generate();
    const slot = await createKeychainSlot(key, protector);
    expect(slot.kind).toBe('keychain');
    const opened = await openSlot(slot, '', protector);
    // Same key: a keychain slot made from the opened key has the same check value inside.
    const again = await createKeychainSlot(opened, protector);
    const inner = async (s: { protected: string }) => Buffer.from(await protector.unprotect(Buffer.from(s.protected, 'base64')));
    expect((await inner(again)).equals(await inner(slot))).toBe(true);
  });

  it('refuses what safeStorage returns when it is not base64', async () => {
    const { storage } = fakeSafeStorage();
    const protector = createKeychainProtector({ ...storage, decryptString: () => 'not base64 at all!' }, 'darwin');
    await expect(protector.unprotect(Buffer.from('x'))).rejects.toThrow(/not a protected key/);
  });
});
