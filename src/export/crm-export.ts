// The sanitised CSV for a CRM (HubSpot's column names): nobody on the suppression list, only contacts whose group
// has a lawful basis for the export's purpose (and, under consent, who gave their own), nobody not yet told (Art. 14)
// in a direct-marketing export, nobody in a direct-marketing export whose group's legitimate interests assessment is
// unsigned or past its review date, and for each channel of a direct-marketing export only what PECR lets us use
// (src/policy/pecr-channels.ts). Pure: the vault decrypts, gathers each person's facts, and passes today.
import type { ContactFacts } from '../policy/contact-facts.js';
import type { GroupPolicy, LawfulBasis, Purpose } from '../policy/lawful-basis.js';
import { liaStanding } from '../policy/lia.js';
import { dayOf } from '../policy/dates.js';
import { channelVerdict, phoneScreeningProblem, type ChannelVerdict, type TpsScreening } from '../policy/pecr-channels.js';
import { subscriberStanding, type SubscriberConfirmation } from '../policy/subscriber-type.js';
import type { StoredContact } from '../shared/domain.js';
import { ServiceError } from '../shared/errors.js';
import { toCsv } from './csv-cell.js';
import { crmNotes } from './crm-notes.js';
import { BASIS_WORDS, PURPOSE_WORDS } from './labels.js';
import { SPECIAL_CATEGORY_EXCLUSION, specialCategoryFate, specialCategoryNotes, type SpecialCategoryFacts } from './special-category-export.js';

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
  /** The person's own live consents (Art. 7(1)); `explicit`: an explicit consent (Art. 9(2)(a)); left out, they have none. */
  consents?: readonly { purpose: Purpose; channels: readonly ContactChannel[]; explicit?: boolean }[];
  /** Where the contact's special-category hints were found again (src/export/special-category-export.ts). */
  hintsFound?: SpecialCategoryFacts['hintsFound'];
  /** False for a contact from an address book a member uploaded: Art. 9(2)(e) cannot hold for what is there. */
  ownProfile?: boolean;
  /** Whether the person has been told (Art. 14) or is exempt; left out, they have not been told. */
  noticeGiven?: boolean;
  /** The subscriber type a person confirmed for the contact or its company (PECR reg. 2); left out, only the inference counts. */
  subscriberConfirmed?: SubscriberConfirmation | null;
  /** The channels the person's soft opt-ins cover (PECR reg. 22(3)); left out, none. */
  softOptIns?: readonly ContactChannel[];
}

import { CRM_EXCLUSIONS, CRM_FIELDS, isMarketingPurpose, MAX_PAGE, type ContactChannel, type CrmExclusion, type CrmField, type WithheldReason } from '../shared/vocabulary.js';

export { CRM_EXCLUSIONS, CRM_FIELDS, type CrmExclusion, type CrmField };

export interface CrmExportOptions {
  purpose: Purpose;
  /** The channels the file is for (email, SMS, phone, post, LinkedIn message): PECR follows them, not the purpose's name. */
  channels: readonly ContactChannel[];
  /**
   * Whether the use is direct marketing: any promotion of the organisation, its products or its aims (DPA 2018
   * s.122(5)). Always for MARKETING_PURPOSES; left out, only for them.
   */
  directMarketing?: boolean;
  /** The TPS/CTPS screenings recorded (PECR reg. 21(1)(b), 21(4)): a direct-marketing export by phone needs a recent one. */
  tpsScreenings?: readonly TpsScreening[];
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
  /** How many were left out, by reason: every one counted, however large the vault. */
  excludedByReason: Partial<Record<CrmExclusion, number>>;
  excludedTotal: number;
  /** The first people left out (at most EXCLUDED_LISTED, in vault order), with why: a preview, not the whole list. */
  excluded: { id: string; reason: CrmExclusion }[];
  emailsWithheld: { id: string; reason: WithheldReason }[];
  /**
   * Profile URLs left empty in a direct-marketing export whose LinkedIn URL column is exported, whatever its channels:
   * a CRM holding the URL can send LinkedIn messages (electronic mail, PECR reg. 22).
   */
  profilesWithheld: { id: string; reason: WithheldReason }[];
  /** Other cells left empty: a job title hinting at special-category data without a condition (UK GDPR Art. 9, Art. 10). */
  fieldsWithheld: { id: string; field: CrmField; reason: typeof SPECIAL_CATEGORY_EXCLUSION }[];
  /** Whether the export was treated as direct marketing. */
  directMarketing: boolean;
  /** Sentences for the person exporting, e.g. why the HubSpot legal basis column is empty for some rows. */
  notes: string[];
}

