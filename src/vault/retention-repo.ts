// Retention policies as stored: the rule in plaintext (a scheduled destruction reads it without any key), the
// rationale (why this period, typed by an admin) encrypted and bound to its row (AD `retention:<id>`). A policy set
// before schema 7 has no rationale (NULL).
import { randomUUID } from 'node:crypto';
import type { RecordCipher } from '../crypto/index.js';
import type { LawfulBasis } from '../policy/index.js';
import type { Anchor, RetentionPolicy, RetentionRule } from '../retention/index.js';
import type { Db } from './database.js';

interface PolicyRow {
  id: string;
  scope_type: 'group' | 'basis';
  group_id: string | null;
  basis: LawfulBasis | null;
  months: number;
  anchor: Anchor;
  rationale_ct: Buffer | null;
}

const ruleOf = (r: PolicyRow): RetentionRule => ({
  scope: r.scope_type === 'group' ? { type: 'group', groupId: r.group_id! } : { type: 'basis', basis: r.basis! },
  months: r.months,
  anchor: r.anchor,
});

const rows = (db: Db) => db.prepare('SELECT id, scope_type, group_id, basis, months, anchor, rationale_ct FROM retention_policies ORDER BY scope_type, updated_at, id').all() as PolicyRow[];

/** Every policy's rule, without its rationale: what the expiry computation needs, readable without a key. */
export function retentionRules(db: Db): RetentionRule[] {
  return rows(db).map(ruleOf);
}

/** Every policy with its rationale decrypted (null for a policy set before schema 7). */
export function storedPolicies(db: Db, cipher: RecordCipher): { rule: RetentionRule; rationale: string | null }[] {
  return rows(db).map((r) => ({ rule: ruleOf(r), rationale: r.rationale_ct === null ? null : cipher.decrypt(r.rationale_ct, `retention:${r.id}`) }));
}

/** Set the policy of a group or a basis, replacing the one it had. */
export function putRetentionPolicy(db: Db, cipher: RecordCipher, p: RetentionPolicy, at: string, memberId: string): void {
  const groupId = p.scope.type === 'group' ? p.scope.groupId : null;
  const basis = p.scope.type === 'basis' ? p.scope.basis : null;
  db.prepare(groupId ? 'DELETE FROM retention_policies WHERE group_id = ?' : 'DELETE FROM retention_policies WHERE basis = ?').run(groupId ?? basis);
  const id = randomUUID();
  db.prepare('INSERT INTO retention_policies (id, scope_type, group_id, basis, months, anchor, rationale_ct, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    p.scope.type,
    groupId,
    basis,
    p.months,
    p.anchor,
    cipher.encrypt(p.rationale, `retention:${id}`),
    at,
    memberId,
  );
}

/** Remove the policy of a group or a basis; how many rows went (0 or 1). */
export function deleteRetentionPolicy(db: Db, scope: { groupId: string } | { basis: string }): number {
  return 'groupId' in scope
    ? db.prepare('DELETE FROM retention_policies WHERE group_id = ?').run(scope.groupId).changes
    : db.prepare('DELETE FROM retention_policies WHERE basis = ?').run(scope.basis).changes;
}
