// Records of processing activities (UK GDPR Art. 30(1)): one entry per group, as Markdown to read and as CSV to
// file. Pure: the caller counts contacts, words the retention and passes the date.
import type { GroupPolicy } from '../policy/lawful-basis.js';
import { toCsv } from './csv-cell.js';
import { BASIS_WORDS, PURPOSE_WORDS } from './labels.js';

export interface Art30Group {
  groupId: string;
  label: string;
  contacts: number;
  policy: GroupPolicy | null;
  /** Plain-English retention, computed by the caller. */
  retention: string;
  /** e.g. ['user.name.first', 'user.contact.email']. */
  dataCategories: string[];
}

export interface Art30Input {
  controller: string;
  generatedAt: string;
  groups: Art30Group[];
  quarantined: { contacts: number; retention: string };
  securityMeasures: readonly string[];
}

/** Art. 30(1)(g), Art. 32: what the app itself does; the controller adds its own organisational measures. */
export const DEFAULT_SECURITY_MEASURES: readonly string[] = Object.freeze([
  'AES-256-GCM encryption of every stored record, bound to its row',
  'Passphrase key slots with scrypt (N=2^17, r=8, p=1)',
  'Keyed blind indexes (HMAC-SHA-256) instead of plaintext emails and profile URLs for dedupe and suppression',
  'Role-based access: importer, data owner, admin',
  'Hash-chained, append-only audit log without personal data',
  'Scheduled destruction with certificates; secure_delete and WAL truncation',
  'CSV exports neutralise spreadsheet formulas (CSV injection)',
]);

const SUBJECTS = 'LinkedIn connections (business contacts)';
const RECIPIENTS = 'none outside the controller unless exported to a CRM';
const TRANSFERS = 'none';

const purposeOf = (p: GroupPolicy | null): string =>
  p === null ? 'none recorded: contacts may not be used or exported' : `${PURPOSE_WORDS[p.purpose]}: ${p.purposeDescription}`;
const basisOf = (p: GroupPolicy | null): string => (p === null ? 'none recorded (Art. 6(1))' : BASIS_WORDS[p.basis]);
const specialOf = (p: GroupPolicy | null): string =>
  [
    p?.art9Condition !== undefined ? `Art. 9(2): ${p.art9Condition}` : '',
    p?.art10Authority !== undefined ? `Art. 10: ${p.art10Authority}` : '',
  ]
    .filter(Boolean)
    .join('; ');
const contactsWord = (n: number): string => (n === 1 ? '1 contact' : `${n} contacts`);

/**
 * Text from users (labels, descriptions, evidence) made inert in Markdown: one line, and every character that
 * could end a table cell or start a link, an image, emphasis, a heading, a list, a rule or raw HTML escaped with a
 * backslash (CommonMark backslash escapes).
 */
export function markdownText(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]<>|#!~&]/g, '\\$&')
    .trim()
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function groupSection(g: Art30Group, securityMeasures: readonly string[]): string {
  const special = specialOf(g.policy);
  const rows: [string, string][] = [
    ['Contacts', String(g.contacts)],
    ['Purpose', purposeOf(g.policy)],
    ['Lawful basis', basisOf(g.policy)],
    ...(special ? [['Special category / criminal offence condition', special] as [string, string]] : []),
    ['Categories of data subjects', SUBJECTS],
    ['Categories of personal data', g.dataCategories.join(', ') || 'none'],
    ['Recipients', RECIPIENTS],
    ['Transfers to third countries', TRANSFERS],
    ['Retention', g.retention],
    ['Security measures', securityMeasures.join('; ')],
  ];
  return [
    `## Group: ${markdownText(g.label) || '(no label)'}`,
    '',
    '| Record | Detail |',
    '| --- | --- |',
    ...rows.map(([item, detail]) => `| ${item} | ${markdownText(detail)} |`),
  ].join('\n');
}

/** The records of processing as a Markdown document: a heading and a table per group, then the quarantine. */
export function art30Markdown(input: Art30Input): string {
  const q = input.quarantined;
  const parts = [
    '# Records of processing activities (UK GDPR Art. 30(1))',
    '',
    `- Controller: ${markdownText(input.controller)}`,
    `- Generated: ${markdownText(input.generatedAt)}`,
    `- Groups: ${input.groups.length}; contacts in groups: ${input.groups.reduce((n, g) => n + g.contacts, 0)}; quarantined: ${q.contacts}`,
    '',
    ...input.groups.flatMap((g) => [groupSection(g, input.securityMeasures), '']),
    '## Quarantine',
    '',
    `${contactsWord(q.contacts)} ${q.contacts === 1 ? 'is' : 'are'} in quarantine: no group with a lawful basis claims ` +
      'them, so they are neither used nor exported (UK GDPR Art. 6(1)) and are destroyed when the quarantine ends ' +
      '(Art. 5(1)(e)).',
    '',
    `Retention: ${markdownText(q.retention)}`,
    '',
    '## Security measures (Art. 30(1)(g), Art. 32)',
    '',
    ...input.securityMeasures.map((m) => `- ${markdownText(m)}`),
    '',
  ];
  return parts.join('\n');
}

const CSV_HEADER = [
  'Controller',
  'Generated',
  'Group id',
  'Group',
  'Contacts',
  'Purpose',
  'Lawful basis',
  'Special category / criminal offence condition',
  'Categories of data subjects',
  'Categories of personal data',
  'Recipients',
  'Transfers to third countries',
  'Retention',
  'Security measures',
];

/** One row per group through toCsv (neutralised, quoted, with a BOM). */
export function art30Csv(input: Art30Input): string {
  const rows = input.groups.map((g) => [
    input.controller,
    input.generatedAt,
    g.groupId,
    g.label,
    String(g.contacts),
    purposeOf(g.policy),
    basisOf(g.policy),
    specialOf(g.policy),
    SUBJECTS,
    g.dataCategories.join(', '),
    RECIPIENTS,
    TRANSFERS,
    g.retention,
    input.securityMeasures.join('; '),
  ]);
  return toCsv(CSV_HEADER, rows);
}
