// Reading contacts back: a data owner or admin lists them (with group, basis and retention date) and opens one.
// Decryption failures surface as a clear integrity error, never as garbage. The legal hold shown is the one in force
// in legal_holds (on the contact or its group, not lifted), the same that destruction obeys (I8).
import { IntegrityError } from '../../crypto/index.js';
import { ServiceError } from '../../shared/errors.js';
import { activeHolds, type ContactRow, type StoredContact } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';

export interface ContactView extends StoredContact {
  id: string;
  groupId: string | null;
  emailKind: ContactRow['email_kind'];
  createdAt: string;
  updatedAt: string;
  /** When the contact is destroyed unless something changes (quarantine or retention). */
  expiresAt: string | null;
  /** Under a legal hold in force, on the contact or on its group: never destroyed or changed by an import. */
  legalHold: boolean;
  /** In a group with a lawful basis: only then may the contact be used or exported. */
  usable: boolean;
}

function view(session: Session, row: ContactRow, withPolicy: Set<string>, held: (row: ContactRow) => boolean): ContactView {
  let data: StoredContact;
  try {
    data = session.contacts.open(row);
  } catch (err) {
    if (err instanceof IntegrityError) throw new ServiceError('integrity', `Contact ${row.id}: ${err.message}`);
    throw err;
  }
  return {
    ...data,
    id: row.id,
    groupId: row.group_id,
    emailKind: row.email_kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    legalHold: held(row),
    usable: row.group_id !== null && withPolicy.has(row.group_id),
  };
}

const policyGroups = (session: Session) =>
  new Set((session.db.prepare('SELECT group_id FROM group_policies').all() as { group_id: string }[]).map((r) => r.group_id));

export function listContacts(session: Session, filter: { groupId?: string | null; search?: string } = {}): ContactView[] {
  return session.perform('contact-list', () => {
    const withPolicy = policyGroups(session);
    const held = activeHolds(session.db);
    const needle = filter.search?.normalize('NFC').toLowerCase().trim();
    const out: ContactView[] = [];
    for (const row of session.contacts.all()) {
      if (filter.groupId !== undefined && row.group_id !== filter.groupId) continue;
      const c = view(session, row, withPolicy, held);
      if (needle && ![c.firstName, c.lastName, c.company, c.position, c.email ?? '', c.profileUrl ?? ''].some((v) => v.toLowerCase().includes(needle))) continue;
      out.push(c);
    }
    return { value: out, details: { contacts: out.length } };
  });
}

export function getContact(session: Session, id: string): ContactView {
  return session.perform('contact-show', () => {
    const row = session.contacts.get(id);
    if (!row) throw new ServiceError('not-found', 'There is no such contact.');
    return { value: view(session, row, policyGroups(session), activeHolds(session.db)), details: { contactId: id } };
  });
}
