// Words the screens show for the core's enums. The renderer keeps its own labels (it imports only the contract).
import type { Art9Condition, Basis, NoticeStatus, Purpose } from './policy-form.js';

export const BASIS_LABELS: Record<Basis, string> = {
  consent: 'Consent — Art. 6(1)(a)',
  contract: 'Contract — Art. 6(1)(b)',
  'legal-obligation': 'Legal obligation — Art. 6(1)(c)',
  'vital-interests': 'Vital interests — Art. 6(1)(d)',
  'public-task': 'Public task — Art. 6(1)(e)',
  'legitimate-interests': 'Legitimate interests — Art. 6(1)(f)',
};

export const BASIS_SHORT: Record<Basis, string> = {
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

export const NOTICE_LABELS: Record<NoticeStatus, string> = {
  sent: 'Sent — people have been told',
  planned: 'Planned — will be sent by the date below',
  exempt: 'Exempt — an Art. 14(5) exemption applies',
};

export const EMAIL_KIND_LABELS: Record<string, string> = {
  corporate: 'Work (corporate)',
  personal: 'Personal (free mail)',
  none: 'No email',
};

export const ANCHORS = ['imported', 'connected', 'basis-assigned', 'last-review'] as const;
export type Anchor = (typeof ANCHORS)[number];
export const ANCHOR_LABELS: Record<Anchor, string> = {
  imported: 'the date of import',
  connected: 'the date you connected',
  'basis-assigned': 'the date the lawful basis was assigned',
  'last-review': 'the last review',
};

export const FINDING_KINDS = [
  'special-category',
  'phone-number',
  'email-address',
  'personal-mailbox',
  'sole-trader',
  'corporate-mailbox',
  'formula',
  'duplicate',
  'empty-record',
  'invalid-email',
  'invalid-date',
  'invalid-url',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Record<FindingKind, { title: string; explanation: string }> = {
  'special-category': {
    title: 'Special-category hints',
    explanation: 'Words that may reveal health, religion, politics, union membership, sexuality or criminal records (Art. 9 and 10). A person should review them; you can strip them.',
  },
  'phone-number': { title: 'Phone numbers in text', explanation: 'A phone number written into a name, company or job title. You can strip it.' },
  'email-address': { title: 'Email addresses in text', explanation: 'An email address written where it does not belong (a name, company or job title). You can strip it.' },
  'personal-mailbox': {
    title: 'Personal mailboxes',
    explanation: 'A free-mail address: an individual subscriber under PECR reg. 22, so email marketing to it needs consent.',
  },
  'sole-trader': { title: 'Sole traders', explanation: 'Self-employed or a sole trader: an individual subscriber under PECR, whatever the address.' },
  'corporate-mailbox': {
    title: 'Work mailboxes',
    explanation: 'A work address: a corporate subscriber under PECR. It is still personal data; B2B email needs an opt-out in every message.',
  },
  formula: { title: 'Spreadsheet formulas', explanation: 'Starts like a spreadsheet formula: neutralised on export, so it cannot run in Excel (CSV injection).' },
  duplicate: { title: 'Duplicates', explanation: 'The same person again in this file.' },
  'empty-record': { title: 'Empty records', explanation: 'No name, profile, email, company or position: nothing to keep, so it is skipped.' },
  'invalid-email': { title: 'Malformed email addresses', explanation: 'An email address that is not well formed.' },
  'invalid-date': { title: 'Unreadable dates', explanation: 'A connection date that cannot be read.' },
  'invalid-url': { title: 'Malformed profile addresses', explanation: 'A profile address that is not a web address.' },
};

export function findingInfo(kind: string): { title: string; explanation: string } {
  return (FINDING_LABELS as Record<string, { title: string; explanation: string }>)[kind] ?? { title: humanise(kind), explanation: '' };
}

/** 'trade-union-membership' → 'trade union membership'. */
export function humanise(word: string): string {
  return word.replace(/[-_.]/g, ' ');
}

export const RULE_TYPES = ['company', 'email-kind', 'connected-year', 'position-keyword'] as const;
export type RuleType = (typeof RULE_TYPES)[number];
export const RULE_LABELS: Record<RuleType, string> = {
  company: 'Works at one of these companies',
  'email-kind': 'Has this kind of email address',
  'connected-year': 'Connected in these years',
  'position-keyword': 'Position mentions one of these words',
};

export function basisLabel(basis: string | null | undefined): string {
  if (!basis) return 'No lawful basis';
  return (BASIS_SHORT as Record<string, string>)[basis] ?? humanise(basis);
}
