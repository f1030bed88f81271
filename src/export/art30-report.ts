// Records of processing activities (UK GDPR Art. 30(1)): the controller and its DPO, one entry per group (its data
// subjects by source, and the recipients its members were disclosed to), the quarantine, the recipients and transfers
// from the register, the special-category data held, retention per category and the security measures, as Markdown
// to read and as CSV to file. Pure: the caller counts contacts, reads their sources and the disclosure log, words the
// retention, reads the register and passes the date.
import type { GroupPolicy } from '../policy/lawful-basis.js';
import { art9Name } from '../policy/special-category.js';
import { lacksTransferMechanism } from '../policy/transfers.js';
import type { RecipientRole, SourceKind, TransferMechanism } from '../shared/vocabulary.js';
import { toCsv } from './csv-cell.js';
import { BASIS_WORDS, PURPOSE_WORDS } from './labels.js';
import { dataCategoryLabel } from '../shared/data-categories.js';

/** How many contacts hold hints of one Art. 9 or Art. 10 category (StoredContact.specialCategories). */
export interface Art30SpecialCount {
  category: string;
  contacts: number;
}

export interface Art30Group {
  groupId: string;
  label: string;
  contacts: number;
  policy: GroupPolicy | null;
  /** Plain-English retention, computed by the caller. */
  retention: string;
  /** e.g. ['user.name.first', 'user.contact.email']. */
  dataCategories: string[];
  specialCategories: Art30SpecialCount[];
  /** Where the members' details came from (their imports' kinds): the categories of data subjects (Art. 30(1)(c)). */
  sources: SourceKind[];
  /** The names of the recipients the disclosure log shows the current members went to (Art. 30(1)(d)). */
  disclosedTo: string[];
}

/** The quarantine: the same facts as a group's, without a policy. */
export type Art30Quarantine = Pick<Art30Group, 'contacts' | 'retention' | 'specialCategories' | 'sources' | 'disclosedTo'>;

/** Art. 30(1)(a): who the controller is. `recorded` is false when no details were recorded (controller set). */
export interface Art30Controller {
  /** The recorded name, or the one the request gave; null when there is neither. */
  name: string | null;
  contact: string | null;
  dpo: string | null;
  representative: string | null;
  recorded: boolean;
}

/** One entry of the recipients register (Art. 30(1)(d)-(e)). */
export interface Art30Recipient {
  name: string;
  role: RecipientRole;
  contractDate: string | null;
  hostingRegion: string;
  transfer: TransferMechanism;
}

export interface Art30Input {
  controller: Art30Controller;
  generatedAt: string;
  groups: Art30Group[];
  quarantined: Art30Quarantine;
  recipients: Art30Recipient[];
  /** CRM exports made before the disclosure log existed (schema 6): their recipients were not recorded. */
  unloggedExports?: { count: number; until: string } | null;
  securityMeasures: readonly string[];
}

/**
 * Art. 30(1)(g), Art. 32: what the app itself does, in words a DPO files without a glossary (technical names only in
 * brackets; no semicolons, which join the measures in a table cell); the controller adds its own organisational
 * measures. Kept true to the code: scrypt's memory is 128·N·r bytes of DEFAULT_SCRYPT (src/crypto/scrypt-kdf.ts,
 * checked by the tests); deletion is secure_delete, then a VACUUM and a truncated WAL (src/vault/destruction.ts).
 */
export const DEFAULT_SECURITY_MEASURES: readonly string[] = Object.freeze([
  'Every stored record is encrypted (AES-256-GCM) and tied to its own row, so it cannot be read without the key or moved to another row unnoticed',
  "Each member's passphrase is stretched with scrypt using 128 MiB of memory per attempt, which makes guessing it slow",
  'Emails and profile addresses are matched through keyed fingerprints (HMAC-SHA-256), not kept in plain text, to find duplicates and the people who asked not to be contacted',
  'Access by role: importer, data owner, admin, each limited to its own tasks',
  'An audit log of who did what, without personal data, each entry chained to the one before (hash-chained) so that a change or a removal shows',
  'Contacts are destroyed on schedule, with a certificate for each run: deleted records are overwritten and the file is rewritten, so no older copy of them stays in it',
  'Exported spreadsheets (CSV) have formulas neutralised, so a file cannot run commands when opened (CSV injection)',
]);

/** Art. 30(1)(a): a DPO left blank was not recorded, which is not the same as none designated (the form asks "if you have one"). */
export const NO_DPO_RECORDED = 'No DPO recorded';

