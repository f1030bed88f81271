// Art. 14 notices, one row per person told or exempt (a person with no row has not been told). The status, day,
// channel and Art. 14(5) ground are enums and dates; the notice version, DPIA reference, reason and where the notice
// is published are one AES-GCM blob with `notice:<contact id>` as its associated data. The first disclosure of a
// person (which brings the notice's date forward, Art. 14(3)(c)) is read from the disclosure log.
import type { RecordCipher } from '../crypto/index.js';
import type { Art14Exemption, ContactChannel } from '../shared/vocabulary.js';
import type { Db } from './database.js';

export interface NoticeRecord {
  contactId: string;
  status: 'sent' | 'exempt';
  day: string;
  channel: ContactChannel | null;
  exemption: Art14Exemption | null;
  version: string | null;
  dpiaReference: string | null;
  reason: string | null;
  publishedAt: string | null;
  carriedOver: boolean;
  confirmed: boolean;
}

interface NoticeRow {
  contact_id: string;
  status: 'sent' | 'exempt';
  day: string;
  channel: ContactChannel | null;
  exemption: Art14Exemption | null;
  detail_ct: Buffer;
  carried_over: number;
  confirmed_at: string | null;
}

type Detail = Pick<NoticeRecord, 'version' | 'dpiaReference' | 'reason' | 'publishedAt'>;

/** What the notice state of a person depends on, without decrypting anything. */
export interface NoticeFacts {
  status: 'sent' | 'exempt';
  /** False for a carried-over record not yet confirmed: it does not count. */
  counts: boolean;
  carriedOver: boolean;
  day: string;
  channel: ContactChannel | null;
  exemption: Art14Exemption | null;
}

export class NoticesRepo {
  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {}

