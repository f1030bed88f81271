// Who received what: the recipients register (a CRM, a mailing tool: registered once), the disclosure log (each
// export: which contacts went to which recipient, when, by whom, for what purpose), the Art. 19 tasks an erasure or
// rectification leaves for each recipient that received the person, and the controller's own details. Names,
// regions, contacts and a task's subject are AES-GCM blobs; roles, mechanisms, purposes, dates and counts are not.
import type { RecordCipher } from '../crypto/index.js';
import type { Art19Kind, Purpose, RecipientRole, TransferMechanism } from '../shared/vocabulary.js';
import type { Db } from './database.js';

export interface Recipient {
  id: string;
  name: string;
  role: RecipientRole;
  contractDate: string | null;
  hostingRegion: string;
  transfer: TransferMechanism;
  contact: string | null;
  createdAt: string;
}

export interface Disclosure {
  id: string;
  recipientId: string;
  at: string;
  memberId: string;
  purpose: Purpose;
  noticeRun: boolean;
  contacts: number;
}

export interface Art19Task {
  id: string;
  recipientId: string;
  kind: Art19Kind;
  createdAt: string;
  subject: string | null;
  doneAt: string | null;
}

export interface ControllerDetails {
  name: string;
  contact: string;
  dpo?: string | undefined;
  representative?: string | undefined;
}

interface RecipientRow {
  id: string;
  role: RecipientRole;
  contract_date: string | null;
  transfer: TransferMechanism;
  detail_ct: Buffer;
  created_at: string;
}

interface DisclosureRow {
  id: string;
  recipient_id: string;
  at: string;
  member_id: string;
  purpose: Purpose;
  notice_run: number;
  contacts: number;
}

interface TaskRow {
  id: string;
  recipient_id: string;
  kind: Art19Kind;
  created_at: string;
  subject_ct: Buffer | null;
  done_at: string | null;
}

const disclosureOf = (r: DisclosureRow): Disclosure => ({
  id: r.id,
  recipientId: r.recipient_id,
  at: r.at,
  memberId: r.member_id,
  purpose: r.purpose,
  noticeRun: r.notice_run === 1,
  contacts: r.contacts,
});

export class DisclosuresRepo {
  private recipientsOfContact: ReturnType<Db['prepare']> | undefined;

  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {}

