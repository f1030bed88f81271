// The optional key slot kept by the OS keychain (Electron's safeStorage), so a member can unlock without typing on
// their own computer. Refused where the keychain would keep the key in plain text.
import type { KeychainAvailability, KeychainProtector } from '../shared/keychain.js';
import { createHmac } from 'node:crypto';
import { base64Field, damagedSlot } from './slot-fields.js';
import { keyBytes, VAULT_KEY_BYTES, vaultKeyFromBytes, type VaultKey } from './vault-key.js';

/** `protected` is base64 of what the protector returned for the vault key followed by its check value. */
export interface KeychainSlot {
  kind: 'keychain';
  protected: string;
}

export type { KeychainAvailability, KeychainProtector };

const CHECK_LABEL = 'contact-sanitizer/slot/keychain/check';
const CHECK_BYTES = 16;
const UNAVAILABLE =
  'The OS keychain is not available here (on Linux it would keep the key in plain text), so the vault key cannot be kept in it.';

/** A keychain slot for `key`; rejects with the keychain's reason where it is not available. */
export async function createKeychainSlot(key: VaultKey, protector: KeychainProtector): Promise<KeychainSlot> {
  await refuseUnavailable(protector);
  const bytes = keyBytes(key);
  const payload = Buffer.concat([bytes, check(bytes)]);
  try {
    const sealed = await protector.protect(payload);
    if (!(sealed instanceof Uint8Array) || sealed.length === 0) throw new Error('The OS keychain returned nothing to keep.');
    return { kind: 'keychain', protected: Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).toString('base64') };
  } finally {
    payload.fill(0);
  }
}

export async function openKeychainSlot(slot: KeychainSlot, keychain: KeychainProtector | undefined): Promise<VaultKey> {
  if (!keychain) throw new Error('This key slot is kept by the OS keychain, and no keychain was given to open it.');
  await refuseUnavailable(keychain);
  const sealed = base64Field(slot.protected, 'protected key', (n) => n > 0);
  let payload: Buffer;
  try {
    const opened = await keychain.unprotect(sealed);
    if (!(opened instanceof Uint8Array)) throw new Error('The OS keychain returned no bytes.');
    payload = Buffer.from(opened.buffer, opened.byteOffset, opened.byteLength);
  } catch (cause) {
    throw new Error('The OS keychain could not open this key slot: it may belong to another user or computer.', { cause });
  }
  // The protector need not authenticate (Chromium's OS crypt uses AES-CBC without a MAC on some systems), so a
  // check value inside the payload stops a changed slot from yielding a wrong key that then fails on every record.
  const bytes = Buffer.from(payload.subarray(0, VAULT_KEY_BYTES));
  const ok = payload.length === VAULT_KEY_BYTES + CHECK_BYTES && check(bytes).equals(payload.subarray(VAULT_KEY_BYTES));
  payload.fill(0);
  if (!ok) {
    bytes.fill(0);
    throw damagedSlot('the key the OS keychain returned does not match its check value');
  }
  return vaultKeyFromBytes(bytes);
}

async function refuseUnavailable(keychain: KeychainProtector): Promise<void> {
  const availability: KeychainAvailability = await keychain.availability();
  if (!availability.available) throw new Error(availability.reason || UNAVAILABLE);
}

/** 16 bytes that confirm a payload holds the key it was made from: an HMAC under that very key. */
function check(key: Buffer): Buffer {
  return createHmac('sha256', key).update(CHECK_LABEL).digest().subarray(0, CHECK_BYTES);
}
