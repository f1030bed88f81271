// The sanitised CSV for a CRM (HubSpot's column names): nobody on the suppression list, only contacts whose group
// has a lawful basis for the export's purpose, and for email marketing only the emails PECR lets us use. Pure: the
// vault decrypts and calls.
import type { ContactFacts } from '../policy/contact-facts.js';
import { emailMarketingAllowed } from '../policy/guardrails.js';
import type { GroupPolicy, LawfulBasis, Purpose } from '../policy/lawful-basis.js';
import type { StoredContact } from '../shared/domain.js';
import { toCsv } from './csv-cell.js';
import { BASIS_WORDS, PURPOSE_WORDS } from './labels.js';

export interface ExportableContact {
  id: string;
  contact: StoredContact;
  groupLabel: string;
  /** The group's saved policy; null when the group has no lawful basis yet (quarantine). */
  policy: GroupPolicy | null;
  emailKind: 'corporate' | 'personal' | 'none';
  facts: ContactFacts;
  /**
   * The person is on the suppression list (erased, or objected under Art. 21): never exported, whatever the basis.
   * The vault sets it from the contact's blind indexes; left out, the contact is not suppressed.
   */
  suppressed?: boolean;
}

import { CRM_FIELDS, type CrmField } from '../shared/vocabulary.js';

export { CRM_FIELDS, type CrmField };

export interface CrmExportOptions {
  purpose: Purpose;
  /** The contact fields to export, in any order (columns keep CRM_FIELDS' order); all of them when left out. */
  fields?: readonly CrmField[];
}

export interface CrmExportResult {
  csv: string;
  included: number;
  excluded: { id: string; reason: 'suppressed' | 'no-lawful-basis' | 'purpose-differs' }[];
  emailsWithheld: { id: string; reason: 'individual-subscriber-without-consent' }[];
  /** Sentences for the person exporting, e.g. why the HubSpot legal basis column is empty for some rows. */
  notes: string[];
}

/** HubSpot's column names, so its importer maps them to its default contact properties. */
const FIELD_COLUMNS: Record<CrmField, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  email: 'Email',
  company: 'Company',
  position: 'Job Title',
  profileUrl: 'LinkedIn URL',
  connectedOn: 'Connected On',
};

/** The label of HubSpot's GDPR contact property (internal name `hs_legal_basis`). */
export const HUBSPOT_LEGAL_BASIS_COLUMN = "Legal basis for processing contact's data";

/**
 * The options of HubSpot's "Legal basis for processing contact's data" property (`hs_legal_basis`), spelt as
 * HubSpot spells them: the first two use an en dash (U+2013), "Legitimate interest - other" a hyphen.
 */
export const HUBSPOT_LEGAL_BASES = [
  'Legitimate interest – prospect/lead',
  'Legitimate interest – existing customer',
  'Legitimate interest - other',
  'Performance of a contract',
  'Freely given consent from contact',
  'Not applicable',
] as const;
export type HubSpotLegalBasis = (typeof HUBSPOT_LEGAL_BASES)[number];

const PROSPECTING: readonly Purpose[] = ['prospecting', 'email-marketing', 'events'];

/**
 * HubSpot's value for a lawful basis and purpose. Legal obligation, vital interests and public task have no
 * HubSpot value ("Not applicable" would claim no basis is needed): null, and the column is left empty.
 */
export function hubspotLegalBasis(basis: LawfulBasis, purpose: Purpose): HubSpotLegalBasis | null {
  switch (basis) {
    case 'consent':
      return 'Freely given consent from contact';
    case 'contract':
      return 'Performance of a contract';
    case 'legitimate-interests':
      if (PROSPECTING.includes(purpose)) return 'Legitimate interest – prospect/lead';
      return purpose === 'account-management' ? 'Legitimate interest – existing customer' : 'Legitimate interest - other';
    case 'legal-obligation':
    case 'vital-interests':
    case 'public-task':
      return null;
  }
}

const worse = (a: ContactFacts['emailKind'], b: ContactFacts['emailKind']): ContactFacts['emailKind'] =>
  a === 'personal' || b === 'personal' ? 'personal' : a === 'none' || b === 'none' ? 'none' : 'corporate';