  /** Record (or replace) a person's notice. */
  put(r: Omit<NoticeRecord, 'confirmed'> & { recordedAt: string; recordedBy: string | null }): void {
    const detail: Detail = { version: r.version, dpiaReference: r.dpiaReference, reason: r.reason, publishedAt: r.publishedAt };
    this.db
      .prepare(
        `INSERT INTO notices (contact_id, status, day, channel, exemption, detail_ct, carried_over, confirmed_at, confirmed_by, recorded_at, recorded_by)
         VALUES (@contactId, @status, @day, @channel, @exemption, @detail, @carried, NULL, NULL, @at, @by)
         ON CONFLICT(contact_id) DO UPDATE SET status = excluded.status, day = excluded.day, channel = excluded.channel,
           exemption = excluded.exemption, detail_ct = excluded.detail_ct, carried_over = excluded.carried_over,
           confirmed_at = NULL, confirmed_by = NULL, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
      )
      .run({
        contactId: r.contactId,
        status: r.status,
        day: r.day,
        channel: r.channel,
        exemption: r.exemption,
        detail: this.cipher.encrypt(JSON.stringify(detail), `notice:${r.contactId}`),
        carried: r.carriedOver ? 1 : 0,
        at: r.recordedAt,
        by: r.recordedBy,
      });
  }

  get(contactId: string): NoticeRecord | null {
    const row = this.db.prepare('SELECT * FROM notices WHERE contact_id = ?').get(contactId) as NoticeRow | undefined;
    if (!row) return null;
    const detail = JSON.parse(this.cipher.decrypt(row.detail_ct, `notice:${row.contact_id}`)) as Detail;
    const carriedOver = row.carried_over === 1;
    return { contactId: row.contact_id, status: row.status, day: row.day, channel: row.channel, exemption: row.exemption, ...detail, carriedOver, confirmed: !carriedOver || row.confirmed_at !== null };
  }

  /** Every person's notice facts, keyed by contact id (nothing decrypted). */
  facts(): Map<string, NoticeFacts> {
    const out = new Map<string, NoticeFacts>();
    for (const r of this.db.prepare('SELECT contact_id, status, day, channel, exemption, carried_over, confirmed_at FROM notices').iterate() as IterableIterator<Omit<NoticeRow, 'detail_ct'>>) {
      const carriedOver = r.carried_over === 1;
      out.set(r.contact_id, { status: r.status, counts: !carriedOver || r.confirmed_at !== null, carriedOver, day: r.day, channel: r.channel, exemption: r.exemption });
    }
    return out;
  }

  /** Confirm carried-over sent notices of these contacts (an exemption must be recorded anew: see notices.ts). */
  confirm(contactIds: readonly string[], at: string, by: string): number {
    const stmt = this.db.prepare("UPDATE notices SET confirmed_at = ?, confirmed_by = ? WHERE contact_id = ? AND carried_over = 1 AND confirmed_at IS NULL AND status = 'sent'");
    let n = 0;
    for (const id of contactIds) n += stmt.run(at, by, id).changes;
    return n;
  }
}

/**
 * The day each contact was first disclosed to a recipient (Art. 14(3)(c)), from the disclosure log. A notice run (an
 * export made to send the notice itself) is left out: it is how the notice is given (Art. 14(3)(b)), not a disclosure
 * the notice must come before.
 */
export function firstDisclosures(db: Db): Map<string, string> {
  const rows = db
    .prepare('SELECT dc.contact_id AS contactId, min(d.at) AS at FROM disclosed_contacts dc JOIN disclosures d ON d.id = dc.disclosure_id WHERE d.notice_run = 0 GROUP BY dc.contact_id')
    .all() as { contactId: string; at: string }[];
  return new Map(rows.map((r) => [r.contactId, r.at.slice(0, 10)]));
}

/** A person not yet told in a way that counts: no notice record, or a carried-over one no data owner confirmed. */
export interface UntoldRow extends NoticeSubject {
  /** The carried-over record's status; null when there is no record. */
  status: 'sent' | 'exempt' | null;
  /** The day of their first disclosure other than a notice run, or null. */
  firstDisclosedOn: string | null;
}

/** Each person not yet told in a way that counts, one row at a time (nobody collected; those told are not read). */
export function untoldRows(db: Db): IterableIterator<UntoldRow> {
  return db
    .prepare(
      `SELECT c.id AS contactId, c.group_id AS groupId, c.created_at AS obtainedAt, n.status AS status,
              (SELECT substr(min(d.at), 1, 10) FROM disclosed_contacts dc JOIN disclosures d ON d.id = dc.disclosure_id
               WHERE dc.contact_id = c.id AND d.notice_run = 0) AS firstDisclosedOn
       FROM contacts c LEFT JOIN notices n ON n.contact_id = c.id
       WHERE n.contact_id IS NULL OR (n.carried_over = 1 AND n.confirmed_at IS NULL)`,
    )
    .iterate() as IterableIterator<UntoldRow>;
}

/** Who a notice is owed to: every contact (or one group's, or quarantine's with null) and when their data was obtained. */
export interface NoticeSubject {
  contactId: string;
  groupId: string | null;
  /** contacts.created_at: when the vault first held the person's data. */
  obtainedAt: string;
}

export function noticeSubjects(db: Db, filter: { groupId?: string | null; contactIds?: readonly string[] } = {}): NoticeSubject[] {
  type Row = { id: string; group_id: string | null; created_at: string };
  const of = (r: Row): NoticeSubject => ({ contactId: r.id, groupId: r.group_id, obtainedAt: r.created_at });
  if (filter.contactIds !== undefined) {
    const one = db.prepare('SELECT id, group_id, created_at FROM contacts WHERE id = ?');
    return filter.contactIds.flatMap((id) => {
      const row = one.get(id) as Row | undefined;
      return row ? [of(row)] : [];
    });
  }
  if (filter.groupId === undefined) return (db.prepare('SELECT id, group_id, created_at FROM contacts ORDER BY created_at, id').all() as Row[]).map(of);
  const where = filter.groupId === null ? 'group_id IS NULL' : 'group_id = ?';
  const args = filter.groupId === null ? [] : [filter.groupId];
  return (db.prepare(`SELECT id, group_id, created_at FROM contacts WHERE ${where} ORDER BY created_at, id`).all(...args) as Row[]).map(of);
}
