// The OS keychain unlock, an opt-in per member and per computer (docs/security.md, "Key slots"): a member re-types
// their passphrase to turn it on, which keeps the vault key in a keychain slot the OS account's keychain seals; they
// may turn it off at any time; and they may then unlock with their name alone on that computer. The passphrase slot
// always remains. Where the keychain would keep the key in plain text (Linux basic_text), or a front end has none (the
// command line), it is not offered.
import { randomUUID } from 'node:crypto';
import { createKeychainSlot, IntegrityError, openSlot, WrongSecretError, type KeychainProtector, type KeySlot, type VaultKey } from '../../crypto/index.js';
import { ServiceError } from '../../shared/errors.js';
import { NO_KEYCHAIN, type KeychainAvailability } from '../../shared/keychain.js';
import { deleteSlots, findMemberByName, replaceSlots, slotsOf } from '../../vault/members.js';
import { Session } from '../../vault/session.js';
import type { Vault } from '../../vault/vault.js';

export interface KeychainStatus {
  /** Whether this computer's keychain may keep the vault key (the OS protects it). */
  offered: boolean;
  /** Why not, in one sentence; null when offered. */
  reason: string | null;
  /** Whether this computer's keychain opens the member's keychain slot: the keychain unlock is on here. */
  enabled: boolean;
  /** Whether the member has a keychain slot that this computer's keychain does not open (made on another computer or
   * OS account): it is on there, and turning it on here ends it there (one slot a member). */
  elsewhere: boolean;
}

/** The one answer to a keychain unlock that cannot be: unknown name, no slot, or a keychain that cannot open it. */
export const KEYCHAIN_UNLOCK_REFUSED = 'This computer’s keychain cannot unlock the vault for that member name: unlock with your passphrase.';

async function availabilityOf(keychain: KeychainProtector | undefined): Promise<KeychainAvailability> {
  if (!keychain) return NO_KEYCHAIN;
  try {
    return await keychain.availability();
  } catch (err) {
    return { available: false, reason: `The OS keychain did not answer (${oneLine(err)}): unlock with your passphrase.` };
  }
}

function statusOf(availability: KeychainAvailability, slots: { here: number; elsewhere: number }): KeychainStatus {
  const here = { enabled: slots.here > 0, elsewhere: slots.elsewhere > 0 };
  return availability.available ? { offered: true, reason: null, ...here } : { offered: false, reason: availability.reason, ...here };
}

/**
 * The member's keychain slots, by whether this computer's keychain opens them (tried, and the key let go at once): a
 * slot made on another computer exists but would refuse every unlock here, so it must not read as "on".
 */
async function slotsHere(session: Session, keychain: KeychainProtector | undefined, availability: KeychainAvailability): Promise<{ here: number; elsewhere: number }> {
  const slots = slotsOf(session.db, session.memberId, 'keychain');
  let here = 0;
  if (availability.available) {
    for (const slot of slots) {
      try {
        (await openSlot(slot, '', keychain)).destroy();
        here++;
      } catch {
        /* sealed by another computer's or account's keychain, or damaged: not on here */
      }
    }
  }
  return { here, elsewhere: slots.length - here };
}

/** Whether the keychain is offered here, and whether the member has turned it on here or elsewhere. */
export async function keychainStatus(session: Session, keychain: KeychainProtector | undefined): Promise<KeychainStatus> {
  const availability = await availabilityOf(keychain);
  const slots = await slotsHere(session, keychain, availability);
  return session.repeatableRead('keychain-status', () => ({ value: statusOf(availability, slots), details: { memberId: session.memberId } }));
}

/**
 * Turn the keychain unlock on: the member's passphrase, typed again, must open their own passphrase slot (so an
 * unlocked screen left alone is not enough); then a keychain slot replaces any they had.
 */
