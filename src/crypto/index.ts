// The public face of src/crypto, the only module that sees key bytes: import from here, not from its files. What
// is missing on purpose: `keyBytes` and `vaultKeyFromBytes` (vault-key.ts), which hand out raw key bytes.
export { AuditMac } from './audit-mac.js';
export { BLIND_INDEX_BYTES, BlindIndexer, type BlindIndexKind } from './blind-index.js';
export { IntegrityError, RecoveryKeyFormatError, WrongSecretError } from './errors.js';
export {
  createKeychainSlot,
  createPassphraseSlot,
  createRecoverySlot,
  decoyPassphraseSlot,
  DEFAULT_SCRYPT,
  openSlot,
  slotKdfParams,
  type KeychainAvailability,
  type KeychainProtector,
  type KeychainSlot,
  type KeySlot,
  type PassphraseSlot,
  type PassphraseSlotOptions,
  type RecoverySlot,
  type ScryptParams,
} from './key-slots.js';
export { RecordCipher } from './record-cipher.js';
export { generateRecoveryKey, parseRecoveryKey } from './recovery-key.js';
export { deriveKeys, VaultKey } from './vault-key.js';
