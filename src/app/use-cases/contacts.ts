// Reading contacts back: a data owner or admin lists them (with group, basis and retention date) and opens one.
// Decryption failures surface as a clear integrity error, never as garbage. The legal hold shown is the one in force
// in legal_holds (on the contact or its group, not lifted), the same that destruction obeys (I8). A contact's source
// import is named as a person knows it (its day and number; the file's name is never kept), not by its id alone.
import { IntegrityError } from '../../crypto/index.js';
import { ServiceError } from '../../shared/errors.js';
import { MAX_PAGE, type ContactStatus } from '../../shared/vocabulary.js';
import { searchForm, searchText } from '../../vault/contact-index.js';
import { activeHolds, type ContactRow, type StoredContact } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';
import { findPerson, type PersonSelector } from './person.js';

/** An import as a person recognises it (its file's name is not kept): the day, its number in the vault, the kind of file. */
export interface SourceImport {
  importedAt: string;
  /** 1 for the vault's first import, in the order they were made. */
  number: number;
  kind: string;
}

export interface ContactView extends StoredContact {
  id: string;
  /** The import `source` names; null only for one not on record. */
  sourceImport: SourceImport | null;
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

/** Every import of the vault by id, numbered in the order they were made (ids and dates only: nothing to decrypt). */
function importsOf(session: Session): Map<string, SourceImport> {
  const rows = session.db.prepare('SELECT id, kind, imported_at FROM imports ORDER BY imported_at, rowid').all() as { id: string; kind: string; imported_at: string }[];
  return new Map(rows.map((r, i) => [r.id, { importedAt: r.imported_at, number: i + 1, kind: r.kind }]));
}

function view(session: Session, row: ContactRow, withPolicy: Set<string>, held: (row: ContactRow) => boolean, imports: Map<string, SourceImport>): ContactView {
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
    sourceImport: imports.get(data.source.importId) ?? null,
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
  /** A cursor: the `next` of the page before (then `offset` is not read). */
  after?: number;
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
  /** The cursor of the next page (`after`), or null when this page is the last. */
  next: number | null;
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
  return session.repeatableRead('contact-list', () => {
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? MAX_PAGE, MAX_PAGE);
    const needle = q.search === undefined ? '' : searchForm(q.search).trim();
    const filter = where(q);
    const db = session.db;
    // The index counts categories when a search builds it anyway, or for the whole vault; a group counts its own rows.
    const countsFromIndex = q.categoryCounts === true && (needle !== '' || filter.sql === '');
    let matching: number[] | null = null;
    if (needle !== '' || countsFromIndex) {
      const all = needle !== '' ? session.contactSearch().search(needle) : null;
      // The rowids the filters let through (8 bytes a contact): no contact is decrypted for them.
      const ids = () => db.prepare(`SELECT rowid FROM contacts ${filter.sql} ORDER BY rowid`).pluck().all(filter.params) as number[];
      matching = all === null ? ids() : filter.sql === '' ? all : intersect(all, ids());
    }
    const total = matching?.length ?? (db.prepare(`SELECT count(*) FROM contacts ${filter.sql}`).pluck().get(filter.params) as number);
    // After a cursor (the `next` of the page before), the page starts behind that contact, however many were
    // erased or added meanwhile, and costs the same at the end of a million as at the start; else at `offset`.
    const after = q.after;
    const keyed = after === undefined ? '' : `${filter.sql ? `${filter.sql} AND` : 'WHERE'} rowid > @after`;
    const rows =
      matching === null
        ? (db
            .prepare(`SELECT rowid AS _rowid, * FROM contacts ${after === undefined ? filter.sql : keyed} ORDER BY rowid LIMIT @limit ${after === undefined ? 'OFFSET @offset' : ''}`)
            .all({ ...filter.params, limit, ...(after === undefined ? { offset } : { after }) }) as (ContactRow & { _rowid: number })[])
        : pageRows(session, after === undefined ? matching.slice(offset, offset + limit) : matching.slice(firstAfter(matching, after), firstAfter(matching, after) + limit));
    const withPolicy = policyGroups(session);
    const held = activeHolds(db);
    // A contact found by the index is checked again once decrypted, so a page never shows one that does not match.
    const imports = importsOf(session);
    const contacts = rows.map((row) => view(session, row, withPolicy, held, imports)).filter((c) => needle === '' || searchText(c).includes(needle));
    const page: ContactPage = { total, offset, contacts, next: rows.length === limit ? rows[rows.length - 1]!._rowid : null };
    // A form about a small group (the basis form) does not decrypt the whole vault to build the index.
    if (q.categoryCounts) page.categoryCounts = countsFromIndex ? session.contactSearch().categoryCounts(matching!) : categoryCountsOf(session, filter);
    return { value: page, details: { contacts: contacts.length } };
  });
}

/** How many of the contacts the filter lets through hold a hint of each category, in what was kept. */
function categoryCountsOf(session: Session, filter: { sql: string; params: Record<string, unknown> }): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of session.db.prepare(`SELECT id, data_ct FROM contacts ${filter.sql}`).iterate(filter.params) as IterableIterator<Pick<ContactRow, 'id' | 'data_ct'>>) {
    for (const k of new Set(session.contacts.open(row).specialCategories)) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** The first index of an ascending list whose rowid is past `after`. */
function firstAfter(rowids: readonly number[], after: number): number {
  let lo = 0;
  let hi = rowids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rowids[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows of these rowids, in their order. */
function pageRows(session: Session, rowids: number[]): (ContactRow & { _rowid: number })[] {
  if (rowids.length === 0) return [];
  return session.db.prepare(`SELECT rowid AS _rowid, * FROM contacts WHERE rowid IN (${rowids.map(() => '?').join(',')}) ORDER BY rowid`).all(...rowids) as (ContactRow & { _rowid: number })[];
}

/** One contact, by id or by the email or profile URL a request names them by (findPerson: the core's one way). */
export function getContact(session: Session, who: string | PersonSelector): ContactView {
  return session.perform('contact-show', () => {
    const row = findPerson(session, typeof who === 'string' ? { contactId: who } : who, 'There is no such contact.');
    return { value: view(session, row, policyGroups(session), activeHolds(session.db), importsOf(session)), details: { contactId: row.id } };
  });
}