/**
 * How many of the people left out the report names (with their reason): enough to preview and check, while a vault of
 * a million that leaves out most of them does not carry every id through the contract (docs/performance.md).
 */
export const EXCLUDED_LISTED = MAX_PAGE;

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
      if (isMarketingPurpose(purpose)) return 'Legitimate interest – prospect/lead';
      return purpose === 'account-management' ? 'Legitimate interest – existing customer' : 'Legitimate interest - other';
    case 'legal-obligation':
    case 'vital-interests':
    case 'public-task':
      return null;
  }
}


/** Art. 6(1)(b)-(e): a contract, a legal obligation, vital interests or a public task never carry direct marketing. */
const BASES_NOT_FOR_MARKETING: readonly LawfulBasis[] = ['contract', 'legal-obligation', 'vital-interests', 'public-task'];

/** How the export reads its request. `pecr`: direct marketing and not a notice run, so PECR's channel rules apply. */
interface Reading {
  marketing: boolean;
  pecr: boolean;
  noticeRun: boolean;
}

/**
 * A direct-marketing export rests on a legitimate interests assessment only while it is signed off and not past its
 * review date (src/policy/lia.ts; guardrails lia-not-signed-off and lia-review-due). A notice run is not marketing.
 */
function liaNotCurrent(policy: GroupPolicy, options: CrmExportOptions, r: Reading): boolean {
  if (policy.basis !== 'legitimate-interests' || !r.pecr) return false;
  return !liaStanding(policy.evidence, dayOf(options.now)).current;
}

/** Whether the person's own live consent covers this purpose. */
const consentCovers = (c: ExportableContact, purpose: Purpose): boolean => (c.consents ?? []).some((k) => k.purpose === purpose);

/**
 * The first checks, which need nothing but the suppression list and the group's basis: the vault makes them before it
 * decrypts anyone (src/app/use-cases/exports.ts), and exclusionOf makes them first.
 */
export function excludedUnread(suppressed: boolean, policy: GroupPolicy | null, purpose: Purpose): CrmExclusion | null {
  if (suppressed) return 'suppressed'; // Art. 17, Art. 21(3)
  if (policy === null) return 'no-lawful-basis'; // Art. 6(1)
  if (policy.purpose !== purpose) return 'purpose-differs'; // Art. 5(1)(b)
  return null;
}

/** A contact left out by excludedUnread, never decrypted. */
export interface UnreadContact {
  id: string;
  excluded: CrmExclusion;
}

/** Why a contact is left out, or null when it goes into the file (the order of the checks is the order of the law's weight). */
function exclusionOf(c: ExportableContact, options: CrmExportOptions, r: Reading): CrmExclusion | null {
  const { policy } = c;
  const unread = excludedUnread(c.suppressed === true, policy, options.purpose);
  if (unread !== null || policy === null) return unread ?? 'no-lawful-basis';
  // Direct marketing rests on consent or legitimate interests only, whatever the group was assigned for: a group's
  // basis saved before that rule, or a group for another purpose exported as direct marketing, is left out.
  if (r.pecr && BASES_NOT_FOR_MARKETING.includes(policy.basis)) return 'basis-not-for-marketing'; // Art. 6(1)(b)-(e)
  if (liaNotCurrent(policy, options, r)) return 'lia-not-current'; // Art. 5(2), Art. 6(1)(f)
  if (c.suppressedPurposes?.has(options.purpose) === true) return 'consent-withdrawn'; // Art. 7(3)
  if (policy.basis === 'consent' && !consentCovers(c, options.purpose)) return 'no-consent-on-record'; // Art. 6(1)(a), Art. 7(1)
  // A notice run writes no field a hint could sit in, and the person must be told all the same.
  if (!r.noticeRun && specialCategoryFate(c, policy, options.purpose, r.marketing) === 'exclude') return SPECIAL_CATEGORY_EXCLUSION; // Art. 9, Art. 10
  const told = c.noticeGiven === true;
  if (r.noticeRun) return told ? 'notice-already-given' : null;
  if (!told && r.marketing) return 'notice-not-given'; // Art. 14(3)(b)-(c)
  return null;
}

