// Consent records, one per person and purpose (Art. 7(1)): the purpose, channels, date and method are enums and dates
// in the clear; the wording, its version and the proof reference are one AES-GCM blob with `consent:<id>` as its
// associated data. A record is live when it is not withdrawn and is not an unconfirmed carry-over from a group. Since
// schema 8 a record may be explicit (Art. 9(2)(a)), in the clear: it says what kind of consent, not what was agreed.
import type { RecordCipher } from '../crypto/index.js';
import type { ConsentMethod, ContactChannel, Purpose } from '../shared/vocabulary.js';
import type { Db } from './database.js';

export interface ConsentRecord {
  id: string;
  contactId: string;
  purpose: Purpose;
  channels: ContactChannel[];
  obtainedAt: string;
  method: ConsentMethod;
  wording: string;
  wordingVersion: string;
  proof: string;
  withdrawnAt: string | null;
  withdrawalMethod: ConsentMethod | null;
  /** Explicit consent (UK GDPR Art. 9(2)(a)): an express statement, here to special-category data (schema 8). */
  explicit: boolean;
  carriedOver: boolean;
  confirmed: boolean;
  live: boolean;
}

interface ConsentRow {
  id: string;
  contact_id: string;
  purpose: Purpose;
  channels: string;
  obtained_at: string;
  method: ConsentMethod;
  record_ct: Buffer;
  withdrawn_at: string | null;
  withdrawal_method: ConsentMethod | null;
  explicit: number;
  carried_over: number;
  confirmed_at: string | null;
}

/** The live consents of contacts, keyed by contact id: what consent-based uses, PECR and Art. 9(2)(a) checks rely on. */
export type LiveConsents = Map<string, { purpose: Purpose; channels: ContactChannel[]; explicit: boolean }[]>;

const LIVE = 'withdrawn_at IS NULL AND (carried_over = 0 OR confirmed_at IS NOT NULL)';

export class ConsentsRepo {
  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {}

  insert(r: Omit<ConsentRecord, 'withdrawnAt' | 'withdrawalMethod' | 'confirmed' | 'live' | 'explicit'> & { explicit?: boolean; createdAt: string; createdBy: string | null }): void {
    this.db
      .prepare(
        `INSERT INTO consents (id, contact_id, purpose, channels, obtained_at, method, record_ct, explicit, carried_over, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        r.contactId,
        r.purpose,
        r.channels.join(','),
        r.obtainedAt,
        r.method,
        this.cipher.encrypt(JSON.stringify({ wording: r.wording, wordingVersion: r.wordingVersion, proof: r.proof }), `consent:${r.id}`),
        r.explicit === true ? 1 : 0,
        r.carriedOver ? 1 : 0,
        r.createdAt,
        r.createdBy,
      );
  }

  get(id: string): ConsentRecord | null {
    const row = this.db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined;
    return row ? this.open(row) : null;
  }

  /** Every record of these contacts (all when `contactIds` is null), oldest first. */
  list(contactIds: readonly string[] | null): ConsentRecord[] {
    const rows =
      contactIds === null
        ? (this.db.prepare('SELECT * FROM consents ORDER BY created_at, id').all() as ConsentRow[])
        : contactIds.flatMap((id) => this.db.prepare('SELECT * FROM consents WHERE contact_id = ? ORDER BY created_at, id').all(id) as ConsentRow[]);
    return rows.map((r) => this.open(r));
  }

  /** Every record of the contacts now in this group, oldest first. */
  ofGroup(groupId: string): ConsentRecord[] {
    const rows = this.db
      .prepare('SELECT consents.* FROM consents JOIN contacts ON contacts.id = consents.contact_id WHERE contacts.group_id = ? ORDER BY consents.created_at, consents.id')
      .all(groupId) as ConsentRow[];
    return rows.map((r) => this.open(r));
  }

  /** Those of these ids that name no record. */
  unknown(ids: readonly string[]): string[] {
    const stmt = this.db.prepare('SELECT 1 FROM consents WHERE id = ?');
    return ids.filter((id) => stmt.get(id) === undefined);
  }

  /** The live consents of every contact (purpose and channels only: nothing is decrypted). */
  live(): LiveConsents {
    const out: LiveConsents = new Map();
    for (const r of this.db.prepare(`SELECT contact_id, purpose, channels, explicit FROM consents WHERE ${LIVE}`).iterate() as IterableIterator<Pick<ConsentRow, 'contact_id' | 'purpose' | 'channels' | 'explicit'>>) {
      const list = out.get(r.contact_id) ?? [];
      list.push({ purpose: r.purpose, channels: r.channels.split(',') as ContactChannel[], explicit: r.explicit === 1 });
      out.set(r.contact_id, list);
    }
    return out;
  }

  withdraw(id: string, at: string, method: ConsentMethod): boolean {
    return this.db.prepare('UPDATE consents SET withdrawn_at = ?, withdrawal_method = ? WHERE id = ? AND withdrawn_at IS NULL').run(at, method, id).changes > 0;
  }

  /** Confirm carried-over records (of these contacts, or these ids): they count from now on. */
  confirm(where: { contactIds: readonly string[] } | { ids: readonly string[] }, at: string, by: string): number {
    const stmt = this.db.prepare(
      `UPDATE consents SET confirmed_at = ?, confirmed_by = ? WHERE ${'ids' in where ? 'id' : 'contact_id'} = ? AND carried_over = 1 AND confirmed_at IS NULL`,
    );
    let n = 0;
    for (const id of 'ids' in where ? where.ids : where.contactIds) n += stmt.run(at, by, id).changes;
    return n;
  }

  /** Confirm the carried-over records of every contact now in this group. */
  confirmGroup(groupId: string, at: string, by: string): number {
    return this.db
      .prepare(
        `UPDATE consents SET confirmed_at = ?, confirmed_by = ?
         WHERE carried_over = 1 AND confirmed_at IS NULL AND contact_id IN (SELECT id FROM contacts WHERE group_id = ?)`,
      )
      .run(at, by, groupId).changes;
  }

  private open(row: ConsentRow): ConsentRecord {
    const { wording, wordingVersion, proof } = JSON.parse(this.cipher.decrypt(row.record_ct, `consent:${row.id}`)) as { wording: string; wordingVersion: string; proof: string };
    const carriedOver = row.carried_over === 1;
    const confirmed = !carriedOver || row.confirmed_at !== null;
    return {
      id: row.id,
      contactId: row.contact_id,
      purpose: row.purpose,
      channels: row.channels.split(',') as ContactChannel[],
      obtainedAt: row.obtained_at,
      method: row.method,
      wording,
      wordingVersion,
      proof,
      withdrawnAt: row.withdrawn_at,
      withdrawalMethod: row.withdrawal_method,
      explicit: row.explicit === 1,
      carriedOver,
      confirmed,
      live: row.withdrawn_at === null && confirmed,
    };
  }
}
