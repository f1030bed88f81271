// The privacy notice people are owed when their data did not come from them (UK GDPR Art. 14(1)-(2)), generated from
// a group's policy: who we are, the Art. 21(4) right to object (separately, near the top), purposes and basis, the
// details held, the source, recipients and transfers, retention, automated decision-making, rights and complaints
// (to us under DPA 2018 s.164A, and the right to go to the ICO). One structure, rendered as Markdown and as plain text. Pure: the caller gathers
// the facts.
import type { GroupPolicy } from '../policy/lawful-basis.js';
import type { RecipientRole, SourceKind, TransferMechanism } from '../shared/vocabulary.js';
import { markdownText } from './art30-report.js';
import { BASIS_WORDS, PURPOSE_WORDS, SOURCE_BY_KIND } from './labels.js';
import { ICO_COMPLAINTS_URL, rightsFor } from './rights.js';
import { NO_AUTOMATED_DECISIONS } from './subject-access.js';

export { ICO_COMPLAINTS_URL };

export interface PrivacyNoticeInput {
  controller: { name: string; contact: string; dpo?: string | undefined; representative?: string | undefined };
  policy: GroupPolicy;
  /** The data categories held for the group's members (categoryOf in src/classify/columns.ts, e.g. 'user.contact.email'). */
  categories: readonly string[];
  /** Art. 9/10 categories hinted at in what is held for them (e.g. 'health'), if any. */
  specialCategories: readonly string[];
  source: SourceKind;
  recipients: readonly { name: string; role: RecipientRole; hostingRegion: string; transfer: TransferMechanism }[];
  /** How long the details are kept, in words (describeRetention); null when no retention policy applies yet. */
  retention: string | null;
  version?: string | undefined;
}

/** What the notice says for each data category (Art. 14(1)(d)); an unknown key is shown as it is. */
const CATEGORY_WORDS: Record<string, string> = {
  'user.name.first': 'your first name',
  'user.name.last': 'your last name',
  'user.name': 'other parts of your name',
  'user.contact.url': 'the address of your LinkedIn profile',
  'user.contact.email': 'your email address',
  'user.workplace': 'the company you work for',
  'user.job_title': 'your job title',
  'user.connected_on': 'the date we connected on LinkedIn',
  'user.contact.phone_number': 'your phone number',
  'user.contact.address.city': 'your town or city',
  'user.contact.address.country': 'your country',
  'system.operations': 'when LinkedIn created or updated the entry',
};

const SOURCE_DETAIL: Partial<Record<SourceKind, string>> = {
  'linkedin-connections':
    "You are connected with us on LinkedIn, and LinkedIn lets its members download their connections' names, profile addresses, employers, job titles and, where you allowed it, email addresses.",
  'linkedin-imported-contacts': 'We had your details in that address book before uploading it; LinkedIn gave them back to us in its data download.',
};
const MANUAL_SOURCE = 'Entered by hand by the controller from its own records';

const ROLE_WORDS: Record<RecipientRole, string> = {
  processor: 'processes your details for us under a contract (a processor, UK GDPR Art. 28)',
  controller: 'uses your details for its own purposes (a controller)',
};

const TRANSFER_WORDS: Record<TransferMechanism, string> = {
  none: '',
  adequacy: 'UK adequacy regulations',
  idta: "the ICO's International Data Transfer Agreement",
  'uk-addendum': "the UK Addendum to the EU's standard contractual clauses",
  'binding-corporate-rules': 'binding corporate rules',
  'art49-derogation': 'a derogation for specific situations (UK GDPR Art. 49)',
};

const ART9_WORDS: Record<NonNullable<GroupPolicy['art9Condition']>, string> = {
  'explicit-consent': 'your explicit consent (Art. 9(2)(a))',
  'employment-social-security': 'employment and social security law (Art. 9(2)(b))',
  'vital-interests': 'protecting vital interests (Art. 9(2)(c))',
  'not-for-profit-body': 'the activities of a not-for-profit body (Art. 9(2)(d))',
  'made-public-by-data-subject': 'the information having been made public by you (Art. 9(2)(e))',
  'legal-claims': 'legal claims (Art. 9(2)(f))',
  'substantial-public-interest': 'substantial public interest (Art. 9(2)(g))',
  'health-social-care': 'health or social care (Art. 9(2)(h))',
  'public-health': 'public health (Art. 9(2)(i))',
  'archiving-research': 'archiving, research or statistics (Art. 9(2)(j))',
};

/** A run of text: words we wrote, or words a person typed (escaped in Markdown, never trusted as markup). */
type Run = string | { user: string };
type Line = Run[];

