// A subject access report (contacts.access, src/export/subject-access.ts) read for a person: its JSON in sections of
// labelled facts and lists, in Art. 15(1)'s order, with vocabulary words in plain English. The JSON is read as
// untrusted data: a missing or odd field is shown as "not recorded", never thrown. Pure.
import { specialCategoryHintsText } from '../../../src/shared/special-category-hints.js';
import { humanise, purposeLabel } from '../../lib/labels.js';
import { channelsLabel, consentMethodLabel, suppressionReasonLabel } from '../../lib/labels-requests.js';

export interface Fact {
  label: string;
  value: string;
  /** An id or a hash: shown monospace, to copy. */
  mono?: boolean;
}

export interface Section {
  id: string;
  title: string;
  facts: Fact[];
  /** Statements, one per line (consents, recipients, rights…). */
  list: string[];
  /** Said when the section has neither facts nor list items. */
  empty?: string;
}

export interface AccessReport {
  contactId: string;
  name: string;
  sections: Section[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (o: Json, key: string): Json => (isObject(o[key]) ? o[key] : {});
const arr = (o: Json, key: string): unknown[] => (Array.isArray(o[key]) ? o[key] : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const NOT_RECORDED = 'not recorded';

/** A value in words: a string as it is (or "not recorded" when empty), a flag as yes/no, a number as digits. */
function text(v: unknown, empty = NOT_RECORDED): string {
  if (typeof v === 'string') return v.trim() === '' ? empty : v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  return empty;
}

/** yyyy-mm-dd of an ISO time; the text itself otherwise. */
const dayOf = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : text(v));

function personal(p: Json): Fact[] {
  const extra = obj(p, 'extra');
  return [
    { label: 'First name', value: text(p.firstName) },
    { label: 'Last name', value: text(p.lastName) },
    { label: 'Email', value: text(p.email, 'none held') },
    { label: 'Company', value: text(p.company) },
    { label: 'Position', value: text(p.position) },
    { label: 'LinkedIn profile URL', value: text(p.profileUrl, 'none held') },
    { label: 'Connected on', value: text(p.connectedOn) },
    { label: 'Self-employed or sole trader', value: text(p.soleTrader) },
    {
      label: 'Special-category hints',
      value: specialCategoryHintsText({ specialCategories: strings(p.specialCategories), strippedCategories: strings(p.strippedCategories) }, humanise),
    },
    ...Object.entries(extra).map(([column, value]) => ({ label: `Other: ${column}`, value: text(value) })),
  ];
}

function basis(report: Json, p: Json): Fact[] {
  const lawful = obj(report, 'lawfulBasis');
  const purposes = arr(report, 'purposes').filter(isObject);
  return [
    { label: 'Group', value: text(p.group, 'none: the contact is in quarantine') },
    {
      label: 'Purpose',
      value: purposes.length === 0 ? 'none recorded' : purposes.map((x) => `${text(x.purpose)}${typeof x.description === 'string' && x.description ? `: ${x.description}` : ''}`).join('; '),
    },
    { label: 'Lawful basis', value: text(lawful.basis) },
    ...Object.entries(obj(lawful, 'evidence')).map(([label, value]) => ({ label: `Evidence: ${label}`, value: text(value) })),
    ...(lawful.yourConsent !== undefined ? [{ label: 'Their consent', value: text(lawful.yourConsent) }] : []),
    ...(lawful.art9Condition !== undefined ? [{ label: 'Art. 9(2) condition', value: text(lawful.art9Condition) }] : []),
    ...(lawful.art10Authority !== undefined ? [{ label: 'Art. 10 authority', value: text(lawful.art10Authority) }] : []),
  ];
}

/** How consent was given, after "given on <day>": 'by a phone call', 'in person'. */
function methodPhrase(method: string): string {
  if (method === 'in-person') return 'in person';
  if (method === 'other') return 'in another way';
  return `by ${consentMethodLabel(method).toLowerCase()}`;
}

/** One consent in a sentence: what, by which channels, the statement, when and how, and whether it still counts. */
export function consentSentence(c: Json): string {
  const state =
    typeof c.withdrawnAt === 'string' && c.withdrawnAt
      ? `withdrawn on ${dayOf(c.withdrawnAt)}`
      : c.unconfirmed === true
        ? 'carried over from a group record and not confirmed: not relied on'
        : 'in force';
  const wording = typeof c.wording === 'string' ? ` “${c.wording}”` : '';
  const version = typeof c.wordingVersion === 'string' ? ` (version ${c.wordingVersion})` : '';
  return `${purposeLabel(text(c.purpose))} by ${channelsLabel(strings(c.channels)) || NOT_RECORDED}:${wording}${version}, given on ${dayOf(c.obtainedAt)} ${methodPhrase(text(c.method))}; ${state}.`;
}

function marketing(m: Json): { facts: Fact[]; list: string[] } {
  const t = obj(m, 'subscriberType');
  const confirmed = typeof t.confirmedAs === 'string' ? `confirmed as ${humanise(t.confirmedAs)}` : `${humanise(text(t.inferred))}: ${text(t.reason)}`;
  return {
    facts: Object.keys(t).length > 0 ? [{ label: 'Subscriber type', value: `Treated as a ${humanise(text(t.treatedAs))} subscriber (${confirmed})` }] : [],
    list: arr(m, 'softOptIns')
      .filter(isObject)
      .map((o) => `Soft opt-in (PECR reg. 22(3)) by ${channelsLabel(strings(o.channels))} since ${dayOf(o.obtainedAt)} (${humanise(text(o.context))}): ${text(o.products)}`),
  };
}

/** One entry of the suppression list in a sentence. */
function suppressionSentence(s: Json): string {
  const purpose = typeof s.purpose === 'string' && s.purpose ? ` for ${purposeLabel(s.purpose).toLowerCase()}` : '';
  const lifted = typeof s.liftedAt === 'string' && s.liftedAt ? `; lifted on ${dayOf(s.liftedAt)}` : '; in force';
  return `${suppressionReasonLabel(text(s.reason))}${purpose}, since ${dayOf(s.createdAt)}${lifted}.`;
}

/** The report's JSON in sections, or null when it is not a subject access report at all. */
export function readAccessReport(json: string): AccessReport | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObject(parsed) || !isObject(parsed.personalData)) return null;
  const r = parsed;
  const p = obj(r, 'personalData');
  const name = [p.firstName, p.lastName].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' ') || 'This person (no name held)';
  const m = isObject(r.marketing) ? marketing(r.marketing) : { facts: [], list: [] };
  const retention = obj(r, 'retention');
  const source = obj(r, 'source');
  return {
    contactId: text(r.contactId),
    name,
    sections: [
      { id: 'personal', title: 'Personal data held', facts: personal(p), list: [] },
      { id: 'basis', title: 'Group, purpose and lawful basis', facts: basis(r, p), list: [] },
      { id: 'consents', title: 'Consent records', facts: [], list: arr(r, 'consents').filter(isObject).map(consentSentence), empty: 'No consent of theirs is recorded.' },
      { id: 'marketing', title: 'Marketing rules (PECR)', facts: m.facts, list: m.list, empty: 'Nothing recorded.' },
      { id: 'notice', title: 'Privacy notice (Art. 14)', facts: [{ label: 'Notice', value: text(r.privacyNotice) }], list: [] },
      { id: 'recipients', title: 'Recipients', facts: [], list: strings(r.recipients), empty: 'None recorded.' },
      { id: 'suppression', title: 'Suppression list', facts: [], list: arr(r, 'suppressionList').filter(isObject).map(suppressionSentence), empty: 'They are not on the suppression list.' },
      {
        id: 'retention',
        title: 'How long it is kept',
        facts: [
          { label: 'Held since', value: dayOf(retention.createdAt) },
          { label: 'Last changed', value: dayOf(retention.updatedAt) },
          { label: 'Destroyed on', value: retention.expiresAt === null ? 'no date set' : dayOf(retention.expiresAt) },
          { label: 'Legal hold', value: text(retention.legalHold) },
          { label: 'Why', value: text(retention.explanation) },
        ],
        list: [],
      },
      {
        id: 'source',
        title: 'Where it came from',
        facts: [
          { label: 'Source', value: text(source.description) },
          { label: 'Line in the file', value: text(source.line) },
          { label: 'Import id', value: text(source.importId), mono: true },
        ],
        list: [],
      },
      { id: 'rights', title: 'Their rights and automated decisions', facts: [{ label: 'Automated decisions', value: text(r.automatedDecisionMaking) }], list: strings(r.rights) },
    ],
  };
}

/**
 * A file name for the saved report, without the person's name (a file listing should not be personal data):
 * 'subject-access-f8db379e-2026-11-29.json', from the start of the contact id and the day.
 */
export function accessFileName(contactId: string, day: string, extension: 'json' | 'csv'): string {
  const short = /^[0-9a-f]{8}/i.exec(contactId)?.[0].toLowerCase() ?? 'person';
  return `subject-access-${short}-${day}.${extension}`;
}
