// Mark reviewed (issue 11): a data owner or an admin records that contacts were reviewed now. Retention policies and
// the vault's default anchored on 'last-review' count from that date, so the contacts' due dates are computed again
// (Art. 5(1)(e): kept while a review finds them still needed). Audited with counts only.
import type { AuditDetails } from '../../audit/audit-log.js';
import { ServiceError } from '../../shared/errors.js';
import type { ContactRow } from '../../vault/contacts-repo.js';
import { ExpiryContext } from '../../vault/expiry.js';
import type { Session } from '../../vault/session.js';

export function reviewContacts(session: Session, target: { contactIds: string[] } | { groupId: string }): { reviewed: number; reviewedAt: string } {
  return session.perform('contact-review', () => {
    let rows: ContactRow[];
    if ('groupId' in target) {
      if (!session.groups.exists(target.groupId)) throw new ServiceError('not-found', 'There is no such group.');
      rows = session.db.prepare('SELECT * FROM contacts WHERE group_id = ?').all(target.groupId) as ContactRow[];
    } else {
      const found = [...new Set(target.contactIds)].map((id) => session.contacts.get(id));
      const missing = found.filter((row) => row === null).length;
      if (missing > 0) throw new ServiceError('not-found', `${missing === 1 ? 'One of these contacts is' : `${missing} of these contacts are`} not in the vault: nothing was marked reviewed.`);
      rows = found as ContactRow[];
    }
    const at = session.vault.now().toISOString();
    // A review moves the anchor to now, never earlier: it can only put a due date later, so it is not measured.
    const expiries = ExpiryContext.load(session.db);
    for (const row of rows) session.contacts.setReviewed(row.id, at, expiries.expiry(row.group_id, { ...row, last_review_at: at }, session.contacts.open(row)));
    const scope: AuditDetails = 'groupId' in target ? { groupId: target.groupId } : {};
    return { value: { reviewed: rows.length, reviewedAt: at }, details: { ...scope, contacts: rows.length } };
  });
}