/**
 * PECR reg. 22, through emailMarketingAllowed. The facts, the row's email kind and the stored contact may disagree
 * only through a bug upstream: then the stricter reading wins (a personal mailbox or a sole trader on any side).
 */
function emailMayBeUsed(policy: GroupPolicy, c: ExportableContact): boolean {
  const facts: ContactFacts = {
    ...c.facts,
    emailKind: worse(c.facts.emailKind, c.emailKind),
    soleTrader: c.facts.soleTrader || c.contact.soleTrader,
  };
  return emailMarketingAllowed(policy, facts);
}

function cellOf(contact: StoredContact, field: CrmField, withholdEmail: boolean): string {
  if (field === 'email') return withholdEmail ? '' : (contact.email ?? '');
  return contact[field] ?? '';
}

/**
 * The CRM export. A contact is left out when the person is on the suppression list (an erasure, or an objection
 * under Art. 21(3): never used for marketing again), when its group has no lawful basis (Art. 6(1)), or when the
 * group's purpose is not the export's (purpose limitation, Art. 5(1)(b)). For email marketing, an email that PECR reg. 22
 * does not let us use (an individual subscriber without consent) is left empty and listed in emailsWithheld; the
 * rest of the row is exported. Every cell goes through toCsv, so a formula in a job title arrives as text.
 */
export function crmExport(contacts: readonly ExportableContact[], options: CrmExportOptions): CrmExportResult {
  const fields = CRM_FIELDS.filter((f) => options.fields === undefined || options.fields.includes(f));
  const header = [...fields.map((f) => FIELD_COLUMNS[f]), HUBSPOT_LEGAL_BASIS_COLUMN, 'Lawful basis', 'Purpose'];
  const rows: string[][] = [];
  const excluded: CrmExportResult['excluded'] = [];
  const emailsWithheld: CrmExportResult['emailsWithheld'] = [];
  const basesWithoutHubSpotValue = new Set<LawfulBasis>();

  for (const c of contacts) {
    const { policy } = c;
    if (c.suppressed === true) {
      excluded.push({ id: c.id, reason: 'suppressed' });
      continue;
    }
    if (policy === null) {
      excluded.push({ id: c.id, reason: 'no-lawful-basis' });
      continue;
    }
    if (policy.purpose !== options.purpose) {
      excluded.push({ id: c.id, reason: 'purpose-differs' });
      continue;
    }
    const hasEmail = (c.contact.email ?? '') !== '';
    const withholdEmail = options.purpose === 'email-marketing' && fields.includes('email') && hasEmail && !emailMayBeUsed(policy, c);
    if (withholdEmail) emailsWithheld.push({ id: c.id, reason: 'individual-subscriber-without-consent' });
    const hubspot = hubspotLegalBasis(policy.basis, policy.purpose);
    if (hubspot === null) basesWithoutHubSpotValue.add(policy.basis);
    rows.push([...fields.map((f) => cellOf(c.contact, f, withholdEmail)), hubspot ?? '', BASIS_WORDS[policy.basis], PURPOSE_WORDS[policy.purpose]]);
  }

  const suppressed = excluded.filter((e) => e.reason === 'suppressed').length;
  const notes = [...basesWithoutHubSpotValue].map(
    (basis) =>
      `HubSpot has no legal basis option for ${BASIS_WORDS[basis]}: the "${HUBSPOT_LEGAL_BASIS_COLUMN}" column is ` +
      'left empty for those contacts; the "Lawful basis" column names the basis.',
  );
  if (emailsWithheld.length > 0) {
    notes.push(
      `${emailsWithheld.length === 1 ? '1 email was' : `${emailsWithheld.length} emails were`} left out: personal ` +
        'mailboxes and sole traders are individual subscribers, and email marketing to them needs consent (PECR reg. 22).',
    );
  }
  if (suppressed > 0) {
    notes.push(
      `${suppressed === 1 ? '1 person on the suppression list was' : `${suppressed} people on the suppression list were`} left out: ` +
        'they were erased or objected, and are never exported.',
    );
  }
  return { csv: toCsv(header, rows), included: rows.length, excluded, emailsWithheld, notes };
}
