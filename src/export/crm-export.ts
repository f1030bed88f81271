// The sanitised CSV for a CRM (HubSpot's column names): nobody on the suppression list, only contacts whose group
// has a lawful basis for the export's purpose (and, under consent, who gave their own), nobody not yet told (Art.
// 14) in a marketing export, nobody in a marketing export whose group's legitimate interests assessment is unsigned or
// past its review date, and for email marketing only the emails PECR lets us use. Pure: the vault decrypts and calls,
// and passes today.
import type { ContactFacts } from '../policy/contact-facts.js';
import { emailMarketingAllowed } from '../policy/guardrails.js';
import type { GroupPolicy, LawfulBasis, Purpose } from '../policy/lawful-basis.js';
import { liaStanding } from '../policy/lia.js';
import { dayOf } from '../policy/dates.js';
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
  /** The purposes the person withdrew consent for (Art. 7(3)): never used for those again. */
  suppressedPurposes?: ReadonlySet<Purpose>;
  /** The person's own live consents (Art. 7(1)); left out, they have none. */
  consents?: readonly { purpose: Purpose; channels: readonly ContactChannel[] }[];
  /** Whether the person has been told (Art. 14) or is exempt; left out, they have not been told. */
  noticeGiven?: boolean;
}

import { CRM_EXCLUSIONS, CRM_FIELDS, MARKETING_PURPOSES, type ContactChannel, type CrmExclusion, type CrmField } from '../shared/vocabulary.js';

export { CRM_EXCLUSIONS, CRM_FIELDS, type CrmExclusion, type CrmField };

export interface CrmExportOptions {
  purpose: Purpose;
  /** Today, for the LIA's review date: a marketing export leaves out groups whose assessment is past it. */
  now: Date;
  /** The contact fields to export, in any order (columns keep CRM_FIELDS' order); all of them when left out. */
  fields?: readonly CrmField[];
  /**
   * The export is for sending the Art. 14 notice itself: only people not yet told are included, and their emails are
   * used for the notice (a service message, not marketing).
   */
  noticeRun?: boolean;
}

export interface CrmExportResult {
  csv: string;
  included: number;
  /** The ids of the contacts in the file, in its order: the disclosure log records them. */
  includedIds: string[];
  excluded: { id: string; reason: CrmExclusion }[];
  emailsWithheld: { id: string; reason: 'individual-subscriber-without-consent' | 'consent-does-not-cover-email' }[];
  /** Sentences for the person exporting, e.g. why the HubSpot legal basis column is empty for some rows. */
  notes: string[];
}

/** What a notice run's file holds: how to reach each person, and the one purpose it may be used for. */
const NOTICE_RUN_FIELDS: readonly CrmField[] = ['firstName', 'lastName', 'email', 'profileUrl'];
const NOTICE_RUN_PURPOSE = 'Privacy notice (UK GDPR Art. 14) only: not for marketing';

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
      if (isMarketing(purpose)) return 'Legitimate interest – prospect/lead';
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

/** Whether the person's own live consent covers this purpose (and, when given, this channel). */
function consentCovers(c: ExportableContact, purpose: Purpose, channel?: ContactChannel): boolean {
  return (c.consents ?? []).some((k) => k.purpose === purpose && (channel === undefined || k.channels.includes(channel)));
}

const isMarketing = (purpose: Purpose): boolean => (MARKETING_PURPOSES as readonly Purpose[]).includes(purpose);

/**
 * A marketing export rests on a legitimate interests assessment only while it is signed off and not past its review
 * date (src/policy/lia.ts; guardrails lia-not-signed-off and lia-review-due). A notice run is not marketing.
 */
function liaNotCurrent(policy: GroupPolicy, options: CrmExportOptions): boolean {
  if (policy.basis !== 'legitimate-interests' || options.noticeRun === true || !isMarketing(options.purpose)) return false;
  return !liaStanding(policy.evidence, dayOf(options.now)).current;
}