interface Section {
  heading: string;
  paragraphs: Line[];
  items?: Line[];
  /** Paragraphs after the list. */
  after?: Line[];
  /** Art. 21(4): shown clearly and separately from any other information. */
  prominent?: boolean;
}

const user = (text: string): Run => ({ user: text.trim().replace(/\s*(?:\r\n|[\r\n\u2028\u2029])+\s*/g, ', ') });

/** The privacy notice as Markdown and as plain text, from the same sections. */
export function privacyNotice(input: PrivacyNoticeInput): { markdown: string; text: string } {
  const title = 'Privacy notice: how we use your details';
  const intro: Line[] = [
    [user(input.controller.name), ' holds some personal details about you that we did not collect from you. The law (UK GDPR Art. 14) says we must tell you what we hold, where it came from, what we do with it and what your rights are.'],
    ...(input.version !== undefined ? [['Notice version: ', user(input.version)] as Line] : []),
  ];
  const sections = noticeSections(input);
  return { markdown: toMarkdown(title, intro, sections), text: toText(title, intro, sections) };
}

function noticeSections(input: PrivacyNoticeInput): Section[] {
  const { controller, policy } = input;
  const contact = user(controller.contact);
  return [
    {
      heading: 'Who we are',
      paragraphs: [
        ['The controller of your details: ', user(controller.name), '.'],
        ['How to contact us: ', contact, '.'],
        ...(controller.dpo ? [['Our data protection officer: ', user(controller.dpo), '.'] as Line] : []),
        ...(controller.representative ? [['Our representative: ', user(controller.representative), '.'] as Line] : []),
      ],
    },
    objectionSection(input),
    purposeSection(policy),
    categoriesSection(input),
    {
      heading: 'Where your details came from',
      paragraphs: [[`${SOURCE_BY_KIND[input.source] ?? MANUAL_SOURCE}.`], ...(SOURCE_DETAIL[input.source] ? [[SOURCE_DETAIL[input.source]!]] : [])],
    },
    recipientsSection(input),
    {
      heading: 'How long we keep your details',
      paragraphs:
        input.retention === null
          ? [['No retention period has been set yet: we keep your details until we set one, and you may ask us to erase them at any time.']]
          : [[`${input.retention}.`], ['After that, your details are destroyed.']],
    },
    // Art. 14(2)(g): the same statement as the subject access report gives.
    { heading: 'Automated decision-making', paragraphs: [[NO_AUTOMATED_DECISIONS]] },
    rightsSection(policy, contact),
    {
      heading: 'Complaints',
      paragraphs: [
        ['If you are unhappy with how we use your details, you can complain to us: ', contact, '. We will acknowledge your complaint within 30 days, look into it without undue delay and tell you the outcome (Data Protection Act 2018 s.164A, as inserted by the Data (Use and Access) Act 2025).'],
        [`You also have the right to complain to the Information Commissioner's Office (ICO), the UK's data protection regulator: ${ICO_COMPLAINTS_URL} (UK GDPR Art. 77). The ICO usually expects you to raise your complaint with us first.`],
      ],
    },
  ];
}

/** Whether the Art. 21(1) objection applies: the same answer as the rights list (rightsFor). */
const objectsToInterests = (policy: GroupPolicy): boolean => rightsFor(policy).some((r) => r.id === 'object');

/** Art. 21(4): the right to object, brought to the person's attention explicitly, clearly and separately. */
function objectionSection(input: PrivacyNoticeInput): Section {
  const { policy } = input;
  const paragraphs: Line[] = [
    ['You have the right to object at any time to our use of your details for direct marketing, including any profiling connected with it. If you object, we stop using your details for direct marketing straight away (UK GDPR Art. 21(2) and (3)).'],
  ];
  if (objectsToInterests(policy)) {
    const basis = policy.basis === 'public-task' ? 'a task in the public interest' : 'our legitimate interests';
    paragraphs.push([`You may also object, on grounds relating to your particular situation, to any use of your details that rests on ${basis}; we must then stop unless we can show compelling legitimate grounds (UK GDPR Art. 21(1)).`]);
  }
  paragraphs.push(['To object, contact us: ', user(input.controller.contact), '.']);
  if (policy.basis === 'legitimate-interests') paragraphs.push(['You can also use the opt-out we offer: ', user(policy.evidence.optOut), '.']);
  return { heading: 'Your right to object', paragraphs, prominent: true };
}