const contactsWord = (n: number): string => (n === 1 ? '1 contact' : `${n} contacts`);
const NOT_RECORDED = 'not recorded';

/** Art. 30(1)(c): the people an import kind brings in; an address book uploaded to LinkedIn holds non-connections. */
const SUBJECT_WORDS: Record<SourceKind, string> = {
  'linkedin-connections': 'LinkedIn connections (business contacts)',
  'linkedin-imported-contacts': 'people in the address book a member uploaded to LinkedIn (not necessarily connections)',
  manual: "people entered by hand from the controller's own records",
};
const subjectsCell = (sources: readonly SourceKind[]): string => sources.map((k) => SUBJECT_WORDS[k]).join('; ') || 'none at present';

/** The register is every recipient, not those a group's members went to: the labels say which is which. */
const REGISTER_LABEL = 'Recipients (the register: every recipient any export went to or may go to)';
const DISCLOSED_LABEL = 'Disclosed to (the disclosure log: the recipients its current members went to)';
const disclosedCell = (names: readonly string[]): string => names.join('; ') || 'none yet';

const ROLE_WORDS: Record<RecipientRole, string> = {
  processor: "Processor (acts on the controller's instructions, Art. 28)",
  controller: 'Controller (uses the data for its own purposes)',
};

/** UK GDPR Chapter V: the safeguard that makes a transfer outside the UK lawful. */
export const TRANSFER_WORDS: Record<TransferMechanism, string> = {
  none: 'None recorded',
  adequacy: 'UK adequacy regulations (Art. 45, DPA 2018 s.17A)',
  idta: "The ICO's international data transfer agreement (IDTA, Art. 46(2)(d))",
  'uk-addendum': 'The UK Addendum to the EU standard contractual clauses (Art. 46(2)(d))',
  'binding-corporate-rules': 'Binding corporate rules (Art. 47)',
  'art49-derogation': 'A derogation for a specific situation (Art. 49)',
};

const transfersOf = (rs: readonly Art30Recipient[]) => rs.filter((r) => r.transfer !== 'none');
/**
 * Recipients hosted, as far as the text says, outside the UK with no transfer mechanism: to check. The register
 * refuses a new one (src/app/use-cases/disclosures.ts); one registered before that rule may remain.
 */
const uncheckedOf = (rs: readonly Art30Recipient[]) => rs.filter(lacksTransferMechanism);
const uncheckedNote = (r: Art30Recipient): string =>
  `Check: ${r.name} is hosted in "${r.hostingRegion}" with no transfer mechanism recorded: if that is outside the UK, the transfer needs a safeguard (UK GDPR Chapter V).`;

/** Art. 28 binds processors; a controller receiving data on its own account needs no such contract. */
const contractOf = (r: Art30Recipient): string => r.contractDate ?? (r.role === 'controller' ? 'not applicable (a controller)' : 'none');
/** The register in one cell: each recipient with its role, contract and region; "none" only when it is empty. */
const recipientsCell = (rs: readonly Art30Recipient[]): string =>
  rs.map((r) => `${r.name} (${r.role}; Art. 28 contract: ${contractOf(r)}; hosted in ${r.hostingRegion})`).join('; ') || 'none';
const transfersCell = (rs: readonly Art30Recipient[]): string =>
  [...transfersOf(rs).map((r) => `${r.name} (${r.hostingRegion}): ${TRANSFER_WORDS[r.transfer]}`), ...uncheckedOf(rs).map(uncheckedNote)].join('; ') ||
  'No transfers recorded';

const specialWords = (category: string): string => `${category.replace(/-/g, ' ')} (${category === 'criminal-offences' ? 'Art. 10' : 'Art. 9'})`;
const specialCell = (counts: readonly Art30SpecialCount[]): string => counts.map((c) => `${specialWords(c.category)}: ${contactsWord(c.contacts)}`).join('; ');

const controllerRows = (c: Art30Controller): [string, string][] => [
  ['Name', c.name ?? NOT_RECORDED],
  ['Contact details', c.contact ?? NOT_RECORDED],
  ['Data protection officer', c.dpo ?? (c.recorded ? NO_DPO_RECORDED : NOT_RECORDED)],
  ...(c.representative !== null || !c.recorded ? [['Representative', c.representative ?? NOT_RECORDED] as [string, string]] : []),
];

const purposeOf = (p: GroupPolicy | null): string =>
  p === null ? 'none recorded: contacts may not be used or exported' : `${PURPOSE_WORDS[p.purpose]}: ${p.purposeDescription}`;
