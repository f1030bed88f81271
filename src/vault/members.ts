// Members and their key slots. A member is found before unlock by an HMAC of their lower-cased name under the
// vault's random lookup salt; their name itself is stored encrypted, their roles as plain enums.
import { createHmac, randomBytes } from 'node:crypto';
import type { KeySlot } from '../crypto/index.js';
import type { Db } from './database.js';
import type { Role } from '../shared/vocabulary.js';

export interface MemberRecord {
  id: string;
  roles: Role[];
  nameCt: Buffer;
  createdAt: string;
  removedAt: string | null;
}

interface MemberRow {
  id: string;
  name_ct: Buffer;
  roles: string;
  created_at: string;
  removed_at: string | null;
}

const toMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  roles: r.roles.split(',') as Role[],
  nameCt: r.name_ct,
  createdAt: r.created_at,
  removedAt: r.removed_at,
});

export function normaliseMemberName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function lookupSalt(db: Db): Buffer {
  const row = db.prepare("SELECT value FROM vault_meta WHERE key = 'lookup_salt'").get() as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const salt = randomBytes(32);
  db.prepare("INSERT INTO vault_meta (key, value) VALUES ('lookup_salt', ?)").run(salt.toString('base64'));
  return salt;
}

export function memberLookup(db: Db, name: string): Buffer {
  return createHmac('sha256', lookupSalt(db)).update(normaliseMemberName(name).toLowerCase()).digest();
}

export function insertMember(db: Db, m: { id: string; lookup: Buffer; nameCt: Buffer; roles: Role[]; createdAt: string }): void {
  db.prepare('INSERT INTO members (id, lookup, name_ct, roles, created_at) VALUES (?, ?, ?, ?, ?)').run(m.id, m.lookup, m.nameCt, m.roles.join(','), m.createdAt);
}

export function setMemberRoles(db: Db, id: string, roles: readonly Role[]): void {
  db.prepare('UPDATE members SET roles = ? WHERE id = ?').run(roles.join(','), id);
}

export function findMemberByName(db: Db, name: string): MemberRecord | null {
  const row = db.prepare('SELECT * FROM members WHERE lookup = ? AND removed_at IS NULL').get(memberLookup(db, name)) as MemberRow | undefined;
  return row ? toMember(row) : null;
}

export function findMember(db: Db, id: string): MemberRecord | null {
  const row = db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  return row ? toMember(row) : null;
}

export function listMembers(db: Db): MemberRecord[] {
  return (db.prepare('SELECT * FROM members WHERE removed_at IS NULL ORDER BY created_at, id').all() as MemberRow[]).map(toMember);
}

/** Removing a member deletes their key slots (they can no longer unlock) and keeps the row for the audit trail. */
export function removeMember(db: Db, id: string, at: string): void {
  db.prepare('DELETE FROM key_slots WHERE member_id = ?').run(id);
  db.prepare('UPDATE members SET removed_at = ?, lookup = randomblob(32) WHERE id = ?').run(at, id);
}

export function putSlot(db: Db, slot: { id: string; memberId: string | null; data: KeySlot; createdAt: string }): void {
  db.prepare('INSERT INTO key_slots (id, member_id, kind, slot, created_at) VALUES (?, ?, ?, ?, ?)').run(
    slot.id,
    slot.memberId,
    slot.data.kind,
    JSON.stringify(slot.data),
    slot.createdAt,
  );
}

/** Replace every slot of `kind` held by a member (or the vault's own recovery slot when memberId is null). */
export function replaceSlots(db: Db, memberId: string | null, kind: KeySlot['kind'], slot: { id: string; data: KeySlot; createdAt: string }): void {
  if (memberId === null) db.prepare('DELETE FROM key_slots WHERE member_id IS NULL AND kind = ?').run(kind);
  else db.prepare('DELETE FROM key_slots WHERE member_id = ? AND kind = ?').run(memberId, kind);
  putSlot(db, { ...slot, memberId });
}

/** Delete every slot of `kind` a member holds (turning the keychain unlock off); how many were deleted. */
export function deleteSlots(db: Db, memberId: string, kind: KeySlot['kind']): number {
  return db.prepare('DELETE FROM key_slots WHERE member_id = ? AND kind = ?').run(memberId, kind).changes;
}

export function slotsOf(db: Db, memberId: string | null, kind: KeySlot['kind']): KeySlot[] {
  const rows = (
    memberId === null
      ? db.prepare('SELECT slot FROM key_slots WHERE member_id IS NULL AND kind = ?').all(kind)
      : db.prepare('SELECT slot FROM key_slots WHERE member_id = ? AND kind = ?').all(memberId, kind)
  ) as { slot: string }[];
  return rows.map((r) => JSON.parse(r.slot) as KeySlot);
}