const worse = (a: ContactFacts['emailKind'], b: ContactFacts['emailKind']): ContactFacts['emailKind'] =>
  a === 'personal' || b === 'personal' ? 'personal' : a === 'none' || b === 'none' ? 'none' : 'corporate';

/**
 * The person's subscriber type as treated and the verdict for each channel (src/policy/pecr-channels.ts). The facts,
 * the row's email kind and the stored contact may disagree only through a bug upstream: then the stricter reading
 * wins (a personal mailbox or a sole trader on any side). An email address in a direct-marketing file can be used
 * for marketing email, and a LinkedIn URL for LinkedIn messages, so each rule applies whenever its column is
 * exported, whatever the channels.
 */
function channelsOf(c: ExportableContact, policy: GroupPolicy, options: CrmExportOptions, exported: { email: boolean; profile: boolean }) {
  const standing = subscriberStanding(
    { emailKind: worse(c.facts.emailKind, c.emailKind), soleTrader: c.facts.soleTrader || c.contact.soleTrader, company: c.contact.company, position: c.contact.position },
    c.subscriberConfirmed ?? null,
  );
  const facts = {
    subscriber: standing.treatedAs,
    confirmed: standing.confirmed !== null,
    basis: policy.basis,
    consentChannels: new Set((c.consents ?? []).filter((k) => k.purpose === options.purpose).flatMap((k) => k.channels)),
    softOptInChannels: new Set(c.softOptIns ?? []),
  };
  const channels = new Set<ContactChannel>([...options.channels, ...(exported.email ? (['email'] as const) : []), ...(exported.profile ? (['linkedin'] as const) : [])]);
  return { subscriber: standing.treatedAs, confirmed: facts.confirmed, verdicts: new Map<ContactChannel, ChannelVerdict>([...channels].map((ch) => [ch, channelVerdict(ch, facts)])) };
}

const refusal = (verdicts: ReadonlyMap<ContactChannel, ChannelVerdict>, channel: ContactChannel) => {
  const v = verdicts.get(channel);
  return v !== undefined && !v.allowed ? v : null;
};

const withheldReason = (v: ChannelVerdict & { allowed: false }, channel: 'email' | 'linkedin'): WithheldReason =>
  v.reason === 'individual-subscriber-without-consent' ? v.reason : channel === 'email' ? 'consent-does-not-cover-email' : 'consent-does-not-cover-linkedin';

function cellOf(contact: StoredContact, field: CrmField, withheld: ReadonlySet<CrmField>): string {
  return withheld.has(field) ? '' : (contact[field] ?? '');
}

/**
 * The CRM export. A contact is left out when the person is on the suppression list (an erasure, or an objection
 * under Art. 21(3): never used for marketing again), when its group has no lawful basis (Art. 6(1)), when the
 * group's purpose is not the export's (purpose limitation, Art. 5(1)(b)), or, for direct marketing, when the group's
 * legitimate interests assessment is not current (liaNotCurrent). For direct marketing PECR follows the channels: an
 * email or a profile URL (a CRM holding it can send LinkedIn messages) that reg. 22 does not let us use is left empty
 * and listed, and the rest of the row is exported; an SMS export leaves out whoever the rule cannot show may be
 * texted (the vault holds no number to withhold); a phone export is refused without a TPS screening, and a CTPS one
 * when anyone in it is treated as corporate, within the 28 days (reg. 21(1)(b), 21(4)). A special-category hint
 * without a condition that holds withholds the job title, or leaves the person out (specialCategoryFate, Art. 9, Art.
 * 10). Every cell goes through toCsv, so a formula in a job title arrives as text.
 */
