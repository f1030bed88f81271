// Contacts as stored: one AES-GCM blob of everything about the person (the row id is its associated data) and
// plaintext ids, dates, an email-kind enum and blind indexes for dedupe and the suppression list.
import type Database from 'better-sqlite3';
import type { BlindIndexer, RecordCipher } from '../crypto/index.js';
import type { StoredContact } from '../shared/domain.js';
import type { EmailKind, Purpose, SuppressionReason } from '../shared/vocabulary.js';
import { BlindIndexFilter } from './blind-index-filter.js';
import type { Db } from './database.js';

export type { EmailKind, StoredContact };


export interface ContactRow {
  id: string;
  import_id: string;
  data_ct: Buffer;
  url_index: Buffer | null;
  email_index: Buffer | null;
  name_index: Buffer | null;
  email_kind: EmailKind;
  group_id: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
  /** Unused since schema 2 and never written: a hold is a row of legal_holds (see activeHolds). Do not read it. */
  legal_hold: number;
  last_review_at: string | null;
}

export interface ContactIndexes {
  url: Buffer | null;
  email: Buffer | null;
  name: Buffer | null;
}

/**
 * The name + company blind index of a person, whatever else is known about them: first name, last name and company,
 * lower-cased, joined by NUL. Null when there is no name at all.
 */
export function nameIndexOf(index: BlindIndexer, c: Pick<StoredContact, 'firstName' | 'lastName' | 'company'>): Buffer | null {
  return c.firstName || c.lastName ? index.index('name', [c.firstName, c.lastName, c.company].map((s) => s.toLowerCase()).join('\u0000')) : null;
}

/**
 * The blind indexes a contact is looked up by for dedupe: profile URL and email always, name + company only when
 * neither exists. (Every stored row keeps its name + company index too, so that the copies of one person held under
 * different identities are found for an erasure or an objection; dedupe by name looks only at rows with neither.)
 */
export function indexesOf(index: BlindIndexer, c: Pick<StoredContact, 'profileUrl' | 'email' | 'firstName' | 'lastName' | 'company'>): ContactIndexes {
  const url = c.profileUrl ? index.index('url', c.profileUrl) : null;
  const email = c.email ? index.index('email', c.email) : null;
  const name = !url && !email ? nameIndexOf(index, c) : null;
  return { url, email, name };
}

/**
 * indexesOf and nameIndexOf at once, the name + company hashed once: an import needs both for every record. `indexes`
 * are what dedupe looks up; `name` is the record's name + company index whatever else it has (stored, and matched
 * against the suppression list).
 */
export function identityOf(index: BlindIndexer, c: Pick<StoredContact, 'profileUrl' | 'email' | 'firstName' | 'lastName' | 'company'>): { indexes: ContactIndexes; name: Buffer | null } {
  const url = c.profileUrl ? index.index('url', c.profileUrl) : null;
  const email = c.email ? index.index('email', c.email) : null;
  const name = nameIndexOf(index, c);
  return { indexes: { url, email, name: !url && !email ? name : null }, name };
}

/**
 * The suppression list as a test (invariant I4): true when an entry in force names the person's profile URL or email,
 * or their name + company without contradicting them. `name` is the record's name + company index whatever else it
 * has. Names are matched "compatibly": an entry and a record with the same name + company are the same person unless
 * both have a profile URL, or both an email, and those differ (then they are namesakes at one company). So a person
 * erased from a legacy export (name only) is refused when they come back with a profile, and an objection recorded by
 * email also covers a copy of them held under their profile alone. Only entries for every use count here (an erasure
 * or an objection, not lifted); a withdrawn consent suppresses one purpose and is read by purposeSuppressions.
 * Statements are prepared once: an import asks for every record, an export for every contact.
 */
export function suppressionMatcher(db: Db): (ix: ContactIndexes, name: Buffer | null) => boolean {
  const find = entriesMatching(db, 'purpose IS NULL', 'SELECT 1');
  return (ix, name) => find(ix, name).length > 0;
}

