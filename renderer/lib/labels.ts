// Words the screens show for the shared vocabularies (src/shared/vocabulary.ts). Each map is typed by its
// vocabulary, so a word added there without a label here is a type error; a plain string is looked up through
// `lookup` (lib/guards.ts), never by casting the map.
import type { Anchor, ContactChannel, EmailKind, FindingKind, LawfulBasis, NoticeStatus, Purpose, Role, RuleType, Strippable } from '../../src/shared/vocabulary.js';
import type { Art9Condition } from '../types.js';
import { longDay } from './format.js';
import { lookup } from './guards.js';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', 'data-owner': 'Data owner', importer: 'Importer' };

export const BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'Consent — Art. 6(1)(a)',
  contract: 'Contract — Art. 6(1)(b)',
  'legal-obligation': 'Legal obligation — Art. 6(1)(c)',
  'vital-interests': 'Vital interests — Art. 6(1)(d)',
  'public-task': 'Public task — Art. 6(1)(e)',
  'legitimate-interests': 'Legitimate interests — Art. 6(1)(f)',
};

export const BASIS_SHORT: Record<LawfulBasis, string> = {
  consent: 'Consent',
  contract: 'Contract',
  'legal-obligation': 'Legal obligation',
  'vital-interests': 'Vital interests',
  'public-task': 'Public task',
  'legitimate-interests': 'Legitimate interests',
};

export const PURPOSE_LABELS: Record<Purpose, string> = {
  'email-marketing': 'Email marketing',
  prospecting: 'Prospecting (sales outreach)',
  recruitment: 'Recruitment',
  networking: 'Professional networking',
  'account-management': 'Managing existing accounts',
  events: 'Events and invitations',
  other: 'Other',
};

export const ART9_LABELS: Record<Art9Condition, string> = {
  'explicit-consent': '(a) Explicit consent',
  'employment-social-security': '(b) Employment, social security and social protection law',
  'vital-interests': '(c) Vital interests of someone unable to consent',
  'not-for-profit-body': '(d) Not-for-profit body, about its members',
  'made-public-by-data-subject': '(e) Made manifestly public by the person',
  'legal-claims': '(f) Legal claims or courts',
  'substantial-public-interest': '(g) Substantial public interest (with a DPA 2018 Sch. 1 condition)',
  'health-social-care': '(h) Health or social care',
  'public-health': '(i) Public health',
  'archiving-research': '(j) Archiving, research or statistics',
};

/** The group's notice plan; who was told is recorded per person on the Notices & PECR screen (Art. 14(3)). */
export const NOTICE_LABELS: Record<NoticeStatus, string> = {
  sent: 'Sent — then record who was told on the Notices & PECR screen',
  planned: 'Planned — will be sent by the date below',
  exempt: 'Exempt — an Art. 14(5) exemption applies (recorded per person on the Notices & PECR screen)',
};

/** The group's notice plan as a summary says it, with its date in words (the options above speak of a field below). */
export function noticePlanText(notice: { status: NoticeStatus; date?: string | null }): string {
  const on = notice.date ? longDay(notice.date) : null;
  switch (notice.status) {
    case 'sent':
      return on ? `Sent on ${on}` : 'Sent';
    case 'planned':
      return on ? `Planned: to be sent by ${on}` : 'Planned';
    case 'exempt':
      return on ? `Exempt under Art. 14(5), decided on ${on}` : 'Exempt under Art. 14(5)';
  }
}

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  corporate: 'Work (corporate)',
  personal: 'Personal (free mail)',
  none: 'No email',
};

export const ANCHOR_LABELS: Record<Anchor, string> = {
  imported: 'the date of import',
  connected: 'the date you connected',
  'basis-assigned': 'the date the lawful basis was assigned',
  'last-review': 'the last review',
};

/** A retention policy set before rationales were recorded (schema 7). */
export const NO_RATIONALE = 'No rationale recorded (set before schema 7)';

