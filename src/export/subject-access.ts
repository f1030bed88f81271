// A subject access report (UK GDPR Art. 15): everything held about one person, why, on what basis, who receives
// it, how long it is kept, where it came from and their rights. Pure: the vault decrypts and calls.
import type { GroupPolicy, Purpose } from '../policy/lawful-basis.js';
import type { StoredContact } from '../shared/domain.js';
import { specialCategoryHintsText } from '../shared/special-category-hints.js';
import { toCsv } from './csv-cell.js';
import { BASIS_WORDS, evidenceSummary, PURPOSE_WORDS, SOURCE_WORDS } from './labels.js';
import { rightsFor } from './rights.js';

export interface SubjectAccessData {
  contactId: string;
  contact: StoredContact;
  groupLabel: string | null;
  policy: GroupPolicy | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  legalHold: boolean;
  /** Plain English, computed by the caller from the group's policy or the quarantine. */
  retentionExplanation: string;
  recipients: string[];
  /** Art. 14(2)(f), e.g. SOURCE_WORDS ('LinkedIn connections export'); those words when left empty. */
  source: string;
  /** The person's own consent records (Art. 7(1)), withdrawn ones included. */
  consents: PersonConsent[];
  /** Their Art. 14 notice, as recorded; null when they have not been told. */
  notice: { status: 'sent' | 'exempt'; day: string; channel: string | null; version: string | null; exemption: string | null; confirmed: boolean } | null;
  /** Their entries on the suppression list (an objection, a withdrawn consent), in force or lifted. */
  suppressions: { reason: string; purpose: string | null; createdAt: string; liftedAt: string | null }[];
  /** PECR: the subscriber type the marketing rules apply to them, and why, and their soft opt-ins (reg. 22(3)). */
  marketing?: MarketingFacts;
}

export interface MarketingFacts {
  subscriberType: { treatedAs: string; inferred: string; reason: string; confirmedAs: string | null };
  softOptIns: { channels: readonly string[]; obtainedAt: string; context: string; products: string }[];
}

/** The subscriber type in words, for the CSV. */
function subscriberLine(m: MarketingFacts): string {
  const t = m.subscriberType;
  return `${t.treatedAs} subscriber: ${t.confirmedAs !== null ? `confirmed as ${t.confirmedAs.replace(/-/g, ' ')}` : `${t.inferred.replace(/-/g, ' ')} (${t.reason})`}`;
}

export interface PersonConsent {
  purpose: Purpose;
  channels: readonly string[];
  obtainedAt: string;
  method: string;
  wording: string;
  wordingVersion: string;
  withdrawnAt: string | null;
  /** Carried over from a group record (before schema 6) and not yet confirmed: it does not count. */
  unconfirmed: boolean;
}

/** One consent in words, for the CSV. */
function consentLine(c: PersonConsent): string {
  const state = c.withdrawnAt ? `withdrawn on ${c.withdrawnAt}` : c.unconfirmed ? 'carried over from a group record, not confirmed: not relied on' : 'in force';
  return `${PURPOSE_WORDS[c.purpose]} by ${c.channels.join(', ')}: "${c.wording}" (version ${c.wordingVersion}), given on ${c.obtainedAt} by ${c.method}; ${state}`;
}

/** The notice in words. */
function noticeLine(n: SubjectAccessData['notice']): string {
  if (n === null) return 'Not yet sent';
  const note = n.confirmed ? '' : ' (carried over from a group record, not confirmed)';
  return n.status === 'sent'
    ? `Sent on ${n.day}${n.channel ? ` by ${n.channel}` : ''}${n.version ? `, version ${n.version}` : ''}${note}`
    : `Not sent: exempt under Art. 14(5) (${n.exemption ?? 'ground not recorded'}), decided on ${n.day}${note}`;
}

const NO_BASIS =
  'None recorded: the contact is in quarantine, is not used or exported, and is destroyed when the quarantine ends.';
const NO_RECIPIENTS = 'None outside the controller';
/** Art. 14(2)(g), Art. 15(1)(h): the same sentence in the subject access report and the privacy notice. */
export const NO_AUTOMATED_DECISIONS =
  'No decisions with legal or similarly significant effects are made by automated means (Art. 22). ' +
  'Contacts are sorted into groups by rules the controller sets.';
/** Art. 15(1)(e)-(f), as lines: the same rights as the privacy notice gives (rightsFor, src/export/rights.ts). */
export function rightsOf(policy: GroupPolicy | null, consentInForce = policy?.basis === 'consent'): string[] {
  return rightsFor(policy, consentInForce).map((r) => `${r.text}${r.typed ?? ''}`);
}

/** Every field of the stored contact, labelled, in a fixed order; `extra` columns follow as 'Other: <column>'. */
function personalDataItems(c: StoredContact): [string, string][] {
  return [
    ['First name', c.firstName],
    ['Last name', c.lastName],
    ['Email', c.email ?? ''],
    ['Company', c.company],
    ['Position', c.position],
    ['LinkedIn profile URL', c.profileUrl ?? ''],
    ['Connected on', c.connectedOn ?? ''],
    ['Self-employed or sole trader', c.soleTrader ? 'yes' : 'no'],
    // A hint stripped at import is named by its category, so the person learns it was seen and not kept.
    ['Possible special-category hints in the data kept', specialCategoryHintsText(c)],
    ...Object.entries(c.extra).map(([column, value]): [string, string] => [`Other: ${column}`, value]),
  ];
}

