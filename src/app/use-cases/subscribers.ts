// Subscriber types under PECR (reg. 2, reg. 22): each contact's type inferred from the data with its reason
// (src/policy/subscriber-type.ts), and confirmed by a data owner for one contact or for everyone at a company, found by
// the blind index of the company's normalised name. A contact's own confirmation wins over its company's. Exports read
// the same standings (confirmationsOf), so what the list shows is what the export applies.
import type { Response, ValidRequest } from '../../api/contract.js';
import type { AuditDetails } from '../../audit/audit-log.js';
import { ENTITY_TYPE, normaliseCompanyName, subscriberStanding, type SubscriberConfirmation } from '../../policy/subscriber-type.js';
import { ServiceError } from '../../shared/errors.js';
import type { SoftOptInChannel, SubscriberEntity, SubscriberType } from '../../shared/vocabulary.js';
import type { StoredContact } from '../../shared/domain.js';
import type { MarketingFacts } from '../../export/subject-access.js';
import type { ContactRow } from '../../vault/contacts-repo.js';
import type { SubscriberRecord } from '../../vault/marketing-repo.js';
import type { Session } from '../../vault/session.js';

export interface SubscriberView {
  contactId: string;
  name: string;
  company: string;
  inferred: ReturnType<typeof subscriberStanding>['inferred']['type'];
  reason: string;
  confirmed: (Omit<SubscriberConfirmation, 'by'> & { by: 'contact' | 'company'; companyNumber: string | null; note: string | null; confirmedAt: string }) | null;
  treatedAs: SubscriberType;
  softOptIn: SoftOptInChannel[];
}

export type SubscriberConfirmRequest = ({ contactId: string } | { company: string }) & { entity: SubscriberEntity; companyNumber?: string | undefined; note?: string | undefined };

/** The blind index of a company's normalised name, or null when it has none. */
export function companyIndexOf(session: Session, company: string): Buffer | null {
  const name = normaliseCompanyName(company);
  return name === '' ? null : session.index.index('company', name);
}

type Confirmed = SubscriberRecord & { by: 'contact' | 'company' };

/**
 * A function giving each contact the confirmation that applies to it: its own, else its company's, else null. A
 * company's confirmation says what the company is, so it does not reach a personal mailbox (the person holds that
 * mailbox themselves, PECR reg. 2): only a confirmation for that contact does.
 */
export function confirmationsOf(session: Session): (row: Pick<ContactRow, 'id' | 'email_kind'>, contact: Pick<StoredContact, 'company'>) => Confirmed | null {
  const own = session.marketing.contactConfirmations();
  const byCompany = session.marketing.companyConfirmations();
  return (row, contact) => {
    const mine = own.get(row.id);
    if (mine) return { ...mine, by: 'contact' };
    if (byCompany.size === 0 || row.email_kind === 'personal') return null;
    const index = companyIndexOf(session, contact.company);
    const theirs = index ? byCompany.get(index.toString('hex')) : undefined;
    return theirs ? { ...theirs, by: 'company' } : null;
  };
}

/** Confirm a contact's subscriber type, or that of everyone at a company: the number of contacts it covers now (confirmationsOf). */
export function confirmSubscriber(session: Session, request: SubscriberConfirmRequest): { type: SubscriberType; contacts: number } {
  return session.perform('subscriber-confirm', () => {
    const type = ENTITY_TYPE[request.entity];
    const record: SubscriberRecord = {
      type,
      entity: request.entity,
      companyNumber: request.companyNumber ?? null,
      note: request.note ?? null,
      confirmedAt: session.vault.now().toISOString(),
      confirmedBy: session.memberId,
    };
    if ('contactId' in request) {
      if (!session.contacts.get(request.contactId)) throw new ServiceError('not-found', 'There is no such contact: contacts list shows them.');
      session.marketing.confirmContact(request.contactId, record);
      const details: AuditDetails = { contactId: request.contactId, scope: 'contact', entity: request.entity };
      return { value: { type, contacts: 1 }, details };
    }
    const index = companyIndexOf(session, request.company);
    if (!index) throw new ServiceError('invalid', 'Name the company whose subscriber type you confirm.');
    session.marketing.confirmCompany(index, record);
    let contacts = 0;
    for (const row of session.contacts.all()) {
      if (row.email_kind !== 'personal' && companyIndexOf(session, session.contacts.open(row).company)?.equals(index) === true) contacts++;
    }
    return { value: { type, contacts }, details: { scope: 'company', entity: request.entity, contacts } };
  });
}

/** A page of contacts' subscriber types (of a group, or one contact): inferred with its reason, confirmed and how, and what the rules apply. */
export function listSubscribers(session: Session, filter: ValidRequest<'subscribers.list'>): Response<'subscribers.list'> {
  return session.repeatableRead('subscriber-list', () => {
    if (filter.groupId !== undefined && !session.groups.exists(filter.groupId)) throw new ServiceError('not-found', 'There is no such group: groups list shows them.');
    if (filter.contactId !== undefined && !session.contacts.get(filter.contactId)) throw new ServiceError('not-found', 'There is no such contact: contacts list shows them.');
    const where = [...(filter.contactId !== undefined ? ['id = @contactId'] : []), ...(filter.groupId !== undefined ? ['group_id = @groupId'] : [])];
    const kept = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const params = { contactId: filter.contactId ?? null, groupId: filter.groupId ?? null, limit: filter.limit, offset: filter.offset };
    const total = (session.db.prepare(`SELECT count(*) AS n FROM contacts ${kept}`).get(params) as { n: number }).n;
    const rows = session.db.prepare(`SELECT * FROM contacts ${kept} ORDER BY created_at, id LIMIT @limit OFFSET @offset`).all(params) as ContactRow[];
    const confirmation = confirmationsOf(session);
    const softOptIns = session.marketing.softOptInChannels();
    const subscribers: SubscriberView[] = rows.map((row) => {
      const contact = session.contacts.open(row);
      const confirmed = confirmation(row, contact);
      const standing = subscriberStanding({ emailKind: row.email_kind, soleTrader: contact.soleTrader, company: contact.company, position: contact.position }, confirmed);
      return {
        contactId: row.id,
        name: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
        company: contact.company,
        inferred: standing.inferred.type,
        reason: standing.inferred.reason,
        confirmed: confirmed && { type: confirmed.type, entity: confirmed.entity, by: confirmed.by, companyNumber: confirmed.companyNumber, note: confirmed.note, confirmedAt: confirmed.confirmedAt },
        treatedAs: standing.treatedAs,
        softOptIn: [...(softOptIns.get(row.id) ?? [])],
      };
    });
    return { value: { total, offset: filter.offset, subscribers }, details: { contacts: subscribers.length } };
  });
}

/** What subject access shows of PECR for one person (Art. 15): the subscriber type applied and why, their soft opt-ins. */
export function marketingFactsOf(session: Session, row: ContactRow, contact: StoredContact, copies: readonly string[]): MarketingFacts {
  const confirmed = confirmationsOf(session)(row, contact);
  const standing = subscriberStanding({ emailKind: row.email_kind, soleTrader: contact.soleTrader, company: contact.company, position: contact.position }, confirmed);
  return {
    subscriberType: { treatedAs: standing.treatedAs, inferred: standing.inferred.type, reason: standing.inferred.reason, confirmedAs: confirmed?.entity ?? null },
    softOptIns: copies.flatMap((id) => session.marketing.softOptIns(id)).map((o) => ({ channels: o.channels, obtainedAt: o.obtainedAt, context: o.context, products: o.products })),
  };
}
