// Art. 9 and Art. 10 for real (issue 11): whether a group's policy gives a contact's special-category or
// criminal-offence hints a condition that holds. One judgement for the guardrail at assignment, the check at every
// import into a group (src/app/use-cases/commit-import.ts) and the CRM export (src/export/crm-export.ts).
import { art10EvidenceErrors, art9EvidenceErrors, art9Letter, type Art9Condition, type GroupPolicy, type Purpose } from './lawful-basis.js';
import type { ContactFacts } from './contact-facts.js';
import type { GroupFacts, Guardrail, GuardrailOptions } from './guardrail-types.js';
import { isMarketingPurpose } from '../shared/vocabulary.js';

/** The category of criminal-offence data (Art. 10); every other category is Art. 9(1) data. */
export const CRIMINAL = 'criminal-offences';

const words = (purpose: Purpose): string => purpose.replace(/-/g, ' ');

/** The conditions of Art. 9(2) that may carry direct marketing: the person's own explicit consent, or their own publishing. */
const FIT_FOR_MARKETING: readonly Art9Condition[] = ['explicit-consent', 'made-public-by-data-subject'];

/** Why each other condition of Art. 9(2) does not fit direct marketing (UK GDPR Art. 9(2)(b)-(d), (f)-(j)). */
export const ART9_NOT_FOR_MARKETING: Record<Exclude<Art9Condition, 'explicit-consent' | 'made-public-by-data-subject'>, string> = {
  'employment-social-security': 'it covers obligations and rights in employment, social security and social protection law, and promoting an organisation is none of them',
  'vital-interests': 'it covers protecting the life of a person who cannot consent, and marketing protects nobody’s life',
  'not-for-profit-body':
    'it covers a political, philosophical, religious or trade-union body’s dealings with its own members and regular contacts, kept within the body; ' +
    'this product records no membership, so it cannot show whom (d) covers',
  'legal-claims': 'it covers establishing, exercising or defending legal claims, and marketing is none of them',
  'substantial-public-interest':
    'it rests on a specific condition of DPA 2018 Sch. 1 Part 2 (equality monitoring, preventing fraud, safeguarding, …), and promoting an organisation, ' +
    'its products or its aims is not one this product accepts',
  'health-social-care': 'it covers medicine, diagnosis, care and treatment, and running health or social care services, and marketing is none of them',
  'public-health': 'it covers reasons of public interest in public health, under a health professional or a duty of confidentiality, and marketing is none of them',
  'archiving-research': 'it covers archiving in the public interest, research and statistics, and marketing is none of them',
};

/** '(c) vital interests'. */
export function art9Name(condition: Art9Condition): string {
  return `(${art9Letter(condition)}) ${condition === 'made-public-by-data-subject' ? 'manifestly made public by the person' : condition.replace(/-/g, ' ')}`;
}

/** Why this condition cannot carry this purpose, or null when it may (only (a) and (e) may carry direct marketing). */
export function art9UnfitForPurpose(condition: Art9Condition, purpose: Purpose): string | null {
  if (!isMarketingPurpose(purpose) || FIT_FOR_MARKETING.includes(condition)) return null;
  const reason = ART9_NOT_FOR_MARKETING[condition as keyof typeof ART9_NOT_FOR_MARKETING];
  return (
    `Art. 9(2)${art9Name(condition)} does not fit ${words(purpose)}, which is direct marketing: ${reason}. For direct marketing only each person's ` +
    'own explicit consent (Art. 9(2)(a), recorded with consent add --explicit) or data the person manifestly made public themselves ' +
    '(Art. 9(2)(e), with where) will do; otherwise strip that data at import.'
  );
}

/**
 * Whether the group's Art. 9(2) condition holds for this use, whoever the person (for (a), see uncoveredCategories):
 * a use that is direct marketing (by its purpose, or declared so by an export) takes only (a) or (e).
 */
function art9Holds(policy: GroupPolicy, marketingUse: boolean): boolean {
  const condition = policy.art9Condition;
  if (condition === undefined || (marketingUse && !FIT_FOR_MARKETING.includes(condition))) return false;
  return (policy.art9Justification ?? '') !== '' && art9EvidenceErrors(policy).length === 0;
}

/** Art. 10 holds outside marketing, with the authority and the appropriate policy document recorded. */
function art10Holds(policy: GroupPolicy, marketingUse: boolean): boolean {
  return !marketingUse && !!policy.art10Authority && art10EvidenceErrors(policy).length === 0;
}

/**
 * The categories of one contact's hints that the policy leaves without a condition that holds: Art. 9(1) categories
 * unless the group's Art. 9(2) condition fits its purpose and is complete, and for (a) only with this person's own
 * live explicit consent for the purpose (`explicitConsent`); criminal offences unless an Art. 10 authority with its
 * policy document is recorded and the use is not marketing. An export declared direct marketing (`directMarketing`)
 * is judged as marketing whatever the group's purpose. `ownProfile` is false for a contact from the address book a
 * member uploaded to LinkedIn: what is there was typed by the member, not made public by the person, so (e) does not
 * hold for them. No policy (quarantine): every category.
 */
