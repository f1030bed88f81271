// Key slots: each wraps the one vault key under a member's secret, so secrets can be added, changed or revoked
// without re-encrypting any record. A slot is plain JSON kept in the database; it holds no key bytes in clear.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WrongSecretError } from './errors.js';
import { openKeychainSlot, type KeychainProtector, type KeychainSlot } from './keychain-slot.js';
import { parseRecoveryKey } from './recovery-key.js';
import { DEFAULT_SCRYPT, MIN_PASSPHRASE_SCRYPT, scryptKey, scryptParamsProblem, type ScryptParams } from './scrypt-kdf.js';
import { base64Field, damagedSlot } from './slot-fields.js';
import { keyBytes, VAULT_KEY_BYTES, vaultKeyFromBytes, type VaultKey } from './vault-key.js';

export { createKeychainSlot, type KeychainAvailability, type KeychainProtector, type KeychainSlot } from './keychain-slot.js';
export { DEFAULT_SCRYPT, type ScryptParams } from './scrypt-kdf.js';

/**
 * Passphrase and recovery slots: `wrapped` is base64 of AES-256-GCM(scrypt(secret, salt), nonce, vault key) — the
 * 32-byte ciphertext then the 16-byte tag — with 'contact-sanitizer/slot/<kind>' as associated data. The scrypt
 * parameters live in the slot, so new slots can use stronger ones while old slots still open.
 */
export interface ScryptSlot<K extends 'passphrase' | 'recovery'> {
  kind: K;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  nonce: string;
  wrapped: string;
}
export type PassphraseSlot = ScryptSlot<'passphrase'>;
export type RecoverySlot = ScryptSlot<'recovery'>;
export type KeySlot = PassphraseSlot | RecoverySlot | KeychainSlot;

export interface PassphraseSlotOptions {
  /** scrypt parameters for the new slot; DEFAULT_SCRYPT when absent. */
  params?: ScryptParams;
  /** Accept parameters below N=2^17, r=8, p=1. For tests only, where a slot must take milliseconds, not a second. */
  allowWeak?: boolean;
}

/**
 * The recovery key carries 160 random bits, so no KDF setting changes the odds of guessing it (2^160 tries): scrypt
 * here only keeps the slot format the same as a passphrase slot's. A light N=2^14 (16 MiB) keeps recovery quick.
 */
const RECOVERY_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 14, r: 8, p: 1 });
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SLOT_AAD = 'contact-sanitizer/slot/';

/**
 * A slot that opens with `passphrase` (NFC-normalised), e.g. `createPassphraseSlot(key, passphrase)` in the app and
 * `createPassphraseSlot(key, passphrase, { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true })` in a test.
 */
export async function createPassphraseSlot(key: VaultKey, passphrase: string, options: PassphraseSlotOptions = {}): Promise<PassphraseSlot> {
  const params = options.params ?? DEFAULT_SCRYPT;
  const problem = scryptParamsProblem(params, options.allowWeak ? undefined : MIN_PASSPHRASE_SCRYPT);
  if (problem) throw new RangeError(`Refusing to create a passphrase slot: ${problem}.`);
  if (passphrase.length === 0) throw new RangeError('Refusing to create a passphrase slot with an empty passphrase.');
  const secret = passphraseBytes(passphrase);
  try {
    return await wrap('passphrase', key, secret, params);
  } finally {
    secret.fill(0);
  }
}

/** A slot that opens with the typed recovery key; RecoveryKeyFormatError if `recoveryKey` is mistyped. */
export async function createRecoverySlot(key: VaultKey, recoveryKey: string): Promise<RecoverySlot> {
  const secret = parseRecoveryKey(recoveryKey);
  try {
    return await wrap('recovery', key, secret, RECOVERY_SCRYPT);
  } finally {
    secret.fill(0);
  }
}

/**
 * The vault key in `slot`. `secret` is the passphrase or the typed recovery key (ignored for a keychain slot, which
 * `keychain` opens: an Error saying the keychain could not open it, or IntegrityError if it returns another key).
 * WrongSecretError if it does not open the slot (a changed `wrapped` looks the same: GCM cannot tell them apart);
 * RecoveryKeyFormatError for a mistyped recovery key; IntegrityError for a slot whose fields are damaged.
 */