/** The order the import preview lists findings in: what needs a person's decision first (a lower rank is shown first). */
export const FINDING_RANK: Record<FindingKind, number> = {
  'special-category': 0,
  'phone-number': 1,
  'email-address': 2,
  'personal-mailbox': 3,
  'sole-trader': 4,
  'corporate-mailbox': 5,
  formula: 6,
  duplicate: 7,
  'empty-record': 8,
  'invalid-email': 9,
  'invalid-date': 10,
  'invalid-url': 11,
};

export const FINDING_LABELS: Record<FindingKind, { title: string; explanation: string }> = {
  'special-category': {
    title: 'Special-category hints',
    explanation: 'Words that may reveal health, religion, politics, union membership, sexuality or criminal records (Art. 9 and 10). A person should review them; you can strip them.',
  },
  'phone-number': { title: 'Phone numbers in text', explanation: 'A phone number written into a name, company or job title. You can strip it.' },
  'email-address': { title: 'Email addresses in text', explanation: 'An email address written where it does not belong (a name, company or job title). You can strip it.' },
  'personal-mailbox': {
    title: 'Personal mailboxes',
    explanation: 'A free-mail address: an individual subscriber under PECR reg. 22, so email marketing to it needs consent or the soft opt-in (PECR reg. 22(3)).',
  },
  'sole-trader': { title: 'Sole traders', explanation: 'Self-employed or a sole trader: an individual subscriber under PECR, whatever the address.' },
  'corporate-mailbox': {
    title: 'Work mailboxes',
    explanation:
      'A work address suggests a corporate subscriber under PECR, but sole traders and (outside Scotland) partnerships are individual subscribers: confirm the type with subscriber confirm. It is still personal data; every marketing email needs the sender named and an opt-out.',
  },
  formula: { title: 'Spreadsheet formulas', explanation: 'Starts like a spreadsheet formula: neutralised on export, so it cannot run in Excel (CSV injection).' },
  duplicate: { title: 'Duplicates', explanation: 'The same person again in this file.' },
  'empty-record': { title: 'Empty records', explanation: 'No name, profile, email, company or position: nothing to keep, so it is skipped.' },
  'invalid-email': { title: 'Malformed email addresses', explanation: 'An email address that is not well formed.' },
  'invalid-date': { title: 'Unreadable dates', explanation: 'A connection date that cannot be read.' },
  'invalid-url': { title: 'Malformed profile addresses', explanation: 'A profile address that is not a web address.' },
};

export function findingInfo(kind: string): { title: string; explanation: string } {
  return lookup(FINDING_LABELS, kind) ?? { title: humanise(kind), explanation: '' };
}

/** 'trade-union-membership' → 'trade union membership'. */
export function humanise(word: string): string {
  return word.replace(/[-_.]/g, ' ');
}

export const RULE_LABELS: Record<RuleType, string> = {
  company: 'Works at one of these companies',
  'email-kind': 'Has this kind of email address',
  'connected-year': 'Connected in these years',
  'position-keyword': 'Position mentions one of these words',
  manual: 'Chosen one by one',
};

/** The email kinds as the add-group form offers them for an email-kind rule. */
export const RULE_EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  corporate: 'Work address (company domain)',
  personal: 'Personal address (free mail)',
  none: 'No email address',
};

export const STRIP_LABELS: Record<Strippable, string> = {
  'phone-number': 'Strip phone numbers written into names, companies and job titles',
  'email-address': 'Strip email addresses written into names, companies and job titles',
  'special-category': 'Strip special-category hints (health, religion, politics, union membership, criminal records): the whole phrase that carries one',
};

/** A lawful basis in short ('Legitimate interests'); 'No lawful basis' for none. */
export function basisLabel(basis: string | null | undefined): string {
  if (!basis) return 'No lawful basis';
  return lookup(BASIS_SHORT, basis) ?? humanise(basis);
}

/** A purpose in words, or the word itself when it is not one of the shared purposes. */
export function purposeLabel(purpose: string): string {
  return lookup(PURPOSE_LABELS, purpose) ?? purpose;
}

/** The ways to reach a person (PECR follows the channel): exports, consents and notices all use these words. */
export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  email: 'Email',
  sms: 'Text message (SMS)',
  phone: 'Phone call',
  post: 'Post',
  linkedin: 'LinkedIn message',
};