export function uncoveredCategories(policy: GroupPolicy | null, categories: readonly string[], explicitConsent: boolean, directMarketing = false, ownProfile = true): string[] {
  if (categories.length === 0) return [];
  if (policy === null) return [...categories];
  const marketingUse = directMarketing || isMarketingPurpose(policy.purpose);
  const art9 =
    art9Holds(policy, marketingUse) &&
    (policy.art9Condition !== 'explicit-consent' || explicitConsent) &&
    // (e) covers what the person made public themselves: their own profile, not an address book a member uploaded.
    (policy.art9Condition !== 'made-public-by-data-subject' || ownProfile);
  const art10 = art10Holds(policy, marketingUse);
  return categories.filter((k) => (k === CRIMINAL ? !art10 : !art9));
}

const contactsHave = (n: number): string => (n === 1 ? '1 contact has' : `${n} contacts have`);
const humanise = (category: string): string => category.replace(/-/g, ' ');
const ART9_RULE = 'UK GDPR Art. 9(1)-(2)';
const ART10_RULE = 'UK GDPR Art. 10; DPA 2018 Sch. 1';

interface Finding {
  severity: 'block' | 'warn';
  text: string;
  rule: string;
  contacts: readonly ContactFacts[];
}

/** What the guardrail says about the Art. 9(1) categories of the group. */
function art9Finding(policy: GroupPolicy, people: readonly ContactFacts[], options: GuardrailOptions): Finding | null {
  const condition = policy.art9Condition;
  const categories = [...new Set(people.flatMap((c) => c.specialCategories.filter((k) => k !== CRIMINAL)))].map(humanise);
  const held = people.length > 0 ? `${contactsHave(people.length)} special-category data (${categories.join(', ')}). ` : '';
  const unfit = condition === undefined ? null : art9UnfitForPurpose(condition, policy.purpose);
  if (unfit !== null) return { severity: 'block', text: `${held}${unfit}`, rule: 'UK GDPR Art. 9(2)(a), (e); DPA 2018 s.122(5)', contacts: people };
  if (people.length === 0) return null;
  if (condition === undefined) {
    return { severity: 'block', text: `${contactsHave(people.length)} special-category data (${categories.join(', ')}): choose an Art. 9(2) condition or strip that data.`, rule: ART9_RULE, contacts: people };
  }
  if (condition !== 'explicit-consent') return null;
  const without = people.filter((c) => options.explicitConsents?.has(c.id) !== true);
  if (without.length === 0) return null;
  return {
    severity: 'warn',
    text:
      `${contactsHave(without.length)} special-category data and no explicit consent of their own for ${words(policy.purpose)} on record: ` +
      'Art. 9(2)(a) is each person’s own explicit consent, so until theirs is recorded (consent add --explicit), exports withhold the job title ' +
      'that holds the hint, or leave the person out when the hint is elsewhere.',
    rule: 'UK GDPR Art. 9(2)(a)',
    contacts: without,
  };
}

/** What the guardrail says about criminal-offence data: never in direct marketing; otherwise an Art. 10 authority. */
function art10Finding(policy: GroupPolicy, people: readonly ContactFacts[]): Finding | null {
  if (isMarketingPurpose(policy.purpose) && (people.length > 0 || policy.art10Authority)) {
    return {
      severity: 'block',
      text:
        `${people.length > 0 ? `${contactsHave(people.length)} criminal-offence data. ` : ''}This product does not allow criminal-offence data (Art. 10) ` +
        `in direct marketing (${words(policy.purpose)}), whatever authority is recorded: strip that data at import, or use the group for a purpose that is not marketing.`,
      rule: ART10_RULE,
      contacts: people,
    };
  }
  if (people.length === 0 || policy.art10Authority) return null;
  return {
    severity: 'block',
    text:
      `${contactsHave(people.length)} criminal-offence data: ` +
      'Art. 10 allows it only under official authority or with a legal authority (a DPA 2018 Sch. 1 condition): ' +
      'record that authority or strip that data.',
    rule: ART10_RULE,
    contacts: people,
  };
}

/**
 * UK GDPR Art. 9(1)-(2) for special categories; Art. 10 and DPA 2018 Sch. 1 for criminal-offence data. Blocks hints
 * with no condition, an Art. 9(2) condition other than (a) or (e) for direct marketing (with the reason), and
 * criminal-offence data in direct marketing; warns under (a) about the people with no explicit consent of their own.
 * The completeness of a condition's evidence is checked before (parseGroupPolicy, specialCategoryEvidenceErrors).
 */
export function specialCategoryNeedsArt9(policy: GroupPolicy, group: GroupFacts, options: GuardrailOptions = {}): Guardrail | null {
  const art9 = art9Finding(policy, group.contacts.filter((c) => c.specialCategories.some((k) => k !== CRIMINAL)), options);
  const art10 = art10Finding(policy, group.contacts.filter((c) => c.specialCategories.includes(CRIMINAL)));
  const findings = [art9, art10].filter((f): f is Finding => f !== null);
  if (findings.length === 0) return null;
  const contactIds = [...new Set(findings.flatMap((f) => f.contacts.map((c) => c.id)))];
  return {
    id: 'special-category-needs-art9',
    severity: findings.some((f) => f.severity === 'block') ? 'block' : 'warn',
    message: findings.map((f) => f.text).join(' '),
    rule: art9 && art10 ? 'UK GDPR Art. 9(1)-(2), Art. 10; DPA 2018 Sch. 1' : findings[0]!.rule,
    ...(contactIds.length > 0 ? { contactIds } : {}),
  };
}
