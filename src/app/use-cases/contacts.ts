// Reading contacts back: a data owner or admin lists them (with group, basis and retention date) and opens one.
// Decryption failures surface as a clear integrity error, never as garbage. The legal hold shown is the one in force
// in legal_holds (on the contact or its group, not lifted), the same that destruction obeys (I8).
import { IntegrityError } from '../../crypto/index.js';
import { ServiceError } from '../../shared/errors.js';
import { MAX_PAGE, type ContactStatus } from '../../shared/vocabulary.js';
import { searchForm, searchText } from '../../vault/contact-index.js';
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

export interface ContactQuery {
  groupId?: string | null;
  search?: string;
  status?: ContactStatus;
  offset?: number;
  limit?: number;
  /** Also count the special-category hints of every contact that matches (src/vault/contact-index.ts). */
  categoryCounts?: boolean;
}

export interface ContactPage {
  /** How many contacts match, on every page. */
  total: number;
  offset: number;
  /** This page, in the order contacts were added (stable between pages). */
  contacts: ContactView[];
  categoryCounts?: Record<string, number>;
}

const HELD = `(id IN (SELECT contact_id FROM legal_holds WHERE lifted_at IS NULL AND contact_id IS NOT NULL)
  OR group_id IN (SELECT group_id FROM legal_holds WHERE lifted_at IS NULL AND group_id IS NOT NULL))`;
const USABLE = 'group_id IN (SELECT group_id FROM group_policies)';

/** The SQL that narrows the list by group and status; the search is the index's. */
function where(q: ContactQuery): { sql: string; params: Record<string, unknown> } {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.groupId === null) terms.push('group_id IS NULL');
  else if (q.groupId !== undefined) {
    terms.push('group_id = @groupId');
    params.groupId = q.groupId;
  }
  if (q.status === 'usable') terms.push(USABLE);
  else if (q.status === 'quarantined') terms.push(`NOT (group_id IS NOT NULL AND ${USABLE})`);
  else if (q.status === 'held') terms.push(HELD);
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

/** The rowids in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  for (const x of b) {
    while (i < a.length && a[i]! < x) i++;
    if (i === a.length) break;
    if (a[i] === x) out.push(x);
  }
  return out;
}

/**
 * One page of contacts, narrowed in the core (group, status, search) and in a stable order: only the page is
 * decrypted and sent, so the renderer never holds more than MAX_PAGE contacts.
 */
export function listContacts(session: Session, q: ContactQuery = {}): ContactPage {
  return session.perform('contact-list', () => {
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? MAX_PAGE, MAX_PAGE);
    const needle = q.search === undefined ? '' : searchForm(q.search).trim();
    const filter = where(q);
    const db = session.db;
    let matching: number[] | null = null;
    if (needle !== '' || q.categoryCounts) {
      const all = needle !== '' ? session.contactSearch().search(needle) : null;
      // The rowids the filters let through (8 bytes a contact): no contact is decrypted for them.
      const ids = () => db.prepare(`SELECT rowid FROM contacts ${filter.sql} ORDER BY rowid`).pluck().all(filter.params) as number[];
      matching = all === null ? ids() : filter.sql === '' ? all : intersect(all, ids());
    }
    const total = matching?.length ?? (db.prepare(`SELECT count(*) FROM contacts ${filter.sql}`).pluck().get(filter.params) as number);
    const rows =
      matching === null
        ? (db.prepare(`SELECT * FROM contacts ${filter.sql} ORDER BY rowid LIMIT @limit OFFSET @offset`).all({ ...filter.params, limit, offset }) as ContactRow[])
        : pageRows(session, matching.slice(offset, offset + limit));
    const withPolicy = policyGroups(session);
    const held = activeHolds(db);
    // A contact found by the index is checked again once decrypted, so a page never shows one that does not match.
    const contacts = rows.map((row) => view(session, row, withPolicy, held)).filter((c) => needle === '' || searchText(c).includes(needle));
    const page: ContactPage = { total, offset, contacts };
    if (q.categoryCounts) page.categoryCounts = session.contactSearch().categoryCounts(matching ?? []);
    return { value: page, details: { contacts: contacts.length } };
  });
}

/** The rows of these rowids, in their order. */
function pageRows(session: Session, rowids: number[]): ContactRow[] {
  if (rowids.length === 0) return [];
  return session.db.prepare(`SELECT * FROM contacts WHERE rowid IN (${rowids.map(() => '?').join(',')}) ORDER BY rowid`).all(...rowids) as ContactRow[];
}

export function getContact(session: Session, id: string): ContactView {
  return session.perform('contact-show', () => {
    const row = session.contacts.get(id);
    if (!row) throw new ServiceError('not-found', 'There is no such contact.');
    return { value: view(session, row, policyGroups(session), activeHolds(session.db)), details: { contactId: id } };
  });
}
