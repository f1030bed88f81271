import { describe, expect, it } from 'vitest';
import * as crypto from '../../src/crypto/index.js';

describe('the public face of src/crypto', () => {
  it('exports the agreed API and nothing that hands out key bytes', () => {
    expect(Object.keys(crypto).sort()).toEqual(
      [
        'AuditMac',
        'BLIND_INDEX_BYTES',
        'BlindIndexer',
        'DEFAULT_SCRYPT',
        'IntegrityError',
        'RecordCipher',
        'RecoveryKeyFormatError',
        'VaultKey',
        'WrongSecretError',
        'createKeychainSlot',
        'createPassphraseSlot',
        'createRecoverySlot',
        'decoyPassphraseSlot',
        'deriveKeys',
        'generateRecoveryKey',
        'openSlot',
        'parseRecoveryKey',
        'slotKdfParams',
      ].sort(),
    );
    expect(crypto).not.toHaveProperty('keyBytes');
    expect(crypto).not.toHaveProperty('vaultKeyFromBytes');
  });

  it('its errors are Errors with names the service can map, and messages a person can act on', () => {
    expect(new crypto.WrongSecretError('passphrase')).toMatchObject({ name: 'WrongSecretError', message: 'The passphrase is wrong.' });
    expect(new crypto.WrongSecretError('recovery')).toMatchObject({ name: 'WrongSecretError', message: 'The recovery key is wrong.' });
    const integrity = new crypto.IntegrityError();
    expect(integrity).toBeInstanceOf(Error);
    expect(integrity).toMatchObject({ name: 'IntegrityError', message: 'Stored data failed its integrity check: it was changed, or moved from another record.' });
    expect(new crypto.RecoveryKeyFormatError('x')).toMatchObject({ name: 'RecoveryKeyFormatError' });
  });

  it('the default scrypt parameters cannot be lowered by accident at run time', () => {
    expect(Object.isFrozen(crypto.DEFAULT_SCRYPT)).toBe(true);
  });
});