/** Why a contact is left out, or null when it goes into the file (the order of the checks is the order of the law's weight). */
function exclusionOf(c: ExportableContact, options: CrmExportOptions): CrmExclusion | null {
  const { policy } = c;
  if (c.suppressed === true) return 'suppressed'; // Art. 17, Art. 21(3)
  if (policy === null) return 'no-lawful-basis'; // Art. 6(1)
  if (policy.purpose !== options.purpose) return 'purpose-differs'; // Art. 5(1)(b)
  if (liaNotCurrent(policy, options)) return 'lia-not-current'; // Art. 5(2), Art. 6(1)(f)
  if (c.suppressedPurposes?.has(options.purpose) === true) return 'consent-withdrawn'; // Art. 7(3)
  if (policy.basis === 'consent' && !consentCovers(c, options.purpose)) return 'no-consent-on-record'; // Art. 6(1)(a), Art. 7(1)
  const told = c.noticeGiven === true;
  if (options.noticeRun === true) return told ? 'notice-already-given' : null;
  if (!told && isMarketing(options.purpose)) return 'notice-not-given'; // Art. 14(3)(b)-(c)
  return null;
}

/**
 * PECR reg. 22 for one row of an email-marketing export: the person's own consent covering email always allows it;
 * otherwise a consent group's email needs that consent, and a legitimate-interests group's only a corporate
 * subscriber's (emailMayBeUsed).
 */
function emailAllowed(policy: GroupPolicy, c: ExportableContact, purpose: Purpose): boolean {
  if (consentCovers(c, purpose, 'email')) return true;
  return policy.basis !== 'consent' && emailMayBeUsed(policy, c);
}

function cellOf(contact: StoredContact, field: CrmField, withholdEmail: boolean): string {
  if (field === 'email') return withholdEmail ? '' : (contact.email ?? '');
  return contact[field] ?? '';
}

/**
 * The CRM export. A contact is left out when the person is on the suppression list (an erasure, or an objection
 * under Art. 21(3): never used for marketing again), when its group has no lawful basis (Art. 6(1)), when the
 * group's purpose is not the export's (purpose limitation, Art. 5(1)(b)), or, for marketing, when the group's
 * legitimate interests assessment is not current (liaNotCurrent). For email marketing, an email that PECR reg. 22
 * does not let us use (an individual subscriber without consent) is left empty and listed in emailsWithheld; the
 * rest of the row is exported. Every cell goes through toCsv, so a formula in a job title arrives as text.
 */
export function crmExport(contacts: readonly ExportableContact[], options: CrmExportOptions): CrmExportResult {
  const noticeRun = options.noticeRun === true;
  // A notice run carries what it takes to reach the person and nothing else: no marketing basis, no job or company.
  const fields = noticeRun ? NOTICE_RUN_FIELDS : CRM_FIELDS.filter((f) => options.fields === undefined || options.fields.includes(f));
  const header = [...fields.map((f) => FIELD_COLUMNS[f]), ...(noticeRun ? ['Purpose'] : [HUBSPOT_LEGAL_BASIS_COLUMN, 'Lawful basis', 'Purpose'])];
  const rows: string[][] = [];
  const excluded: CrmExportResult['excluded'] = [];
  const emailsWithheld: CrmExportResult['emailsWithheld'] = [];
  const basesWithoutHubSpotValue = new Set<LawfulBasis>();

  const includedIds: string[] = [];
  let untoldIncluded = 0;
  for (const c of contacts) {
    const reason = exclusionOf(c, options);
    if (reason !== null) {
      excluded.push({ id: c.id, reason });
      continue;
    }
    const policy = c.policy!;
    const hasEmail = (c.contact.email ?? '') !== '';
    const withholdEmail =
      options.noticeRun !== true && options.purpose === 'email-marketing' && fields.includes('email') && hasEmail && !emailAllowed(policy, c, options.purpose);
    if (withholdEmail) emailsWithheld.push({ id: c.id, reason: policy.basis === 'consent' ? 'consent-does-not-cover-email' : 'individual-subscriber-without-consent' });
    if (options.noticeRun !== true && c.noticeGiven !== true) untoldIncluded++;
    const hubspot = hubspotLegalBasis(policy.basis, policy.purpose);
    if (hubspot === null) basesWithoutHubSpotValue.add(policy.basis);
    rows.push([...fields.map((f) => cellOf(c.contact, f, withholdEmail)), ...(noticeRun ? [NOTICE_RUN_PURPOSE] : [hubspot ?? '', BASIS_WORDS[policy.basis], PURPOSE_WORDS[policy.purpose]])]);
    includedIds.push(c.id);
  }

  const suppressed = excluded.filter((e) => e.reason === 'suppressed').length;
  const notes = [...basesWithoutHubSpotValue].map(
    (basis) =>
      `HubSpot has no legal basis option for ${BASIS_WORDS[basis]}: the "${HUBSPOT_LEGAL_BASIS_COLUMN}" column is ` +
      'left empty for those contacts; the "Lawful basis" column names the basis.',
  );
  const individuals = emailsWithheld.filter((e) => e.reason === 'individual-subscriber-without-consent').length;
  if (individuals > 0) {
    notes.push(
      `${individuals === 1 ? '1 email was' : `${individuals} emails were`} left out: personal ` +
        'mailboxes and sole traders are individual subscribers, and email marketing to them needs their consent to email or the ' +
        'soft opt-in (PECR reg. 22(2)-(3)).',
    );
  }
  const notByEmail = emailsWithheld.length - individuals;
  if (notByEmail > 0) {
    notes.push(`${notByEmail === 1 ? '1 email was' : `${notByEmail} emails were`} left out: the person's consent does not cover email (PECR reg. 22).`);
  }
  if (suppressed > 0) {
    notes.push(
      `${suppressed === 1 ? '1 person on the suppression list was' : `${suppressed} people on the suppression list were`} left out: ` +
        'they were erased or objected, and are never exported.',
    );
  }
  notes.push(...exclusionNotes(excluded, untoldIncluded));
  if (noticeRun) {
    notes.push(
      'This file is for sending the Art. 14 privacy notice only: it holds names and contact details and no marketing basis. ' +
        'Once the notice is sent, record it with notice sent --export <disclosure id>.',
    );
  }
  return { csv: toCsv(header, rows), included: rows.length, includedIds, excluded, emailsWithheld, notes };
}