/** The file and its report. `contacts` is read once, in order (a generator may decrypt them one at a time). */
export function crmExport(contacts: Iterable<ExportableContact | UnreadContact>, options: CrmExportOptions): CrmExportResult {
  const rows: string[][] = [];
  const { header, decisions } = decide(contacts, options, rows);
  return { csv: toCsv(header, rows), ...decisions };
}

/** What the export decides, without its file: who goes in, who is left out and why, which cells are withheld. */
export type CrmDecisions = Omit<CrmExportResult, 'csv'>;

/** The export's report without making the file (its preview): the very decisions crmExport makes, no row written. */
export function crmDecisions(contacts: Iterable<ExportableContact | UnreadContact>, options: CrmExportOptions): CrmDecisions {
  return decide(contacts, options, null).decisions;
}

/** The export's rules over every contact, once; each included person's row is added to `rows` when there is a file to make. */
function decide(contacts: Iterable<ExportableContact | UnreadContact>, options: CrmExportOptions, rows: string[][] | null): { header: string[]; decisions: CrmDecisions } {
  const noticeRun = options.noticeRun === true;
  const marketing = options.directMarketing === true || isMarketingPurpose(options.purpose);
  const reading: Reading = { marketing, pecr: marketing && !noticeRun, noticeRun };
  // A notice run carries what it takes to reach the person and nothing else: no marketing basis, no job or company.
  const fields = noticeRun ? NOTICE_RUN_FIELDS : CRM_FIELDS.filter((f) => options.fields === undefined || options.fields.includes(f));
  const header = [...fields.map((f) => FIELD_COLUMNS[f]), ...(noticeRun ? ['Purpose'] : [HUBSPOT_LEGAL_BASIS_COLUMN, 'Lawful basis', 'Purpose'])];
  const excluded: CrmExportResult['excluded'] = [];
  const excludedByReason: CrmExportResult['excludedByReason'] = {};
  let excludedTotal = 0;
  const leaveOut = (id: string, reason: CrmExclusion) => {
    excludedTotal++;
    excludedByReason[reason] = (excludedByReason[reason] ?? 0) + 1;
    if (excluded.length < EXCLUDED_LISTED) excluded.push({ id, reason });
  };
  const emailsWithheld: CrmExportResult['emailsWithheld'] = [];
  const profilesWithheld: CrmExportResult['profilesWithheld'] = [];
  const fieldsWithheld: CrmExportResult['fieldsWithheld'] = [];
  const basesWithoutHubSpotValue = new Set<LawfulBasis>();
  const includedIds: string[] = [];
  const subscribers = { corporate: 0, individual: 0, corporateInferred: 0, softOptIns: 0, electronicMailCells: 0 };
  let untoldIncluded = 0;

  for (const c of contacts) {
    if ('excluded' in c) {
      leaveOut(c.id, c.excluded);
      continue;
    }
    const reason = exclusionOf(c, options, reading);
    if (reason !== null) {
      leaveOut(c.id, reason);
      continue;
    }
    const policy = c.policy!;
    const withheld = new Set<CrmField>();
    if (reading.pecr) {
      const emailExported = fields.includes('email') && (c.contact.email ?? '') !== '';
      const profileExported = fields.includes('profileUrl') && (c.contact.profileUrl ?? '') !== '';
      const { subscriber, confirmed, verdicts } = channelsOf(c, policy, options, { email: emailExported, profile: profileExported });
      // PECR reg. 22: no number is exported, so a row of an SMS export must be a person the rule shows may be texted.
      if (refusal(verdicts, 'sms')) {
        leaveOut(c.id, 'channel-not-allowed');
        continue;
      }
      const email = emailExported ? refusal(verdicts, 'email') : null;
      if (email) {
        withheld.add('email');
        emailsWithheld.push({ id: c.id, reason: withheldReason(email, 'email') });
      }
      const profile = profileExported ? refusal(verdicts, 'linkedin') : null;
      if (profile) {
        withheld.add('profileUrl');
        profilesWithheld.push({ id: c.id, reason: withheldReason(profile, 'linkedin') });
      }
      subscribers[subscriber]++;
      if (emailExported || profileExported) subscribers.electronicMailCells++;
      const by = [...verdicts.values()].flatMap((v) => (v.allowed ? [v.by] : []));
      if (by.includes('corporate-subscriber') && !confirmed) subscribers.corporateInferred++;
      if (by.includes('soft-opt-in')) subscribers.softOptIns++;
    }
    if (!noticeRun && fields.includes('position') && specialCategoryFate(c, policy, options.purpose, reading.marketing) === 'withhold-position') {
      withheld.add('position');
      fieldsWithheld.push({ id: c.id, field: 'position', reason: SPECIAL_CATEGORY_EXCLUSION });
    }
    if (!noticeRun && c.noticeGiven !== true) untoldIncluded++;
    const hubspot = hubspotLegalBasis(policy.basis, policy.purpose);
    if (hubspot === null) basesWithoutHubSpotValue.add(policy.basis);
    rows?.push([...fields.map((f) => cellOf(c.contact, f, withheld)), ...(noticeRun ? [NOTICE_RUN_PURPOSE] : [hubspot ?? '', BASIS_WORDS[policy.basis], PURPOSE_WORDS[policy.purpose]])]);
    includedIds.push(c.id);
  }

  const phoneScreenedOn = reading.pecr && options.channels.includes('phone') ? phoneScreening(options, subscribers.corporate > 0) : null;
  const notes = [
    ...[...basesWithoutHubSpotValue].map(
      (basis) =>
        `HubSpot has no legal basis option for ${BASIS_WORDS[basis]}: the "${HUBSPOT_LEGAL_BASIS_COLUMN}" column is ` +
        'left empty for those contacts; the "Lawful basis" column names the basis.',
    ),
    ...crmNotes({ excludedByReason, emailsWithheld, profilesWithheld, untoldIncluded, ...subscribers, included: includedIds.length, pecr: reading.pecr, channels: options.channels, phoneScreenedOn }),
    ...specialCategoryNotes(excludedByReason, fieldsWithheld.length),
  ];
  if (noticeRun) {
    notes.push(
      'This file is for sending the Art. 14 privacy notice only: it holds names and contact details and no marketing basis. ' +
        'Once the notice is sent, record it as sent for this export (its disclosure id), so that those people count as told.',
    );
  }
  return { header, decisions: { included: includedIds.length, includedIds, excludedByReason, excludedTotal, excluded, emailsWithheld, profilesWithheld, fieldsWithheld, directMarketing: marketing, notes } };
}

/**
 * PECR reg. 21(1)(b), 21(4): a phone marketing export needs the TPS screened within the 28 days before it, always:
 * the vault holds no number, and a number may be an individual subscriber's (a sole trader's, a personal mobile)
 * whatever the person's email address suggests. The CTPS too when anyone in it is treated as corporate. Refused
 * otherwise. The newest screening day, for the note.
 */
function phoneScreening(options: CrmExportOptions, anyCorporate: boolean): string | null {
  const today = dayOf(options.now);
  const screenings = options.tpsScreenings ?? [];
  const problem = phoneScreeningProblem(screenings, today, { tps: true, ctps: anyCorporate });
  if (problem !== null) throw new ServiceError('guardrail', problem);
  return screenings.map((s) => s.screenedOn).filter((d) => d <= today).sort().at(-1) ?? null;
}