const basisOf = (p: GroupPolicy | null): string => (p === null ? 'none recorded (Art. 6(1))' : BASIS_WORDS[p.basis]);
/** '2027-01-10T10:00:00.000Z' → '10 January 2027, 10:00 UTC' ('2027-01-10' → '10 January 2027'): a record a person reads. */
function generatedWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  return m[4] ? `${day}, ${m[4]} UTC` : day;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** DPA 2018 Sch. 1 para. 41: where a Sch. 1 condition is relied on, the record names it (and its policy document). */
const specialOf = (p: GroupPolicy | null): string =>
  [
    p?.art9Condition !== undefined ? `Art. 9(2)${art9Name(p.art9Condition)}` : '',
    p?.art9MadePublicWhere ? `made public in: ${p.art9MadePublicWhere}` : '',
    p?.schedule1Condition ? `DPA 2018 ${p.schedule1Condition.replace(/^DPA 2018\s+/i, '')}` : '',
    p?.art10Authority !== undefined ? `Art. 10: ${p.art10Authority}` : '',
    p?.appropriatePolicyDocument ? `appropriate policy document: ${p.appropriatePolicyDocument}` : '',
  ]
    .filter(Boolean)
    .join('; ');

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

const table = (head: [string, ...string[]], rows: readonly (readonly string[])[]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(markdownText).join(' | ')} |`),
];

function groupSection(g: Art30Group, input: Art30Input): string {
  const special = specialOf(g.policy);
  const rows: [string, string][] = [
    ['Contacts', String(g.contacts)],
    ['Purpose', purposeOf(g.policy)],
    ['Lawful basis', basisOf(g.policy)],
    ...(special ? [['Special category / criminal offence condition', special] as [string, string]] : []),
    ...(g.specialCategories.length ? [['Special category data held', specialCell(g.specialCategories)] as [string, string]] : []),
    ['Categories of data subjects', subjectsCell(g.sources)],
    ['Categories of personal data', g.dataCategories.map(dataCategoryLabel).join(', ') || 'none'],
    [REGISTER_LABEL, recipientsCell(input.recipients)],
    [DISCLOSED_LABEL, disclosedCell(g.disclosedTo)],
    ['Transfers to third countries', transfersCell(input.recipients)],
    ['Retention', g.retention],
    ['Security measures', input.securityMeasures.join('; ')],
  ];
  return [`## Group: ${markdownText(g.label) || '(no label)'}`, '', ...table(['Record', 'Detail'], rows)].join('\n');
}

/** Art. 30(1)(d)-(e): the register, and every recipient a transfer outside the UK reaches. */
function recipientSections(rs: readonly Art30Recipient[], unlogged: Art30Input['unloggedExports'] = null): string[] {
  const transfers = transfersOf(rs);
  const unchecked = uncheckedOf(rs);
  return [
    '## Recipients (Art. 30(1)(d))',
    '',
    'The register: every recipient any export went to or may go to. Each group above names the recipients its current members were disclosed to.',
    '',
    ...(unlogged
      ? [
          `Not known: ${unlogged.count === 1 ? '1 export' : `${unlogged.count} exports`} made up to ${unlogged.until.slice(0, 10)}, before recipients were recorded; who received them must be found and added to the register.`,
          '',
        ]
      : []),
    ...(rs.length === 0
      ? [unlogged ? 'No recipient is registered since then.' : 'None: no recipient is registered, and every export to a CRM or mailing tool names a registered recipient.']
      : table(
          ['Recipient', 'Role', 'Art. 28 contract', 'Hosting region', 'Transfer mechanism'],
          rs.map((r) => [r.name, ROLE_WORDS[r.role], contractOf(r), r.hostingRegion, TRANSFER_WORDS[r.transfer]]),
        )),
    '',
    '## Transfers to third countries (Art. 30(1)(e))',
    '',
    ...(transfers.length === 0 ? ['No transfers recorded.'] : transfers.map((r) => `- ${markdownText(r.name)} (${markdownText(r.hostingRegion)}): ${TRANSFER_WORDS[r.transfer]}`)),
    ...(unchecked.length === 0 ? [] : ['', ...unchecked.map((r) => `- ${markdownText(uncheckedNote(r))}`)]),
    '',
  ];
}

/** The Art. 9 and Art. 10 categories hinted at in the data kept, summed over the groups and the quarantine. */
function specialTotals(input: Art30Input): Art30SpecialCount[] {
  const totals = new Map<string, number>();
  for (const c of [...input.groups.flatMap((g) => g.specialCategories), ...input.quarantined.specialCategories]) totals.set(c.category, (totals.get(c.category) ?? 0) + c.contacts);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, contacts]) => ({ category, contacts }));
}

