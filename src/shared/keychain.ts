// The OS keychain as the core sees it: a port that the desktop shell fills from Electron's safeStorage
// (electron/keychain.ts), reached from the core's worker thread by message (src/api/worker-route.ts), and that the
// key slots use (src/crypto/keychain-slot.ts). Asynchronous, since safeStorage lives only in Electron's main
// process. Types only.

/** Whether the OS protects what the keychain keeps here, and if not, why, in one sentence. */
export type KeychainAvailability = { available: true } | { available: false; reason: string };

export interface KeychainProtector {
  /** Asked afresh each time: unavailable where the OS offers no real protection (Linux falling back to plain text). */
  availability(): Promise<KeychainAvailability>;
  /** Seal bytes with the OS account's key; rejects with one sentence where the keychain is unavailable. */
  protect(data: Uint8Array): Promise<Uint8Array>;
  /** Open what `protect` sealed; rejects when this OS account's keychain cannot (another user's or computer's). */
  unprotect(data: Uint8Array): Promise<Uint8Array>;
}

/** Where a front end has no keychain at all (the command line), in one sentence. */
export const NO_KEYCHAIN: { available: false; reason: string } = {
  available: false,
  reason: 'The OS keychain is offered only by the desktop app: unlock with your passphrase.',
};