/**
 * suppressionMatcher with the list read into memory once, for a pass that asks for every record (an import): the same
 * answers without three statements per record, and none at all for an empty list. The list holds blind indexes only,
 * one entry per erasure or objection: small beside the contacts.
 */
export function suppressionSet(db: Db): (ix: ContactIndexes, name: Buffer | null) => boolean {
  const entries = db.prepare('SELECT url_index AS url, email_index AS email, name_index AS name FROM suppressions WHERE lifted_at IS NULL AND purpose IS NULL').all() as ContactIndexes[];
  if (entries.length === 0) return () => false;
  // latin1 maps each byte to one character: two keys are equal strings exactly when they are equal blobs, as in SQL.
  const key = (b: Buffer) => b.toString('latin1');
  const urls = new Set(entries.flatMap((e) => (e.url === null ? [] : [key(e.url)])));
  const emails = new Set(entries.flatMap((e) => (e.email === null ? [] : [key(e.email)])));
  const names = new Map<string, ContactIndexes[]>();
  for (const e of entries) if (e.name !== null) names.set(key(e.name), [...(names.get(key(e.name)) ?? []), e]);
  // SAME_NAME_COMPATIBLY: the same name + company is the same person unless both sides have a URL (or an email) and they differ.
  const agree = (a: Buffer | null, b: Buffer | null) => a === null || b === null || a.equals(b);
  return (ix, name) =>
    (ix.url !== null && urls.has(key(ix.url))) ||
    (ix.email !== null && emails.has(key(ix.email))) ||
    (name !== null && (names.get(key(name))?.some((e) => agree(e.url, ix.url) && agree(e.email, ix.email)) ?? false));
}

/** The purposes a person withdrew consent for (Art. 7(3)): each suppressed for that purpose only. */
export function purposeSuppressions(db: Db): (ix: ContactIndexes, name: Buffer | null) => Set<Purpose> {
  const find = entriesMatching(db, 'purpose IS NOT NULL', 'SELECT purpose');
  return (ix, name) => new Set(find(ix, name).map((r) => (r as { purpose: Purpose }).purpose));
}

/** The SQL of "the same person, by name and company, unless a profile URL or an email contradicts it". */
export const SAME_NAME_COMPATIBLY = `name_index = @name AND (url_index IS NULL OR @url IS NULL OR url_index = @url) AND (email_index IS NULL OR @email IS NULL OR email_index = @email)`;

function entriesMatching(db: Db, scope: string, select: string): (ix: ContactIndexes, name: Buffer | null) => unknown[] {
  const where = `lifted_at IS NULL AND ${scope}`;
  const url = db.prepare<[Buffer]>(`${select} FROM suppressions WHERE url_index = ? AND ${where}`);
  const email = db.prepare<[Buffer]>(`${select} FROM suppressions WHERE email_index = ? AND ${where}`);
  const byName = db.prepare(`${select} FROM suppressions WHERE ${SAME_NAME_COMPATIBLY} AND ${where}`);
  return (ix, name) => [
    ...(ix.url !== null ? url.all(ix.url) : []),
    ...(ix.email !== null ? email.all(ix.email) : []),
    ...(name === null ? [] : byName.all({ name, url: ix.url, email: ix.email })),
  ];
}

/**
 * Put identities on the suppression list (an erasure, an objection, or a withdrawn consent with its purpose):
 * blind indexes only, never a name.
 */
export function insertSuppression(db: Db, row: { id: string; indexes: ContactIndexes; reason: SuppressionReason; purpose?: Purpose | null; createdAt: string; memberId: string }): void {
  db.prepare('INSERT INTO suppressions (id, url_index, email_index, name_index, reason, purpose, created_at, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    row.id,
    row.indexes.url,
    row.indexes.email,
    row.indexes.name,
    row.reason,
    row.purpose ?? null,
    row.createdAt,
    row.memberId,
  );
}