  addRecipient(r: Recipient, by: string): void {
    const detail = { name: r.name, hostingRegion: r.hostingRegion, contact: r.contact };
    this.db
      .prepare('INSERT INTO recipients (id, role, contract_date, transfer, detail_ct, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.id, r.role, r.contractDate, r.transfer, this.cipher.encrypt(JSON.stringify(detail), `recipient:${r.id}`), r.createdAt, by);
  }

  recipients(): Recipient[] {
    return (this.db.prepare('SELECT * FROM recipients ORDER BY created_at, rowid').all() as RecipientRow[]).map((r) => {
      const d = JSON.parse(this.cipher.decrypt(r.detail_ct, `recipient:${r.id}`)) as { name: string; hostingRegion: string; contact: string | null };
      return { id: r.id, role: r.role, contractDate: r.contract_date, transfer: r.transfer, createdAt: r.created_at, ...d };
    });
  }

  recipient(id: string): Recipient | null {
    return this.recipients().find((r) => r.id === id) ?? null;
  }

  /** Log one export: the disclosure and the ids of the contacts it carried. */
  record(d: Disclosure, contactIds: readonly string[]): void {
    this.db
      .prepare('INSERT INTO disclosures (id, recipient_id, at, member_id, purpose, notice_run, contacts) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(d.id, d.recipientId, d.at, d.memberId, d.purpose, d.noticeRun ? 1 : 0, contactIds.length);
    const link = this.db.prepare('INSERT INTO disclosed_contacts (disclosure_id, contact_id) VALUES (?, ?)');
    for (const id of contactIds) link.run(d.id, id);
  }

  /** Every disclosure, newest first; or those that carried this contact. */
  disclosures(contactId?: string): Disclosure[] {
    const rows =
      contactId === undefined
        ? (this.db.prepare('SELECT * FROM disclosures ORDER BY at DESC, rowid DESC').all() as DisclosureRow[])
        : (this.db
            .prepare('SELECT d.* FROM disclosures d JOIN disclosed_contacts dc ON dc.disclosure_id = d.id WHERE dc.contact_id = ? ORDER BY d.at DESC, d.rowid DESC')
            .all(contactId) as DisclosureRow[]);
    return rows.map(disclosureOf);
  }

  disclosure(id: string): Disclosure | null {
    const row = this.db.prepare('SELECT * FROM disclosures WHERE id = ?').get(id) as DisclosureRow | undefined;
    return row ? disclosureOf(row) : null;
  }

  /** The contacts one disclosure carried that are still in the vault. */
  contactsOf(disclosureId: string): string[] {
    return (this.db.prepare('SELECT contact_id FROM disclosed_contacts WHERE disclosure_id = ?').all(disclosureId) as { contact_id: string }[]).map((r) => r.contact_id);
  }

  /** The recipients that received any of these contacts (each once). Prepared once: an update import asks per record. */
  recipientsOf(contactIds: readonly string[]): string[] {
    this.recipientsOfContact ??= this.db.prepare('SELECT DISTINCT d.recipient_id AS id FROM disclosures d JOIN disclosed_contacts dc ON dc.disclosure_id = d.id WHERE dc.contact_id = ?');
    const stmt = this.recipientsOfContact;
    return [...new Set(contactIds.flatMap((c) => (stmt.all(c) as { id: string }[]).map((r) => r.id)))];
  }

  /** How many disclosures each recipient received (recipients with none are absent). */
  disclosureCounts(): Map<string, number> {
    const rows = this.db.prepare('SELECT recipient_id AS id, count(*) AS n FROM disclosures GROUP BY recipient_id').all() as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** An Art. 19 task: tell this recipient of an erasure or a rectification of `subject` (encrypted until done). */
  addTask(t: { id: string; recipientId: string; kind: Art19Kind; createdAt: string; subject: string }): void {
    this.db
      .prepare('INSERT INTO art19_tasks (id, recipient_id, kind, created_at, subject_ct) VALUES (?, ?, ?, ?, ?)')
      .run(t.id, t.recipientId, t.kind, t.createdAt, this.cipher.encrypt(t.subject, `art19:${t.id}`));
  }

  tasks(includeDone: boolean): Art19Task[] {
    const rows = this.db.prepare(`SELECT * FROM art19_tasks ${includeDone ? '' : 'WHERE done_at IS NULL'} ORDER BY created_at, rowid`).all() as TaskRow[];
    return rows.map((r) => this.taskOf(r));
  }

  /** One task, open or done; null when there is none with this id. */
  task(id: string): Art19Task | null {
    const row = this.db.prepare('SELECT * FROM art19_tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row ? this.taskOf(row) : null;
  }

  private taskOf(r: TaskRow): Art19Task {
    return {
      id: r.id,
      recipientId: r.recipient_id,
      kind: r.kind,
      createdAt: r.created_at,
      subject: r.subject_ct ? this.cipher.decrypt(r.subject_ct, `art19:${r.id}`) : null,
      doneAt: r.done_at,
    };
  }

  /** Mark a task done; the subject is wiped, since the recipient has been told. False when there is no open task. */
  completeTask(id: string, at: string, by: string): boolean {
    return this.db.prepare('UPDATE art19_tasks SET done_at = ?, done_by = ?, subject_ct = NULL WHERE id = ? AND done_at IS NULL').run(at, by, id).changes > 0;
  }

  controller(): ControllerDetails | null {
    const row = this.db.prepare('SELECT detail_ct FROM controller_details WHERE id = 1').get() as { detail_ct: Buffer } | undefined;
    return row ? (JSON.parse(this.cipher.decrypt(row.detail_ct, 'controller')) as ControllerDetails) : null;
  }

  setController(d: ControllerDetails, at: string, by: string): void {
    this.db
      .prepare(
        `INSERT INTO controller_details (id, detail_ct, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET detail_ct = excluded.detail_ct, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(this.cipher.encrypt(JSON.stringify(d), 'controller'), at, by);
  }
}
