// The PECR records of schema 8 (src/vault/migrations/0008-marketing-rules.ts): subscriber types confirmed per contact
// or per company (by the blind index of the company's name), soft opt-ins per person, and TPS/CTPS screenings. Types,
// entities, channels, contexts, lists and dates are in the clear; what a person typed (a Companies House number, a
// note, the products, how refusal was offered, a list's version, the provider) is one AES-GCM blob bound to its row.
import type { RecordCipher } from '../crypto/index.js';
import type { SoftOptInChannel, SoftOptInContext, SubscriberEntity, SubscriberType, TpsList } from '../shared/vocabulary.js';
import type { Db } from './database.js';

export interface SubscriberRecord {
  type: SubscriberType;
  entity: SubscriberEntity;
  companyNumber: string | null;
  note: string | null;
  confirmedAt: string;
  confirmedBy: string;
}

export interface SoftOptInRecord {
  id: string;
  contactId: string;
  channels: SoftOptInChannel[];
  obtainedAt: string;
  context: SoftOptInContext;
  products: string;
  refusalOffered: string;
  createdAt: string;
  createdBy: string | null;
}

export interface TpsScreeningRecord {
  id: string;
  screenedOn: string;
  list: TpsList;
  listVersion: string;
  provider: string | null;
  createdAt: string;
  createdBy: string;
}

interface SubscriberRow {
  type: SubscriberType;
  entity: SubscriberEntity;
  detail_ct: Buffer | null;
  confirmed_at: string;
  confirmed_by: string;
}

const companyAd = (index: Buffer) => `company-subscriber:${index.toString('hex')}`;

export class MarketingRepo {
  constructor(
    private readonly db: Db,
    private readonly cipher: RecordCipher,
  ) {}

  /** Confirm (or confirm again) one contact's subscriber type. */
  confirmContact(contactId: string, r: SubscriberRecord): void {
    this.db
      .prepare('INSERT OR REPLACE INTO subscriber_types (contact_id, type, entity, detail_ct, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(contactId, r.type, r.entity, this.detail(r, `subscriber:${contactId}`), r.confirmedAt, r.confirmedBy);
  }

  /** Confirm (or confirm again) the subscriber type of everyone at a company, found by its name's blind index. */
  confirmCompany(companyIndex: Buffer, r: SubscriberRecord): void {
    this.db
      .prepare('INSERT OR REPLACE INTO company_subscriber_types (company_index, type, entity, detail_ct, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(companyIndex, r.type, r.entity, this.detail(r, companyAd(companyIndex)), r.confirmedAt, r.confirmedBy);
  }

  /** Every contact's own confirmation, by contact id. */
  contactConfirmations(): Map<string, SubscriberRecord> {
    const rows = this.db.prepare('SELECT contact_id, type, entity, detail_ct, confirmed_at, confirmed_by FROM subscriber_types').all() as (SubscriberRow & { contact_id: string })[];
    return new Map(rows.map((r) => [r.contact_id, this.open(r, `subscriber:${r.contact_id}`)]));
  }

  /** Every company's confirmation, by the hex of its name's blind index. */
  companyConfirmations(): Map<string, SubscriberRecord> {
    const rows = this.db.prepare('SELECT company_index, type, entity, detail_ct, confirmed_at, confirmed_by FROM company_subscriber_types').all() as (SubscriberRow & { company_index: Buffer })[];
    return new Map(rows.map((r) => [r.company_index.toString('hex'), this.open(r, companyAd(r.company_index))]));
  }

  addSoftOptIn(r: SoftOptInRecord): void {
    this.db
      .prepare('INSERT INTO soft_opt_ins (id, contact_id, channels, obtained_at, context, detail_ct, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.id, r.contactId, r.channels.join(','), r.obtainedAt, r.context, this.cipher.encrypt(JSON.stringify({ products: r.products, refusalOffered: r.refusalOffered }), `soft-opt-in:${r.id}`), r.createdAt, r.createdBy);
  }

  /** The channels each contact's soft opt-ins cover (nothing is decrypted). */
  softOptInChannels(): Map<string, Set<SoftOptInChannel>> {
    const out = new Map<string, Set<SoftOptInChannel>>();
    for (const r of this.db.prepare('SELECT contact_id, channels FROM soft_opt_ins').iterate() as IterableIterator<{ contact_id: string; channels: string }>) {
      const set = out.get(r.contact_id) ?? new Set<SoftOptInChannel>();
      for (const c of r.channels.split(',')) set.add(c as SoftOptInChannel);
      out.set(r.contact_id, set);
    }
    return out;
  }

  /** One contact's soft opt-ins, oldest first. */
  softOptIns(contactId: string): SoftOptInRecord[] {
    const rows = this.db.prepare('SELECT * FROM soft_opt_ins WHERE contact_id = ? ORDER BY created_at, id').all(contactId) as {
      id: string;
      contact_id: string;
      channels: string;
      obtained_at: string;
      context: SoftOptInContext;
      detail_ct: Buffer;
      created_at: string;
      created_by: string | null;
    }[];
    return rows.map((r) => {
      const { products, refusalOffered } = JSON.parse(this.cipher.decrypt(r.detail_ct, `soft-opt-in:${r.id}`)) as { products: string; refusalOffered: string };
      return { id: r.id, contactId: r.contact_id, channels: r.channels.split(',') as SoftOptInChannel[], obtainedAt: r.obtained_at, context: r.context, products, refusalOffered, createdAt: r.created_at, createdBy: r.created_by };
    });
  }

  addScreening(r: TpsScreeningRecord): void {
    this.db
      .prepare('INSERT INTO tps_screenings (id, screened_at, list, detail_ct, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(r.id, r.screenedOn, r.list, this.cipher.encrypt(JSON.stringify({ listVersion: r.listVersion, provider: r.provider }), `tps:${r.id}`), r.createdAt, r.createdBy);
  }

  /** Every screening, newest first (decrypted: the list's version and the provider). */
  screenings(): TpsScreeningRecord[] {
    const rows = this.db.prepare('SELECT * FROM tps_screenings ORDER BY screened_at DESC, created_at DESC').all() as {
      id: string;
      screened_at: string;
      list: TpsList;
      detail_ct: Buffer;
      created_at: string;
      created_by: string;
    }[];
    return rows.map((r) => {
      const { listVersion, provider } = JSON.parse(this.cipher.decrypt(r.detail_ct, `tps:${r.id}`)) as { listVersion: string; provider: string | null };
      return { id: r.id, screenedOn: r.screened_at, list: r.list, listVersion, provider, createdAt: r.created_at, createdBy: r.created_by };
    });
  }

  /** The screenings' days and lists only (nothing is decrypted): what the phone rule reads. */
  screeningDays(): { screenedOn: string; list: TpsList }[] {
    return this.db.prepare('SELECT screened_at AS screenedOn, list FROM tps_screenings').all() as { screenedOn: string; list: TpsList }[];
  }

  private detail(r: Pick<SubscriberRecord, 'companyNumber' | 'note'>, ad: string): Buffer | null {
    if (r.companyNumber === null && r.note === null) return null;
    return this.cipher.encrypt(JSON.stringify({ companyNumber: r.companyNumber, note: r.note }), ad);
  }

  private open(r: SubscriberRow, ad: string): SubscriberRecord {
    const detail = r.detail_ct ? (JSON.parse(this.cipher.decrypt(r.detail_ct, ad)) as { companyNumber: string | null; note: string | null }) : { companyNumber: null, note: null };
    return { type: r.type, entity: r.entity, ...detail, confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by };
  }
}