export async function openSlot(slot: KeySlot, secret: string, keychain?: KeychainProtector): Promise<VaultKey> {
  switch (slot.kind) {
    case 'passphrase': {
      const bytes = passphraseBytes(secret);
      try {
        return await unwrap(slot, bytes, () => new WrongSecretError('passphrase'));
      } finally {
        bytes.fill(0);
      }
    }
    case 'recovery': {
      const bytes = parseRecoveryKey(secret);
      try {
        return await unwrap(slot, bytes, () => new WrongSecretError('recovery'));
      } finally {
        bytes.fill(0);
      }
    }
    case 'keychain':
      return await openKeychainSlot(slot, keychain);
    default:
      throw damagedSlot(`unknown kind ${JSON.stringify((slot as { kind?: unknown }).kind)}`);
  }
}

/**
 * A passphrase slot that no passphrase opens, with these scrypt parameters: random salt, nonce and "wrapped key".
 * Trying a passphrase on it costs exactly what trying one on a real slot with the same parameters costs (one scrypt
 * derivation, one failed GCM check) and ends in the same WrongSecretError, so an unknown member name can be made to
 * take as long as a wrong passphrase (docs/security.md, "Key slots").
 */
export function decoyPassphraseSlot(params: ScryptParams): PassphraseSlot {
  const { N, r, p } = params;
  return {
    kind: 'passphrase',
    kdf: { name: 'scrypt', N, r, p, salt: randomBytes(SALT_BYTES).toString('base64') },
    nonce: randomBytes(NONCE_BYTES).toString('base64'),
    wrapped: randomBytes(VAULT_KEY_BYTES + TAG_BYTES).toString('base64'),
  };
}

/** The scrypt parameters a slot was made with (to offer an upgrade when they fall below the default), or null. */
export function slotKdfParams(slot: KeySlot): ScryptParams | null {
  if (slot.kind === 'keychain') return null;
  return { N: slot.kdf.N, r: slot.kdf.r, p: slot.kdf.p };
}

// Typed on a Mac, a Windows PC or a phone, "é" may arrive composed or as e + accent: NFC makes them the same bytes.
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

async function wrap<K extends 'passphrase' | 'recovery'>(kind: K, key: VaultKey, secret: Buffer, params: ScryptParams): Promise<ScryptSlot<K>> {
  keyBytes(key); // fail before the slow KDF if the key was destroyed
  const salt = randomBytes(SALT_BYTES);
  const kek = await scryptKey(secret, salt, params);
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(SLOT_AAD + kind, 'utf8'));
    const wrapped = Buffer.concat([cipher.update(keyBytes(key)), cipher.final(), cipher.getAuthTag()]);
    const { N, r, p } = params;
    return { kind, kdf: { name: 'scrypt', N, r, p, salt: salt.toString('base64') }, nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') };
  } finally {
    kek.fill(0);
  }
}

async function unwrap(slot: PassphraseSlot | RecoverySlot, secret: Buffer, wrong: () => WrongSecretError): Promise<VaultKey> {
  // The slot comes from the database: check its shape before it drives a KDF that could take all the memory.
  if (slot.kdf?.name !== 'scrypt') throw damagedSlot('its KDF is not scrypt');
  const params = { N: slot.kdf.N, r: slot.kdf.r, p: slot.kdf.p };
  const problem = scryptParamsProblem(params);
  if (problem) throw damagedSlot(problem);
  const salt = base64Field(slot.kdf.salt, 'salt', (n) => n >= SALT_BYTES && n <= 64);
  const nonce = base64Field(slot.nonce, 'nonce', (n) => n === NONCE_BYTES);
  const wrapped = base64Field(slot.wrapped, 'wrapped key', (n) => n === VAULT_KEY_BYTES + TAG_BYTES);
  const kek = await scryptKey(secret, salt, params);
  const decipher = createDecipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(SLOT_AAD + slot.kind, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(VAULT_KEY_BYTES));
  const plain = decipher.update(wrapped.subarray(0, VAULT_KEY_BYTES));
  try {
    decipher.final();
  } catch {
    plain.fill(0);
    throw wrong();
  } finally {
    kek.fill(0);
  }
  return vaultKeyFromBytes(plain);
}