/**
 * The legal holds in force (not lifted), on a contact or on its group (invariant I8): the one truth about a hold,
 * read from legal_holds, as destruction reads it. Loaded once for a list or an import.
 */
export function activeHolds(db: Db): (row: Pick<ContactRow, 'id' | 'group_id'>) => boolean {
  const rows = db.prepare('SELECT contact_id, group_id FROM legal_holds WHERE lifted_at IS NULL').all() as { contact_id: string | null; group_id: string | null }[];
  const contacts = new Set(rows.flatMap((r) => (r.contact_id === null ? [] : [r.contact_id])));
  const groups = new Set(rows.flatMap((r) => (r.group_id === null ? [] : [r.group_id])));
  return (row) => contacts.has(row.id) || (row.group_id !== null && groups.has(row.group_id));
}

export class ContactsRepo {
  // Prepared once: an import runs these for every record.
  private readonly byUrl;
  private readonly byEmail;
  private readonly byName;
  private readonly insertRow;
  private updateRow: Database.Statement | null = null;
  private groupRow: Database.Statement | null = null;

  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {
    // `IS NOT NULL` lets SQLite use the partial indexes.
    const by = (column: string, also = '') => db.prepare<[Buffer], ContactRow>(`SELECT * FROM contacts WHERE ${column} = ? AND ${column} IS NOT NULL ${also} LIMIT 1`);
    this.byUrl = by('url_index');
    this.byEmail = by('email_index');
    // A record known by name only is a duplicate of another known by name only; one with a profile or an email is not.
    this.byName = by('name_index', 'AND url_index IS NULL AND email_index IS NULL');
    // Positional: binding an object by name costs a property lookup per column per row.
    this.insertRow = db.prepare(
      `INSERT INTO contacts (id, import_id, data_ct, url_index, email_index, name_index, email_kind, group_id, created_at, updated_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * Every record of the person `row` holds (invariant I4): the row itself, any other under the same profile URL or
   * email, and any with the same name + company that no profile URL or email contradicts (SAME_NAME_COMPATIBLY).
   */
  copiesOf(row: ContactRow, name: Buffer | null): ContactRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM contacts WHERE id = @id OR (@url IS NOT NULL AND url_index = @url) OR (@email IS NOT NULL AND email_index = @email)
           OR (@name IS NOT NULL AND ${SAME_NAME_COMPATIBLY}) ORDER BY created_at, id`,
      )
      .all({ id: row.id, url: row.url_index, email: row.email_index, name }) as ContactRow[];
    // Two copies with different profiles (or emails) matched by name alone are namesakes, not one person: then only
    // what shares the person's own profile or email, and records with neither, are taken.
    const differ = (column: 'url_index' | 'email_index') => new Set(rows.flatMap((r) => (r[column] ? [r[column].toString('hex')] : []))).size > 1;
    if (!differ('url_index') && !differ('email_index')) return rows;
    const same = (a: Buffer | null, b: Buffer | null) => a !== null && b !== null && a.equals(b);
    return rows.filter((r) => r.id === row.id || same(r.url_index, row.url_index) || same(r.email_index, row.email_index) || (r.url_index === null && r.email_index === null));
  }

  /** The contact already holding one of these identities: by URL, else email, else name. */
  findByIndexes(ix: ContactIndexes): ContactRow | null {
    return (ix.url && this.byUrl.get(ix.url)) || (ix.email && this.byEmail.get(ix.email)) || (ix.name && this.byName.get(ix.name)) || null;
  }