const NO_CONSENT = 'No consent of yours is on record for this purpose: you are not contacted on the basis of consent.';

/** Whether the person holds a live consent for the group's purpose. */
const liveConsent = (d: SubjectAccessData): boolean => d.consents.some((c) => c.purpose === d.policy?.purpose && c.withdrawnAt === null && !c.unconfirmed);

const basisArticle = (p: GroupPolicy | null): string => (p === null ? NO_BASIS : BASIS_WORDS[p.basis]);

/** The Art. 9(2) condition and Art. 10 authority, when the group records them. */
function specialConditions(p: GroupPolicy | null): { art9Condition?: string; art10Authority?: string } {
  return {
    ...(p?.art9Condition !== undefined ? { art9Condition: `${p.art9Condition}: ${p.art9Justification ?? ''}` } : {}),
    ...(p?.art10Authority !== undefined ? { art10Authority: p.art10Authority } : {}),
  };
}

/** Art. 14(2)(f): the source, or the default words when the caller gives none. */
const sourceOf = (d: SubjectAccessData): string => d.source.trim() || SOURCE_WORDS;

/** The report as pretty-printed JSON (two-space indent), sections in Art. 15(1)'s order. */
export function subjectAccessJson(d: SubjectAccessData): string {
  const { contact: c, policy: p } = d;
  const report = {
    contactId: d.contactId,
    personalData: {
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      company: c.company,
      position: c.position,
      profileUrl: c.profileUrl,
      connectedOn: c.connectedOn,
      soleTrader: c.soleTrader,
      specialCategories: c.specialCategories,
      strippedCategories: c.strippedCategories,
      extra: c.extra,
      group: d.groupLabel,
    },
    purposes: p === null ? [] : [{ purpose: PURPOSE_WORDS[p.purpose], description: p.purposeDescription }],
    lawfulBasis: {
      basis: basisArticle(p),
      evidence: p === null ? {} : Object.fromEntries(evidenceSummary(p)),
      ...(p?.basis === 'consent' && !liveConsent(d) ? { yourConsent: NO_CONSENT } : {}),
      ...specialConditions(p),
    },
    consents: d.consents,
    ...(d.marketing ? { marketing: d.marketing } : {}),
    privacyNotice: noticeLine(d.notice),
    suppressionList: d.suppressions,
    recipients: d.recipients.length > 0 ? d.recipients : [NO_RECIPIENTS],
    retention: {
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      expiresAt: d.expiresAt,
      legalHold: d.legalHold,
      explanation: d.retentionExplanation,
    },
    source: {
      description: sourceOf(d),
      importId: c.source.importId,
      line: c.source.line,
    },
    automatedDecisionMaking: NO_AUTOMATED_DECISIONS,
    rights: rightsOf(p, liveConsent(d)),
  };
  return JSON.stringify(report, null, 2);
}

/** The same report as a two-column CSV ('Item', 'Value') through toCsv: neutralised, quoted, with a BOM. */
export function subjectAccessCsv(d: SubjectAccessData): string {
  const p = d.policy;
  const special = specialConditions(p);
  const rows: [string, string][] = [
    ['Contact id', d.contactId],
    ...personalDataItems(d.contact),
    ['Group', d.groupLabel ?? ''],
    ['Purpose', p === null ? '' : `${PURPOSE_WORDS[p.purpose]}: ${p.purposeDescription}`],
    ['Lawful basis', basisArticle(p)],
    ...(p === null ? [] : evidenceSummary(p).map(([label, value]): [string, string] => [`Evidence: ${label}`, value])),
    ...(p?.basis === 'consent' && !liveConsent(d) ? [['Your consent', NO_CONSENT] as [string, string]] : []),
    ...d.consents.map((c): [string, string] => ['Consent record', consentLine(c)]),
    ...(d.marketing ? [['Subscriber type (PECR)', subscriberLine(d.marketing)] as [string, string]] : []),
    ...(d.marketing?.softOptIns ?? []).map((o): [string, string] => ['Soft opt-in (PECR reg. 22(3))', `${o.channels.join(', ')}, since ${o.obtainedAt} (${o.context}): ${o.products}`]),
    ['Privacy notice (Art. 14)', noticeLine(d.notice)],
    ...d.suppressions.map((x): [string, string] => ['Suppression list', `${x.reason}${x.purpose ? ` (${x.purpose})` : ''} since ${x.createdAt}${x.liftedAt ? `, lifted ${x.liftedAt}` : ''}`]),
    ...(special.art9Condition !== undefined ? [['Art. 9(2) condition', special.art9Condition] as [string, string]] : []),
    ...(special.art10Authority !== undefined ? [['Art. 10 authority', special.art10Authority] as [string, string]] : []),
    ['Recipients', (d.recipients.length > 0 ? d.recipients : [NO_RECIPIENTS]).join('; ')],
    ['Created', d.createdAt],
    ['Last updated', d.updatedAt],
    ['Expires', d.expiresAt ?? ''],
    ['Legal hold', d.legalHold ? 'yes' : 'no'],
    ['Retention', d.retentionExplanation],
    ['Source', sourceOf(d)],
    ['Source import id', d.contact.source.importId],
    ['Source line', String(d.contact.source.line)],
    ['Automated decision-making', NO_AUTOMATED_DECISIONS],
    ...rightsOf(p, liveConsent(d)).map((right): [string, string] => ['Right', right]),
  ];
  return toCsv(['Item', 'Value'], rows);
}
