// The OS keychain as the core sees it: a port that the desktop shell fills from Electron's safeStorage
// (electron/keychain.ts) and the key slots use (src/crypto/keychain-slot.ts). Types only.

export interface KeychainProtector {
  /** False when the OS offers no real protection (safeStorage on Linux falling back to plain text). */
  readonly available: boolean;
  protect(data: Buffer): Buffer;
  unprotect(data: Buffer): Buffer;
}
