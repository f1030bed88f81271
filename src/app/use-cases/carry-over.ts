// The schema-6 carry-over: before schema 6 a group held one consent record and one Art. 14 notice for all its
// members. The migration cannot read them (they are encrypted), so it marks the vault 'carry_over_pending'; the
// first unlock copies them here to each person in the group, marked "carried over from the group record". Such a
// record counts for nothing until a data owner confirms it (consent.confirm, notices.confirm): a group record said
// nothing reliable about each person (Art. 7(1), Art. 14). A notice "sent" before a person's data was obtained did
// not tell them, so it is not carried to them; an exemption has no Art. 14(5) ground on record and must be recorded
// anew (notices.exempt).
import { randomUUID } from 'node:crypto';
import { dayOf } from '../../policy/dates.js';
import type { Session } from '../../vault/session.js';

const PENDING = 'carry_over_pending';

export function carryOverGroupRecords(session: Session): void {
  if (session.db.prepare('SELECT 1 FROM vault_meta WHERE key = ?').get(PENDING) === undefined) return;
  session.perform('carry-over', () => {
    const now = session.vault.now().toISOString();
    const members = session.db.prepare('SELECT id, created_at FROM contacts WHERE group_id = ?');
    let consents = 0;
    let notices = 0;
    let groups = 0;
    for (const group of session.groups.list()) {
      const policy = group.policy?.policy;
      if (!policy) continue;
      const people = members.all(group.id) as { id: string; created_at: string }[];
      const notice = policy.art14Notice;
      const carriesConsent = policy.basis === 'consent';
      const carriesNotice = notice !== undefined && (notice.status === 'sent' || notice.status === 'exempt');
      if (!carriesConsent && !carriesNotice) continue;
      groups++;
      for (const person of people) {
        if (policy.basis === 'consent') {
          const e = policy.evidence;
          session.consents.insert({
            id: randomUUID(),
            contactId: person.id,
            purpose: policy.purpose,
            // The group record named no channel: email is what a consent group was exported for before schema 6.
            channels: ['email'],
            obtainedAt: e.obtainedAt,
            method: 'other',
            wording: e.wording,
            wordingVersion: 'carried over from the group record',
            proof: [e.method, e.recordLocation].filter(Boolean).join('; '),
            carriedOver: true,
            createdAt: now,
            createdBy: null,
          });
          consents++;
        }
        if (notice && notice.status === 'sent' && dayOf(new Date(person.created_at)) <= notice.date) {
          session.notices.put({ contactId: person.id, status: 'sent', day: notice.date, channel: null, exemption: null, version: 'carried over from the group record', dpiaReference: null, reason: notice.method, publishedAt: null, carriedOver: true, recordedAt: now, recordedBy: null });
          notices++;
        }
        if (notice && notice.status === 'exempt') {
          session.notices.put({ contactId: person.id, status: 'exempt', day: notice.date, channel: null, exemption: null, version: null, dpiaReference: null, reason: notice.exemption ?? notice.method, publishedAt: null, carriedOver: true, recordedAt: now, recordedBy: null });
          notices++;
        }
      }
    }
    session.db.prepare('DELETE FROM vault_meta WHERE key = ?').run(PENDING);
    return { value: undefined, details: { groups, consents, notices } };
  });
}