const people = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** One sentence for each per-person reason that left someone out, and for people included before being told. */
function exclusionNotes(excluded: CrmExportResult['excluded'], untoldIncluded: number): string[] {
  const count = (reason: CrmExclusion) => excluded.filter((e) => e.reason === reason).length;
  const notes: string[] = [];
  const liaLapsed = count('lia-not-current');
  if (liaLapsed > 0) {
    notes.push(
      `${people(liaLapsed, 'person', 'people')} in a legitimate-interests group ${liaLapsed === 1 ? 'was' : 'were'} left out of this marketing export: ` +
        "the group's legitimate interests assessment is not signed off or is past its review date (UK GDPR Art. 5(2), Art. 6(1)(f)). " +
        'Review it, save a new version with its sign-off, and export again.',
    );
  }
  const noBasis = count('no-lawful-basis');
  if (noBasis > 0) notes.push(`${people(noBasis, 'contact has', 'contacts have')} no lawful basis yet (quarantine, Art. 6(1)) and ${noBasis === 1 ? 'was' : 'were'} left out.`);
  const otherPurpose = count('purpose-differs');
  if (otherPurpose > 0) notes.push(`${people(otherPurpose, 'contact is', 'contacts are')} in groups for another purpose (purpose limitation, Art. 5(1)(b)) and ${otherPurpose === 1 ? 'was' : 'were'} left out.`);
  const withdrawn = count('consent-withdrawn');
  if (withdrawn > 0) notes.push(`${people(withdrawn, 'person who withdrew consent for this purpose was', 'people who withdrew consent for this purpose were')} left out (Art. 7(3)).`);
  const noConsent = count('no-consent-on-record');
  if (noConsent > 0) {
    notes.push(
      `${people(noConsent, 'person', 'people')} in a consent group ${noConsent === 1 ? 'has' : 'have'} no consent on record for this purpose ` +
        'and were left out: consent belongs to each person (Art. 7(1)); record it with consent add or consent import.',
    );
  }
  const untold = count('notice-not-given');
  if (untold > 0) {
    notes.push(
      `${people(untold, 'person has', 'people have')} not yet been told how their data is used (Art. 14) and ${untold === 1 ? 'was' : 'were'} held back from ` +
        'this marketing export: send the privacy notice first (an export with the notice run option, then notice sent).',
    );
  }
  if (untoldIncluded > 0) {
    notes.push(
      `${people(untoldIncluded, 'person', 'people')} included had not been told (Art. 14): this export is a disclosure, so their notice is due now at ` +
        'the latest (Art. 14(3)(c)) and shows as overdue until it is recorded as sent.',
    );
  }
  return notes;
}