  /**
   * findByIndexes for a pass that writes contacts itself (an import), with the same answers: a Bloom filter of every
   * index findByIndexes can match, read once from the vault and told of each row the pass writes (`note`, with the
   * indexes as stored), answers "nobody" without SQL. `expectedRows` sizes it for the rows the pass may add.
   */
  duplicateFinder(expectedRows: number): { find(ix: ContactIndexes): ContactRow | null; note(stored: ContactIndexes): void } {
    const known = this.db
      .prepare<[], Buffer>(
        `SELECT url_index FROM contacts WHERE url_index IS NOT NULL UNION ALL SELECT email_index FROM contacts WHERE email_index IS NOT NULL
         UNION ALL SELECT name_index FROM contacts WHERE name_index IS NOT NULL AND url_index IS NULL AND email_index IS NULL`,
      )
      .pluck();
    // max(rowid) is read from the end of the table, where count(*) reads all of it; it is never below the count.
    const rows = (this.db.prepare('SELECT coalesce(max(rowid), 0) FROM contacts').pluck().get() as number) + expectedRows;
    const filter = new BlindIndexFilter(rows);
    for (const key of known.iterate()) filter.add(key);
    const maybe = (key: Buffer | null): key is Buffer => key !== null && filter.mayHold(key);
    return {
      find: (ix) => (maybe(ix.url) && this.byUrl.get(ix.url)) || (maybe(ix.email) && this.byEmail.get(ix.email)) || (maybe(ix.name) && this.byName.get(ix.name)) || null,
      note: (stored) => {
        if (stored.url !== null) filter.add(stored.url);
        if (stored.email !== null) filter.add(stored.email);
        // As byName sees it: the name of a row with neither profile URL nor email.
        if (stored.name !== null && stored.url === null && stored.email === null) filter.add(stored.name);
      },
    };
  }

  insert(row: Omit<ContactRow, 'data_ct' | 'legal_hold' | 'last_review_at'>, data: StoredContact): void {
    const ct = this.cipher.encrypt(JSON.stringify(data), row.id);
    this.insertRow.run(row.id, row.import_id, ct, row.url_index, row.email_index, row.name_index, row.email_kind, row.group_id, row.created_at, row.updated_at, row.expires_at);
  }

  update(id: string, fields: { data: StoredContact; indexes: ContactIndexes; emailKind: EmailKind; updatedAt: string }): void {
    // Prepared on first use and kept: an update import runs it for every record.
    this.updateRow ??= this.db.prepare('UPDATE contacts SET data_ct = ?, url_index = ?, email_index = ?, name_index = ?, email_kind = ?, updated_at = ? WHERE id = ?');
    this.updateRow.run(this.cipher.encrypt(JSON.stringify(fields.data), id), fields.indexes.url, fields.indexes.email, fields.indexes.name, fields.emailKind, fields.updatedAt, id);
  }

  setGroup(id: string, groupId: string | null, expiresAt: string | null): void {
    this.groupRow ??= this.db.prepare('UPDATE contacts SET group_id = ?, expires_at = ? WHERE id = ?');
    this.groupRow.run(groupId, expiresAt, id);
  }

  /** Record a review (the anchor 'last-review' counts from it) with the due date it gives. */
  setReviewed(id: string, at: string, expiresAt: string | null): void {
    this.db.prepare('UPDATE contacts SET last_review_at = ?, expires_at = ? WHERE id = ?').run(at, expiresAt, id);
  }

  get(id: string): ContactRow | null {
    return (this.db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined) ?? null;
  }

  /** Decrypt a row: an IntegrityError if the blob was changed or moved from another row. */
  open(row: Pick<ContactRow, 'id' | 'data_ct'>): StoredContact {
    const data = JSON.parse(this.cipher.decrypt(row.data_ct, row.id)) as Partial<StoredContact>;
    // The blob has no schema version: a field added later gets its default here, for rows written before it.
    return { ...data, strippedCategories: data.strippedCategories ?? [] } as StoredContact;
  }

  all(): IterableIterator<ContactRow> {
    return this.db.prepare('SELECT * FROM contacts ORDER BY created_at, id').iterate() as IterableIterator<ContactRow>;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  }
}
