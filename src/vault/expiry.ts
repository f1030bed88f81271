// Each contact's plaintext due date, computed while the vault is unlocked (the connection date is encrypted) from
// its group's retention policy, its lawful basis's, or quarantine; scheduled destruction then needs no key.
import { expiryOf, type RetentionFacts, type RetentionPolicy } from '../retention/index.js';
import type { LawfulBasis } from '../policy/index.js';
import type { ContactRow, StoredContact } from './contacts-repo.js';
import type { Db } from './database.js';
import { quarantineDays } from './meta.js';

interface PolicyRow {
  scope_type: 'group' | 'basis';
  group_id: string | null;
  basis: LawfulBasis | null;
  months: number;
  anchor: RetentionPolicy['anchor'];
}

export class ExpiryContext {
  private constructor(
    readonly policies: RetentionPolicy[],
    readonly quarantineDays: number,
    private readonly groupBasis: Map<string, { basis: LawfulBasis; assignedAt: string }>,
    private readonly importedAt: Map<string, string>,
  ) {}

  /** Read the policies, the groups' bases and the import dates once, for a pass over many contacts. */
  static load(db: Db): ExpiryContext {
    const policies = (db.prepare('SELECT scope_type, group_id, basis, months, anchor FROM retention_policies').all() as PolicyRow[]).map(
      (r): RetentionPolicy => ({
        scope: r.scope_type === 'group' ? { type: 'group', groupId: r.group_id! } : { type: 'basis', basis: r.basis! },
        months: r.months,
        anchor: r.anchor,
      }),
    );
    const groupBasis = new Map(
      (db.prepare('SELECT group_id, basis, assigned_at FROM group_policies').all() as { group_id: string; basis: LawfulBasis; assigned_at: string }[]).map((r) => [
        r.group_id,
        { basis: r.basis, assignedAt: r.assigned_at },
      ]),
    );
    const importedAt = new Map((db.prepare('SELECT id, imported_at FROM imports').all() as { id: string; imported_at: string }[]).map((r) => [r.id, r.imported_at]));
    return new ExpiryContext(policies, quarantineDays(db), groupBasis, importedAt);
  }

  /** Note an import made during this pass (the commit computes expiries before its import row is final). */
  withImport(importId: string, at: string): this {
    this.importedAt.set(importId, at);
    return this;
  }

  facts(groupId: string | null, row: Pick<ContactRow, 'import_id'> & { last_review_at?: string | null }, contact: Pick<StoredContact, 'connectedOn'>): RetentionFacts {
    const group = groupId ? this.groupBasis.get(groupId) : undefined;
    return {
      groupId,
      basis: group?.basis ?? null,
      importedAt: this.importedAt.get(row.import_id)!,
      connectedOn: contact.connectedOn,
      basisAssignedAt: group?.assignedAt ?? null,
      lastReviewAt: row.last_review_at ?? null,
    };
  }

  expiry(groupId: string | null, row: Pick<ContactRow, 'import_id'> & { last_review_at?: string | null }, contact: Pick<StoredContact, 'connectedOn'>): string | null {
    return expiryOf(this.facts(groupId, row, contact), this.policies, this.quarantineDays);
  }
}
