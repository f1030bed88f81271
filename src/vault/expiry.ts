// Each contact's plaintext due date, computed while the vault is unlocked (the connection date is encrypted) from
// its group's retention policy, its lawful basis's, the vault's default retention, or quarantine; scheduled
// destruction then needs no key.
import { expiryOf, type DefaultRetention, type RetentionFacts, type RetentionRule, type RetentionRules } from '../retention/index.js';
import type { LawfulBasis } from '../policy/index.js';
import type { ContactRow, StoredContact } from './contacts-repo.js';
import type { Db } from './database.js';
import { defaultNotBefore, defaultRetention, quarantineDays } from './meta.js';
import { retentionRules } from './retention-repo.js';

/** Answers kept at most: a pass over millions of contacts stays bounded. */
const MEMO_LIMIT = 10_000;

/** The answers for one group, import and review, by connection date. */
interface Memo {
  groupId: string | null;
  importId: string;
  review: string | null;
  byDay: Map<string | null, string>;
}

export class ExpiryContext implements RetentionRules {
  /**
   * Answers already worked out in this pass. A due date depends only on the context (fixed once loaded), the group,
   * the import, the last review and the connection date; the contacts of an import share all but the last, and the
   * days of a file are few beside its rows. The last memo used is kept at hand: consecutive contacts nearly always share it.
   */
  private readonly memos = new Map<string, Memo>();
  private last: Memo | null = null;
  private remembered = 0;

  private constructor(
    readonly policies: RetentionRule[],
    readonly quarantineDays: number,
    readonly defaultRetention: DefaultRetention,
    readonly defaultNotBefore: string | null,
    private readonly groupBasis: Map<string, { basis: LawfulBasis; assignedAt: string }>,
    private readonly importedAt: Map<string, string>,
  ) {}

  /** Read the policies, the vault's settings, the groups' bases and the import dates once, for a pass over many contacts. */
  static load(db: Db): ExpiryContext {
    const groupBasis = new Map(
      (db.prepare('SELECT group_id, basis, assigned_at FROM group_policies').all() as { group_id: string; basis: LawfulBasis; assigned_at: string }[]).map((r) => [
        r.group_id,
        { basis: r.basis, assignedAt: r.assigned_at },
      ]),
    );
    const importedAt = new Map((db.prepare('SELECT id, imported_at FROM imports').all() as { id: string; imported_at: string }[]).map((r) => [r.id, r.imported_at]));
    return new ExpiryContext(retentionRules(db), quarantineDays(db), defaultRetention(db), defaultNotBefore(db), groupBasis, importedAt);
  }

  /** Note an import made during this pass (the commit computes expiries before its import row is final). */
  withImport(importId: string, at: string): this {
    this.importedAt.set(importId, at);
    this.forget();
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

  expiry(groupId: string | null, row: Pick<ContactRow, 'import_id'> & { last_review_at?: string | null }, contact: Pick<StoredContact, 'connectedOn'>): string {
    const memo = this.memoFor(groupId, row.import_id, row.last_review_at ?? null);
    let expiresAt = memo.byDay.get(contact.connectedOn);
    if (expiresAt === undefined) {
      expiresAt = expiryOf(this.facts(groupId, row, contact), this);
      if (++this.remembered > MEMO_LIMIT) this.forget();
      else memo.byDay.set(contact.connectedOn, expiresAt);
    }
    return expiresAt;
  }

  private memoFor(groupId: string | null, importId: string, review: string | null): Memo {
    const last = this.last;
    if (last !== null && last.groupId === groupId && last.importId === importId && last.review === review) return last;
    // Ids and timestamps hold no \u0000, and '=' marks a review (null has none): the key reads one way only.
    const key = `${groupId ?? ''}\u0000${importId}\u0000${review === null ? '' : `=${review}`}`;
    let memo = this.memos.get(key);
    if (memo === undefined) this.memos.set(key, (memo = { groupId, importId, review, byDay: new Map() }));
    this.last = memo;
    return memo;
  }

  private forget(): void {
    this.memos.clear();
    this.last = null;
    this.remembered = 0;
  }
}
