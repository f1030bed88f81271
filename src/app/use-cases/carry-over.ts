// The schema-6 upgrade, finished at the first unlock (the migration cannot read what is encrypted; see
// src/vault/migrations/0006-person-facts.ts):
// - every contact row gets its name + company index, so that copies of one person held under different identities
//   are found for an erasure or an objection (copiesOf, suppressionMatcher in src/vault/contacts-repo.ts);
// - a group's consent record and Art. 14 notice are copied to each person in the group, marked "carried over from the
//   group record": such a record counts for nothing until a data owner confirms it (consent.confirm,
//   notices.confirm). A group record vouched only for the people in the group when its basis was assigned, so people
//   imported later get none; a notice "sent" before a person's data was obtained did not tell them, so it is not
//   carried to them; an exemption has no Art. 14(5) ground on record and must be recorded anew (notices.exempt);
// - CRM exports made before the disclosure log existed are counted: who received them is unknown, and subject
//   access, the Art. 30 record and erasure say so (unloggedExports) rather than "no recipients".
//
// The schema-7 upgrade (src/vault/migrations/0007-retention-default.ts), likewise at the first unlock: every due date
// is computed again, so that contacts with a lawful basis and no policy, kept with no end until then, get one from the
// default retention. Nobody confirmed that default, so it makes none of them due until an admin does (retention
// default, measured like any change): until then their default-derived dates wait (UNCONFIRMED_DEFAULT), and policies,
// reviews and holds an admin sets apply as usual.
import { randomUUID } from 'node:crypto';
import { dayOf } from '../../policy/dates.js';
import { nameIndexOf, type ContactRow } from '../../vault/contacts-repo.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { setDefaultNotBefore, UNCONFIRMED_DEFAULT } from '../../vault/meta.js';
import type { Session } from '../../vault/session.js';

const PENDING = 'carry_over_pending';
const UNLOGGED = 'unlogged_exports';

/** Exports made before schema 6, whose recipients were never recorded: how many, and the time of the last. */
export function unloggedExports(session: Session): { count: number; until: string } | null {
  const row = session.db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(UNLOGGED) as { value: string } | undefined;
  if (!row) return null;
  const [count, until] = row.value.split('|');
  return { count: Number(count), until: until ?? '' };
}

export function carryOverGroupRecords(session: Session): void {
  if (session.db.prepare('SELECT 1 FROM vault_meta WHERE key = ?').get(PENDING) === undefined) return;
  session.perform('carry-over', () => {
    const now = session.vault.now().toISOString();
    const setName = session.db.prepare('UPDATE contacts SET name_index = ? WHERE id = ?');
    let named = 0;
    for (const row of session.db.prepare('SELECT * FROM contacts WHERE name_index IS NULL').all() as ContactRow[]) {
      const name = nameIndexOf(session.index, session.contacts.open(row));
      if (name === null) continue;
      setName.run(name, row.id);
      named++;
    }
    const members = session.db.prepare('SELECT id, created_at FROM contacts WHERE group_id = ?');
    let consents = 0;
    let notices = 0;
    let groups = 0;
    for (const group of session.groups.list()) {
      const assigned = group.policy;
      if (!assigned) continue;
      const policy = assigned.policy;
      const notice = policy.art14Notice;
      const carriesNotice = notice !== undefined && (notice.status === 'sent' || notice.status === 'exempt');
      if (policy.basis !== 'consent' && !carriesNotice) continue;
      groups++;
      for (const person of members.all(group.id) as { id: string; created_at: string }[]) {
        const coveredWhenAssigned = person.created_at <= assigned.assignedAt;
        if (policy.basis === 'consent' && coveredWhenAssigned) {
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
        if (notice?.status === 'sent' && dayOf(new Date(person.created_at)) <= notice.date) {
          session.notices.put({ contactId: person.id, status: 'sent', day: notice.date, channel: null, exemption: null, version: 'carried over from the group record', dpiaReference: null, reason: notice.method, publishedAt: null, carriedOver: true, recordedAt: now, recordedBy: null });
          notices++;
        }
        if (notice?.status === 'exempt' && coveredWhenAssigned) {
          session.notices.put({ contactId: person.id, status: 'exempt', day: notice.date, channel: null, exemption: null, version: null, dpiaReference: null, reason: notice.exemption ?? notice.method, publishedAt: null, carriedOver: true, recordedAt: now, recordedBy: null });
          notices++;
        }
      }
    }
    const exported = session.db.prepare("SELECT count(*) AS n, max(at) AS until FROM audit_log WHERE action = 'export-crm' AND outcome = 'success'").get() as { n: number; until: string | null };
    if (exported.n > 0) session.db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)').run(UNLOGGED, `${exported.n}|${exported.until}`);
    session.db.prepare('DELETE FROM vault_meta WHERE key = ?').run(PENDING);
    return { value: undefined, details: { groups, consents, notices, contacts: named, ...(exported.n > 0 ? { entries: exported.n } : {}) } };
  });
}

const RETENTION_PENDING = 'default_retention_pending';

/** Give every contact of a vault upgraded to schema 7 its due date under the default retention, once. */
export function carryOverDefaultRetention(session: Session): void {
  if (session.db.prepare('SELECT 1 FROM vault_meta WHERE key = ?').get(RETENTION_PENDING) === undefined) return;
  session.perform('retention-carry-over', () => {
    // Nobody the vault already held is made due by a default the app chose: until an admin confirms it (retention
    // default, measured like any change), their default-derived dates wait (UNCONFIRMED_DEFAULT).
    setDefaultNotBefore(session.db, UNCONFIRMED_DEFAULT);
    const expiries = ExpiryContext.load(session.db);
    let dated = 0;
    for (const row of [...session.contacts.all()]) {
      const expiresAt = expiries.expiry(row.group_id, row, session.contacts.open(row));
      if (expiresAt === row.expires_at) continue;
      if (row.expires_at === null) dated++;
      session.contacts.setGroup(row.id, row.group_id, expiresAt);
    }
    session.db.prepare('DELETE FROM vault_meta WHERE key = ?').run(RETENTION_PENDING);
    return { value: undefined, details: { contacts: dated } };
  });
}