/** The records of processing as a Markdown document. */
export function art30Markdown(input: Art30Input): string {
  const q = input.quarantined;
  const special = specialTotals(input);
  // Quarantined: the people in no group, and those in groups without a lawful basis.
  const inGroupsWithoutBasis = input.groups.filter((g) => g.policy === null).reduce((n, g) => n + g.contacts, 0);
  const parts = [
    '# Records of processing activities (UK GDPR Art. 30(1))',
    '',
    `- Controller: ${markdownText(input.controller.name ?? NOT_RECORDED)}`,
    `- Generated: ${markdownText(generatedWords(input.generatedAt))}`,
    `- Groups: ${input.groups.length}; contacts in groups: ${input.groups.reduce((n, g) => n + g.contacts, 0)}; quarantined: ${q.contacts + inGroupsWithoutBasis} (${q.contacts} in no group, ${inGroupsWithoutBasis} in groups without a lawful basis)`,
    '',
    '## Controller (Art. 30(1)(a))',
    '',
    ...table(['Record', 'Detail'], controllerRows(input.controller)),
    '',
    ...input.groups.flatMap((g) => [groupSection(g, input), '']),
    '## Quarantine',
    '',
    `${contactsWord(q.contacts)} ${q.contacts === 1 ? 'is' : 'are'} in no group` +
      (inGroupsWithoutBasis > 0 ? `, and ${contactsWord(inGroupsWithoutBasis)} in groups without a lawful basis (above)` : '') +
      ': no lawful basis covers them, so they are neither used nor exported (UK GDPR Art. 6(1)) and are destroyed when ' +
      'the quarantine ends (Art. 5(1)(e)).',
    '',
    `Retention: ${markdownText(q.retention)}`,
    '',
    ...(q.disclosedTo.length === 0 ? [] : [`Disclosed before they were quarantined (the disclosure log): ${markdownText(disclosedCell(q.disclosedTo))}`, '']),
    ...recipientSections(input.recipients, input.unloggedExports),
    '## Special category and criminal offence data held (Art. 9, Art. 10)',
    '',
    ...(special.length === 0 ? ['None found in the data kept.'] : special.map((c) => `- ${markdownText(specialWords(c.category))}: ${contactsWord(c.contacts)}`)),
    '',
    '## Retention per category (Art. 30(1)(f))',
    '',
    ...table(['Category', 'Retention'], [...input.groups.map((g) => [`Group: ${g.label}`, g.retention]), ['Quarantine', q.retention]]),
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
  'Controller contact',
  'Data protection officer',
  'Representative',
  'Generated',
  'Group id',
  'Group',
  'Contacts',
  'Purpose',
  'Lawful basis',
  'Special category / criminal offence condition',
  'Special category data held',
  'Categories of data subjects',
  'Categories of personal data',
  REGISTER_LABEL,
  DISCLOSED_LABEL,
  'Transfers to third countries',
  'Retention',
  'Security measures',
];

/** One row per group, then one for the quarantine, through toCsv (neutralised, quoted, with a BOM). */
export function art30Csv(input: Art30Input): string {
  const controller = Object.fromEntries(controllerRows(input.controller));
  const common = (g: Art30Quarantine) => ({
    contacts: String(g.contacts),
    special: specialCell(g.specialCategories),
    retention: g.retention,
    subjects: subjectsCell(g.sources),
    disclosedTo: disclosedCell(g.disclosedTo),
  });
  const row = (groupId: string, label: string, policy: GroupPolicy | null, dataCategories: string, g: ReturnType<typeof common>) => [
    controller.Name!,
    controller['Contact details']!,
    controller['Data protection officer']!,
    controller.Representative ?? '',
    input.generatedAt,
    groupId,
    label,
    g.contacts,
    purposeOf(policy),
    basisOf(policy),
    specialOf(policy),
    g.special,
    g.subjects,
    dataCategories,
    recipientsCell(input.recipients),
    g.disclosedTo,
    transfersCell(input.recipients),
    g.retention,
    input.securityMeasures.join('; '),
  ];
  const rows = [
    ...input.groups.map((g) => row(g.groupId, g.label, g.policy, g.dataCategories.map(dataCategoryLabel).join(', '), common(g))),
    row('', 'Quarantine', null, '', common(input.quarantined)),
  ];
  return toCsv(CSV_HEADER, rows);
}