export async function enableKeychain(session: Session, keychain: KeychainProtector | undefined, passphrase: string): Promise<KeychainStatus> {
  // The slow and the asynchronous work happen before the transaction, which stays short; its refusals are audited in it.
  const availability = await availabilityOf(keychain);
  let refusal: ServiceError | null = availability.available ? null : new ServiceError('forbidden', availability.reason);
  let slot: KeySlot | null = null;
  if (!refusal) {
    try {
      if (!(await opensOwnSlot(session, passphrase))) refusal = new ServiceError('wrong-secret', 'The passphrase is wrong.');
    } catch (err) {
      // A damaged passphrase slot: refused, and audited as the other refusals are.
      refusal = err instanceof ServiceError ? err : new ServiceError('integrity', `Your passphrase slot could not be read (${oneLine(err)}).`);
    }
  }
  if (!refusal) {
    try {
      slot = await createKeychainSlot(session.vaultKey(), keychain!);
    } catch (err) {
      refusal = new ServiceError('failed', `The OS keychain could not keep the vault key (${oneLine(err)}).`);
    }
  }
  return session.perform('keychain-enable', () => {
    if (refusal || !slot) throw refusal ?? new ServiceError('failed', 'The OS keychain could not keep the vault key.');
    replaceSlots(session.db, session.memberId, 'keychain', { id: randomUUID(), data: slot, createdAt: session.vault.now().toISOString() });
    return { value: statusOf(availability, { here: 1, elsewhere: 0 }), details: { memberId: session.memberId, method: 'keychain' } };
  });
}

/** Turn the keychain unlock off: the member's keychain slots are deleted, wherever they were made (allowed anywhere,
 * keychain or not, so a lost laptop's slot can be ended from another computer). */
export async function disableKeychain(session: Session, keychain: KeychainProtector | undefined): Promise<KeychainStatus> {
  const availability = await availabilityOf(keychain);
  return session.perform('keychain-disable', () => {
    deleteSlots(session.db, session.memberId, 'keychain');
    return { value: statusOf(availability, { here: 0, elsewhere: 0 }), details: { memberId: session.memberId, method: 'keychain' } };
  });
}

/**
 * Unlock as `name` with this computer's keychain, audited as an unlock (method: keychain). An unknown name, a member
 * without a keychain slot, and a keychain that cannot open the slot (another OS account's or computer's, a damaged
 * slot) all get one answer. Where no keychain is offered the answer says so, before any member is looked up.
 */
export async function unlockWithKeychain(vault: Vault, name: string, keychain: KeychainProtector | undefined): Promise<Session> {
  const availability = await availabilityOf(keychain);
  if (!availability.available) {
    vault.audit.append(null, 'unlock', 'refused', { reason: 'forbidden', method: 'keychain' });
    throw new ServiceError('forbidden', availability.reason);
  }
  const member = findMemberByName(vault.db, name);
  const slots = member ? slotsOf(vault.db, member.id, 'keychain') : [];
  let reason: 'wrong-secret' | 'integrity' = 'wrong-secret';
  for (const slot of slots) {
    let key: VaultKey;
    try {
      key = await openSlot(slot, '', keychain);
    } catch (err) {
      // The answer stays the same; the log keeps whether the slot's own check refused what the keychain returned.
      if (err instanceof IntegrityError) reason = 'integrity';
      continue;
    }
    const session = new Session(vault, member!.id, member!.roles, key);
    session.verifyAuditOnOpen();
    vault.audit.append(member!.id, 'unlock', 'success', { method: 'keychain' });
    return session;
  }
  vault.audit.append(member?.id ?? null, 'unlock', 'refused', { reason, method: 'keychain' });
  throw new ServiceError('wrong-secret', KEYCHAIN_UNLOCK_REFUSED);
}

async function opensOwnSlot(session: Session, passphrase: string): Promise<boolean> {
  for (const slot of slotsOf(session.db, session.memberId, 'passphrase')) {
    try {
      (await openSlot(slot, passphrase)).destroy();
      return true;
    } catch (err) {
      if (!(err instanceof WrongSecretError)) throw err;
    }
  }
  return false;
}

/** An error as one line for a person: its message without a stack, never more than a sentence's worth. */
function oneLine(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim().replace(/[.\s]+$/, '');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text || 'no reason given';
}
