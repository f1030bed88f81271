// Members: an admin adds and removes them; anyone changes their own passphrase. No change re-encrypts data: each
// member's passphrase only wraps the one vault key in their own key slot.
import { randomUUID } from 'node:crypto';
import { createPassphraseSlot, openSlot, WrongSecretError } from '../../crypto/index.js';
import { ServiceError } from '../../shared/errors.js';
import { deleteSlots, findMember, findMemberByName, insertMember, listMembers, memberLookup, normaliseMemberName, putSlot, removeMember, replaceSlots, setMemberRoles, slotsOf } from '../../vault/members.js';
import type { Role } from '../../shared/vocabulary.js';
import type { Session } from '../../vault/session.js';
import { checkPassphrase } from '../../vault/vault.js';

export interface MemberView {
  id: string;
  name: string;
  roles: Role[];
  createdAt: string;
}

export async function addMember(session: Session, input: { name: string; roles: Role[]; passphrase: string }): Promise<MemberView> {
  const name = normaliseMemberName(input.name);
  // The slot is derived (slow scrypt) before the transaction, which stays short.
  const slot = await createPassphraseSlot(session.vaultKey(), input.passphrase, session.vault.options.kdf);
  return session.perform('member-add', () => {
    if (!name) throw new ServiceError('invalid', 'A member needs a name.');
    checkPassphrase(input.passphrase);
    if (input.roles.length === 0) throw new ServiceError('invalid', 'A member needs at least one role.');
    if (findMemberByName(session.db, name)) throw new ServiceError('conflict', 'There is already a member of that name.');
    const id = randomUUID();
    const at = session.vault.now().toISOString();
    insertMember(session.db, { id, lookup: memberLookup(session.db, name), nameCt: session.records.encrypt(name, id), roles: input.roles, createdAt: at });
    putSlot(session.db, { id: randomUUID(), memberId: id, data: slot, createdAt: at });
    return { value: { id, name, roles: input.roles, createdAt: at }, details: { memberId: id, roles: input.roles } };
  });
}

export function listAllMembers(session: Session): MemberView[] {
  return session.repeatableRead('member-list', () => ({
    value: listMembers(session.db).map((m) => ({ id: m.id, name: session.records.decrypt(m.nameCt, m.id), roles: m.roles, createdAt: m.createdAt })),
    details: {},
  }));
}

/** The member, if they are one now; refuses to leave the vault without an admin. */
function changeableMember(session: Session, memberId: string, keepsAdmin: boolean) {
  const member = findMember(session.db, memberId);
  if (!member || member.removedAt) throw new ServiceError('not-found', 'There is no such member.');
  if (!keepsAdmin && member.roles.includes('admin') && listMembers(session.db).filter((m) => m.roles.includes('admin')).length === 1) {
    throw new ServiceError('conflict', 'This is the last admin: make another member an admin first.');
  }
  return member;
}

export function removeMemberById(session: Session, memberId: string): void {
  session.perform('member-remove', () => {
    changeableMember(session, memberId, false);
    removeMember(session.db, memberId, session.vault.now().toISOString());
    return { value: undefined, details: { memberId } };
  });
}

/** Give a member other roles (least privilege: the roles they need now). Their open sessions follow at once. */
export function changeMemberRoles(session: Session, memberId: string, roles: Role[]): MemberView {
  return session.perform('member-roles', () => {
    const unique = [...new Set(roles)];
    if (unique.length === 0) throw new ServiceError('invalid', 'A member needs at least one role.');
    const member = changeableMember(session, memberId, unique.includes('admin'));
    setMemberRoles(session.db, memberId, unique);
    return {
      value: { id: memberId, name: session.records.decrypt(member.nameCt, memberId), roles: unique, createdAt: member.createdAt },
      details: { memberId, roles: unique },
    };
  });
}

export async function changePassphrase(session: Session, current: string, next: string): Promise<void> {
  checkPassphrase(next);
  const slots = slotsOf(session.db, session.memberId, 'passphrase');
  let ok = false;
  for (const slot of slots) {
    try {
      await openSlot(slot, current);
      ok = true;
    } catch (err) {
      if (!(err instanceof WrongSecretError)) throw err;
    }
  }
  const slot = ok ? await createPassphraseSlot(session.vaultKey(), next, session.vault.options.kdf) : null;
  session.perform('passphrase-change', () => {
    if (!slot) throw new ServiceError('wrong-secret', 'The current passphrase is wrong.');
    replaceSlots(session.db, session.memberId, 'passphrase', { id: randomUUID(), data: slot, createdAt: session.vault.now().toISOString() });
    // A new passphrase ends the keychain unlock too (docs/security.md, "Key slots"): whoever learnt the old one may
    // have turned it on under their own OS account. The member turns it on again where they want it.
    deleteSlots(session.db, session.memberId, 'keychain');
    return { value: undefined, details: { memberId: session.memberId } };
  });
}
