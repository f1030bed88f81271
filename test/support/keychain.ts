// A stand-in for the OS keychain (Electron's safeStorage) in memory: AES-256-GCM under one "OS account" key, so a
// slot sealed by one account's keychain does not open with another's. `refused` plays a keychain the OS does not
// protect (Linux basic_text), with the reason the desktop gives.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeychainProtector } from '../../src/shared/keychain.js';

/** The OS account every fake keychain shares unless given another: one user on one computer. */
const THIS_ACCOUNT = randomBytes(32);

export const REFUSED_REASON =
  'This Linux desktop has no keyring (Secret Service or KWallet) that Electron can use, and its fallback would keep the vault key in plain text: unlock with your passphrase.';

export interface FakeKeychain extends KeychainProtector {
  /** What was asked of it, in order. */
  readonly calls: string[];
}

export function fakeKeychain(options: { refused?: boolean; account?: Buffer } = {}): FakeKeychain {
  const account = options.account ?? THIS_ACCOUNT;
  const calls: string[] = [];
  const refuse = () => {
    if (options.refused) throw new Error(REFUSED_REASON);
  };
  return {
    calls,
    async availability() {
      calls.push('availability');
      return options.refused ? { available: false, reason: REFUSED_REASON } : { available: true };
    },
    async protect(data) {
      calls.push('protect');
      refuse();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', account, iv);
      return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
    },
    async unprotect(data) {
      calls.push('unprotect');
      refuse();
      const bytes = Buffer.from(data);
      const decipher = createDecipheriv('aes-256-gcm', account, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
}
