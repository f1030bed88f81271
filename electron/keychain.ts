// The OS keychain as the core's KeychainProtector, built from Electron's safeStorage (passed in, so this file never
// loads Electron and is tested with a fake). Where safeStorage would keep the key in plain text it is refused: the
// passphrase slot always remains the way in. The core reaches it from its worker thread by message
// (src/api/worker-route.ts); safeStorage exists only in this, the main, process.
import type { SafeStorage } from 'electron';
import type { KeychainAvailability, KeychainProtector } from '../src/shared/keychain.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Why the keychain cannot keep a vault key here, in one sentence, or null when it can. On Linux, safeStorage falls
 * back to a hard-coded password ('basic_text') when no secret service or KWallet answers, which is plain text in
 * all but name; 'unknown' means the backend is not known yet (before the app is ready) or not recognised.
 */
export function keychainRefusal(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'The OS keychain is not available on this computer, so the vault key cannot be kept in it: unlock with your passphrase.';
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      return 'This Linux desktop has no keyring (Secret Service or KWallet) that Electron can use, and its fallback would keep the vault key in plain text: unlock with your passphrase.';
    }
  }
  return null;
}

/**
 * A KeychainProtector over safeStorage. Availability is asked afresh each time (safeStorage only knows its Linux
 * backend once the app is ready), and every call refuses where it is not available. The bytes cross safeStorage's
 * string API as base64.
 */
export function createKeychainProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeychainProtector {
  const refuseIfUnavailable = () => {
    const refusal = keychainRefusal(safeStorage, platform);
    if (refusal) throw new Error(refusal);
  };
  return {
    async availability(): Promise<KeychainAvailability> {
      const reason = keychainRefusal(safeStorage, platform);
      return reason === null ? { available: true } : { available: false, reason };
    },
    async protect(data: Uint8Array): Promise<Uint8Array> {
      refuseIfUnavailable();
      return safeStorage.encryptString(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'));
    },
    async unprotect(data: Uint8Array): Promise<Uint8Array> {
      refuseIfUnavailable();
      const text = safeStorage.decryptString(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('The OS keychain returned something that is not a protected key.');
      return Buffer.from(text, 'base64');
    },
  };
}
