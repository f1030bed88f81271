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
  it('is unavailable, and refuses to protect, on Linux basic_text', () => {
    const { storage, calls } = fakeSafeStorage({ backend: 'basic_text' });
    const protector = createKeychainProtector(storage, 'linux');
    expect(protector.available).toBe(false);
    expect(() => protector.protect(Buffer.from('key'))).toThrow(/plain text/);
    expect(() => createKeychainSlot(VaultKey.generate(), protector)).toThrow();
    expect(calls).not.toContain('encrypt');
  });

  it('is unavailable when safeStorage has no encryption', () => {
    const protector = createKeychainProtector(fakeSafeStorage({ available: false }).storage, 'darwin');
    expect(protector.available).toBe(false);
    expect(() => protector.unprotect(Buffer.from('sealed:x'))).toThrow(/not available/);
  });

  it('passes bytes through safeStorage as base64 and back', () => {
    const { storage } = fakeSafeStorage();
    const protector = createKeychainProtector(storage, 'linux');
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255]);
    const sealed = protector.protect(bytes);
    expect(storage.decryptString(sealed)).toBe(bytes.toString('base64'));
    expect(protector.unprotect(sealed).equals(bytes)).toBe(true);
  });

  it('keeps a vault key in a keychain slot and opens it again', async () => {
    const protector = createKeychainProtector(fakeSafeStorage().storage, 'win32');
    const key = VaultKey.generate();
    const slot = createKeychainSlot(key, protector);
    expect(slot.kind).toBe('keychain');
    const opened = await openSlot(slot, '', protector);
    // Same key: a keychain slot made from the opened key has the same check value inside.
    const again = createKeychainSlot(opened, protector);
    expect(protector.unprotect(Buffer.from(again.protected, 'base64')).equals(protector.unprotect(Buffer.from(slot.protected, 'base64')))).toBe(true);
  });

  it('refuses what safeStorage returns when it is not base64', () => {
    const { storage } = fakeSafeStorage();
    const protector = createKeychainProtector({ ...storage, decryptString: () => 'not base64 at all!' }, 'darwin');
    expect(() => protector.unprotect(Buffer.from('x'))).toThrow(/not a protected key/);
  });
});