function purposeSection(policy: GroupPolicy): Section {
  const basis: Line[] = [[`Our lawful basis: ${BASIS_WORDS[policy.basis]}.`]];
  switch (policy.basis) {
    case 'legitimate-interests':
      basis.push(['The legitimate interest we pursue: ', user(policy.evidence.purposeTest), '.']);
      break;
    case 'consent':
      // Consent belongs to each person (Art. 7(1)): the group's wording is not what this reader agreed to.
      basis.push(
        ['We rely on the consent you gave us. We keep a record of what you agreed to, and when and how you agreed (Art. 7(1)); you can ask us for it (Art. 15).'],
        ['You can withdraw your consent at any time: ', user(policy.evidence.withdrawalRoute), '.'],
      );
      break;
    case 'contract':
      basis.push(['The contract: ', user(policy.evidence.contract), '.']);
      break;
    case 'legal-obligation':
      basis.push(['The law that requires it: ', user(policy.evidence.law), '.']);
      break;
    case 'public-task':
      basis.push(['The official function: ', user(policy.evidence.legalBasisReference), '.']);
      break;
    case 'vital-interests':
      break;
  }
  return {
    heading: 'What we use your details for',
    paragraphs: [[`Purpose: ${PURPOSE_WORDS[policy.purpose]}. `, user(policy.purposeDescription)], ...basis],
  };
}

function categoriesSection(input: PrivacyNoticeInput): Section {
  const items = input.categories.length > 0 ? input.categories.map((c): Line => [CATEGORY_WORDS[c] ?? c]) : [['none at present'] as Line];
  const paragraphs: Line[] = [['The kinds of personal details we hold about you:']];
  const after: Line[] = [];
  if (input.specialCategories.length > 0) {
    const kinds = input.specialCategories.map((k) => k.replace(/-/g, ' ')).join(', ');
    const condition = input.policy.art9Condition ? ` We rely on ${ART9_WORDS[input.policy.art9Condition]} to hold them.` : '';
    after.push([`Some of the details we hold (such as a job title) may reveal special category or criminal offence information (${kinds}).${condition}`]);
  }
  return { heading: 'The details we hold', paragraphs, items, after };
}

function recipientsSection(input: PrivacyNoticeInput): Section {
  const heading = 'Who receives your details';
  if (input.recipients.length === 0) return { heading, paragraphs: [['None outside the controller.']] };
  const items = input.recipients.map((r): Line => {
    const transfer = r.transfer === 'none' ? '' : `; transferred outside the UK under ${TRANSFER_WORDS[r.transfer]}`;
    return [user(r.name), `, which ${ROLE_WORDS[r.role]}; held in `, user(r.hostingRegion), `${transfer}.`];
  });
  const transfers = input.recipients.some((r) => r.transfer !== 'none');
  const after: Line[] = transfers ? [['Ask us for a copy of the safeguards that protect a transfer outside the UK (UK GDPR Art. 14(1)(f)).']] : [];
  return { heading, paragraphs: [['We share your details with:']], items, after };
}

/**
 * The rights list (rightsFor, shared with subject access), less the two that have their own sections: the objection to
 * direct marketing (Art. 21(4): separately, near the top) and complaints (with the controller's contact).
 */
function rightsSection(policy: GroupPolicy, contact: Run): Section {
  const items = rightsFor(policy)
    .filter((r) => r.id !== 'object-direct-marketing' && r.id !== 'complaint')
    .map((r): Line => (r.typed === undefined ? [`${r.text}.`] : [r.text, user(r.typed), '.']));
  return { heading: 'Your rights', paragraphs: [['You have the right to:']], items, after: [['To use any of these rights, contact us: ', contact, '.']] };
}

/** One line of text; a full stop after typed text that already ends a sentence is dropped ("firm.." reads "firm."). */
function render(line: Line, userText: (s: string) => string): string {
  let out = '';
  for (const r of line) {
    const piece = typeof r === 'string' ? r : userText(r.user);
    out += typeof r === 'string' && /[.!?]$/.test(out) ? piece.replace(/^\./, '') : piece;
  }
  return out;
}

function toMarkdown(title: string, intro: Line[], sections: Section[]): string {
  const md = (line: Line) => render(line, markdownText);
  const out = [`# ${title}`, '', ...intro.flatMap((l) => [md(l), ''])];
  for (const s of sections) {
    out.push(`## ${s.heading}`, '');
    for (const p of s.paragraphs) out.push(s.prominent ? `**${md(p)}**` : md(p), '');
    if (s.items) out.push(...s.items.map((i) => `- ${md(i)}`), '');
    for (const p of s.after ?? []) out.push(md(p), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function toText(title: string, intro: Line[], sections: Section[]): string {
  const plain = (line: Line) => render(line, (s) => s);
  const out = [title.toUpperCase(), '', ...intro.flatMap((l) => [plain(l), ''])];
  for (const s of sections) {
    out.push(s.heading.toUpperCase(), '');
    for (const p of s.paragraphs) out.push(plain(p), '');
    if (s.items) out.push(...s.items.map((i) => `  • ${plain(i)}`), '');
    for (const p of s.after ?? []) out.push(plain(p), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
