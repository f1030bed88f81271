// Contacts as stored: one AES-GCM blob of everything about the person (the row id is its associated data) and
// plaintext ids, dates, an email-kind enum and blind indexes for dedupe and the suppression list.
import type { BlindIndexer, RecordCipher } from '../crypto/index.js';
import type { StoredContact } from '../shared/domain.js';
import type { EmailKind } from '../shared/vocabulary.js';
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
  legal_hold: number;
  last_review_at: string | null;
}

export interface ContactIndexes {
  url: Buffer | null;
  email: Buffer | null;
  name: Buffer | null;
}

/** The blind indexes of a contact: profile URL and email always, name + company only when neither exists. */
export function indexesOf(index: BlindIndexer, c: Pick<StoredContact, 'profileUrl' | 'email' | 'firstName' | 'lastName' | 'company'>): ContactIndexes {
  const url = c.profileUrl ? index.index('url', c.profileUrl) : null;
  const email = c.email ? index.index('email', c.email) : null;
  const named = c.firstName || c.lastName;
  const name = !url && !email && named ? index.index('name', [c.firstName, c.lastName, c.company].map((s) => s.toLowerCase()).join('\u0000')) : null;
  return { url, email, name };
}

export class ContactsRepo {
  // Prepared once: an import runs these for every record.
  private readonly byUrl;
  private readonly byEmail;
  private readonly byName;
  private readonly insertRow;

  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {
    // `IS NOT NULL` lets SQLite use the partial indexes.
    const by = (column: string) => db.prepare<[Buffer], ContactRow>(`SELECT * FROM contacts WHERE ${column} = ? AND ${column} IS NOT NULL LIMIT 1`);
    this.byUrl = by('url_index');
    this.byEmail = by('email_index');
    this.byName = by('name_index');
    this.insertRow = db.prepare(
      `INSERT INTO contacts (id, import_id, data_ct, url_index, email_index, name_index, email_kind, group_id, created_at, updated_at, expires_at)
       VALUES (@id, @import_id, @data_ct, @url_index, @email_index, @name_index, @email_kind, @group_id, @created_at, @updated_at, @expires_at)`,
    );
  }

  /** The contact already holding one of these identities: by URL, else email, else name. */
  findByIndexes(ix: ContactIndexes): ContactRow | null {
    return (ix.url && this.byUrl.get(ix.url)) || (ix.email && this.byEmail.get(ix.email)) || (ix.name && this.byName.get(ix.name)) || null;
  }

  insert(row: Omit<ContactRow, 'data_ct' | 'legal_hold' | 'last_review_at'>, data: StoredContact): void {
    this.insertRow.run({ ...row, data_ct: this.cipher.encrypt(JSON.stringify(data), row.id) });
  }

  update(id: string, fields: { data: StoredContact; indexes: ContactIndexes; emailKind: EmailKind; updatedAt: string }): void {
    this.db
      .prepare('UPDATE contacts SET data_ct = ?, url_index = ?, email_index = ?, name_index = ?, email_kind = ?, updated_at = ? WHERE id = ?')
      .run(this.cipher.encrypt(JSON.stringify(fields.data), id), fields.indexes.url, fields.indexes.email, fields.indexes.name, fields.emailKind, fields.updatedAt, id);
  }

  setGroup(id: string, groupId: string | null, expiresAt: string | null): void {
    this.db.prepare('UPDATE contacts SET group_id = ?, expires_at = ? WHERE id = ?').run(groupId, expiresAt, id);
  }

  get(id: string): ContactRow | null {
    return (this.db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined) ?? null;
  }

  /** Decrypt a row: an IntegrityError if the blob was changed or moved from another row. */
  open(row: ContactRow): StoredContact {
    return JSON.parse(this.cipher.decrypt(row.data_ct, row.id)) as StoredContact;
  }

  all(): IterableIterator<ContactRow> {
    return this.db.prepare('SELECT * FROM contacts ORDER BY created_at, id').iterate() as IterableIterator<ContactRow>;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  }
}
