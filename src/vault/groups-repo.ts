// Contact groups (an ordered list of rules, first match wins) and the lawful basis assigned to each. Labels, rules
// and evidence are text a person typed about people, so they are encrypted; basis, purpose and dates are enums.
import type { RecordCipher } from '../crypto/index.js';
import { savedPolicy, type AssignedPolicy, type Group, type GroupPolicy, type GroupRule } from '../policy/index.js';
import type { Db } from './database.js';

export type { AssignedPolicy, Group };

interface GroupRow {
  id: string;
  ordinal: number;
  label_ct: Buffer;
  rule_ct: Buffer;
}

interface PolicyRow {
  group_id: string;
  policy_ct: Buffer;
  assigned_at: string;
  assigned_by: string;
  art14_due: string;
}

export class GroupsRepo {
  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {}

  list(): Group[] {
    const policies = new Map(
      (this.db.prepare('SELECT * FROM group_policies').all() as PolicyRow[]).map((p) => [
        p.group_id,
        {
          // An LIA saved before assessments had versions reads as unversioned (savedPolicy, src/policy/lawful-basis.ts).
          policy: savedPolicy(JSON.parse(this.cipher.decrypt(p.policy_ct, `policy:${p.group_id}`)) as GroupPolicy),
          assignedAt: p.assigned_at,
          assignedBy: p.assigned_by,
          art14Due: p.art14_due,
        },
      ]),
    );
    return (this.db.prepare('SELECT * FROM groups ORDER BY ordinal, created_at').all() as GroupRow[]).map((g) => ({
      id: g.id,
      order: g.ordinal,
      label: this.cipher.decrypt(g.label_ct, `label:${g.id}`),
      rule: JSON.parse(this.cipher.decrypt(g.rule_ct, `rule:${g.id}`)) as GroupRule,
      policy: policies.get(g.id) ?? null,
    }));
  }

  add(g: { id: string; label: string; rule: GroupRule; at: string }): number {
    const order = ((this.db.prepare('SELECT max(ordinal) AS m FROM groups').get() as { m: number | null }).m ?? 0) + 1;
    this.db
      .prepare('INSERT INTO groups (id, ordinal, label_ct, rule_ct, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(g.id, order, this.cipher.encrypt(g.label, `label:${g.id}`), this.cipher.encrypt(JSON.stringify(g.rule), `rule:${g.id}`), g.at, g.at);
    return order;
  }

  /** Change a group's label and/or rule; false when there is no such group. */
  update(id: string, g: { label?: string; rule?: GroupRule; at: string }): boolean {
    if (!this.exists(id)) return false;
    if (g.label !== undefined) this.db.prepare('UPDATE groups SET label_ct = ?, updated_at = ? WHERE id = ?').run(this.cipher.encrypt(g.label, `label:${id}`), g.at, id);
    if (g.rule !== undefined) this.db.prepare('UPDATE groups SET rule_ct = ?, updated_at = ? WHERE id = ?').run(this.cipher.encrypt(JSON.stringify(g.rule), `rule:${id}`), g.at, id);
    return true;
  }

  /**
   * Move a group to `position` (1-based, clamped to the list) in the order rules are tried, renumbering every group
   * 1..n. Returns the position it ended at, or null when there is no such group.
   */
  move(id: string, position: number, at: string): number | null {
    const ids = (this.db.prepare('SELECT id FROM groups ORDER BY ordinal, created_at').all() as { id: string }[]).map((r) => r.id);
    const from = ids.indexOf(id);
    if (from < 0) return null;
    ids.splice(from, 1);
    const to = Math.min(Math.max(1, Math.trunc(position)), ids.length + 1);
    ids.splice(to - 1, 0, id);
    const set = this.db.prepare('UPDATE groups SET ordinal = ?, updated_at = CASE WHEN id = ? THEN ? ELSE updated_at END WHERE id = ?');
    ids.forEach((g, i) => set.run(i + 1, id, at, g));
    return to;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM groups WHERE id = ?').run(id).changes > 0;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM groups WHERE id = ?').get(id) !== undefined;
  }

  setPolicy(groupId: string, p: { policy: GroupPolicy; assignedAt: string; assignedBy: string; art14Due: string }): void {
    this.db
      .prepare(
        `INSERT INTO group_policies (group_id, basis, purpose, policy_ct, art14_status, art14_due, assigned_at, assigned_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(group_id) DO UPDATE SET basis = excluded.basis, purpose = excluded.purpose, policy_ct = excluded.policy_ct,
           art14_status = excluded.art14_status, art14_due = excluded.art14_due, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by`,
      )
      .run(groupId, p.policy.basis, p.policy.purpose, this.cipher.encrypt(JSON.stringify(p.policy), `policy:${groupId}`), p.policy.art14Notice?.status ?? 'none', p.art14Due, p.assignedAt, p.assignedBy);
  }
}
