// The three ways crypto refuses, each a sentence a person can act on. The service maps them by `name` to IPC codes;
// none of them ever carries key bytes, a secret or a plaintext.

/** A passphrase or recovery key does not open a key slot. */
export class WrongSecretError extends Error {
  constructor(readonly secret: 'passphrase' | 'recovery') {
    super(secret === 'passphrase' ? 'The passphrase is wrong.' : 'The recovery key is wrong.');
    this.name = 'WrongSecretError';
  }
}

/**
 * Stored data failed authentication: a byte was changed, a ciphertext was copied from another row, or a slot was
 * damaged. Never "try again": the data itself is not what was written.
 */
export class IntegrityError extends Error {
  constructor(message = 'Stored data failed its integrity check: it was changed, or moved from another record.') {
    super(message);
    this.name = 'IntegrityError';
  }
}

/** A typed recovery key is malformed (wrong length, a foreign character) or has a typo (its checksum does not match). */
export class RecoveryKeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecoveryKeyFormatError';
  }
}
