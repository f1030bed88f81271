// Guardrails checked before a group's policy is saved: 'block' stops the save, 'warn' is shown and recorded.
// Each one cites the UK GDPR article, PECR regulation or ICO guidance it comes from.
import type { ContactFacts } from './contact-facts.js';
import { addMonths, dayOf } from './dates.js';
import { consentIsOnlyLinkedInConnection } from './evidence-heuristics.js';
import type { GroupPolicy, LawfulBasis, Purpose } from './lawful-basis.js';
import type { GroupFacts, Guardrail, GuardrailOptions } from './guardrail-types.js';
import { liaIncomplete, liaNotSignedOff, liaReviewOverdue } from './lia-guardrails.js';
import { specialCategoryNeedsArt9 } from './special-category.js';
import { subscriberStanding } from './subscriber-type.js';
import { isMarketingPurpose } from '../shared/vocabulary.js';

export { art14Due, art14Overdue } from './art14.js';
export { DUAA_DIRECT_MARKETING } from './lia-guardrails.js';

export type { GroupFacts, Guardrail, GuardrailOptions } from './guardrail-types.js';

export const GUARDRAIL_IDS = [
  'linkedin-connection-not-consent',
  'pecr-individual-subscribers',
  'special-category-needs-art9',
  'contract-not-for-marketing',
  'basis-not-for-marketing',
  'basis-unlikely-for-marketing',
  'art14-notice-overdue',
  'lia-incomplete',
  'lia-not-signed-off',
  'lia-review-due',
  'consent-stale',
] as const;
export type GuardrailId = (typeof GUARDRAIL_IDS)[number];

const BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'consent (Art. 6(1)(a))',
  contract: 'contract (Art. 6(1)(b))',
  'legal-obligation': 'legal obligation (Art. 6(1)(c))',
  'vital-interests': 'vital interests (Art. 6(1)(d))',
  'public-task': 'public task (Art. 6(1)(e))',
  'legitimate-interests': 'legitimate interests (Art. 6(1)(f))',
};

const words = (purpose: Purpose): string => purpose.replace(/-/g, ' ');

const contactsAre = (n: number): string => (n === 1 ? '1 contact is' : `${n} contacts are`);

/**
 * PECR reg. 2, 22: an individual subscriber as the rules treat one (src/policy/subscriber-type.ts): confirmed so, or
 * not confirmed and not likely corporate (a personal mailbox, a sole trader, a partnership; unknown counts as individual).
 */
const isIndividualSubscriber = (c: ContactFacts): boolean => subscriberStanding(c, c.subscriberConfirmed ?? null).treatedAs === 'individual';

function linkedInConnectionNotConsent(policy: GroupPolicy): Guardrail | null {
  if (policy.basis !== 'consent') return null;
  if (!consentIsOnlyLinkedInConnection(policy.evidence.method, policy.evidence.wording)) return null;
  return {
    id: 'linkedin-connection-not-consent',
    severity: 'block',
    message: 'A LinkedIn connection is not consent: record how and when the person agreed to this purpose.',
    rule: 'UK GDPR Art. 4(11), Art. 7; ICO consent guidance',
  };
}

/**
 * Under legitimate interests, for any direct-marketing purpose, the group may be saved (warn): PECR follows the channel
 * (src/policy/pecr-channels.ts), so a direct-marketing export withholds the individual subscribers' emails (and leaves
 * them out of SMS) unless they consented to that channel or have a soft opt-in. Contract, legal obligation, vital
 * interests and public task do not fit email marketing at all (block), individual subscribers or not; for the other
 * marketing purposes their own guardrails refuse them.
 */
function pecrIndividualSubscribers(policy: GroupPolicy, group: GroupFacts): Guardrail | null {
  if (!isMarketingPurpose(policy.purpose) || policy.basis === 'consent') return null;
  const individuals = group.contacts.filter(isIndividualSubscriber).map((c) => c.id);
  const rule = 'PECR reg. 22; ICO direct marketing guidance';
  if (policy.basis === 'legitimate-interests') {
    if (individuals.length === 0) return null;
    return {
      id: 'pecr-individual-subscribers',
      severity: 'warn',
      message:
        `${contactsAre(individuals.length)} individual subscribers (a personal mailbox, a sole trader or freelancer, a partnership, ` +
        'or nothing shows a corporate subscriber: unknown is treated as individual; a data owner can confirm each person’s type): ' +
        'marketing to them by email, SMS or LinkedIn message needs their consent or the soft opt-in (PECR reg. 22(3)), so ' +
        'exports for it leave out their email (and leave them out of SMS) unless they consented to that channel or have a soft opt-in.',
      rule,
      contactIds: individuals,
    };
  }
  if (policy.purpose !== 'email-marketing') return null;
  return {
    id: 'pecr-individual-subscribers',
    severity: 'block',
    message:
      `Email marketing cannot rest on ${BASIS_LABELS[policy.basis]}: use consent, or legitimate interests for ` +
      'corporate subscribers only (individual subscribers need consent or the soft opt-in, PECR reg. 22(3)).',
    rule,
    ...(individuals.length > 0 ? { contactIds: individuals } : {}),
  };
}

/**
 * UK GDPR Art. 6(1)(b); ICO lawful basis guidance on contract: the basis covers processing necessary for a contract
 * with the person, or for steps they asked for before entering one. Cold prospecting or marketing is neither, and a
 * group's basis cannot assume it of everyone in the group.
 */
function contractNotForMarketing(policy: GroupPolicy): Guardrail | null {
  if (policy.basis !== 'contract' || !isMarketingPurpose(policy.purpose)) return null;
  return {
    id: 'contract-not-for-marketing',
    severity: 'block',
    message:
      `${BASIS_LABELS.contract} does not fit ${words(policy.purpose)}: it covers only what is necessary for a contract the ` +
      'person is a party to, or for steps they asked you to take before entering one. Cold prospecting and marketing are ' +
      'neither, and that cannot be assumed for everyone in a group: use legitimate interests (with its assessment) or consent.',
    rule: 'UK GDPR Art. 6(1)(b); ICO lawful basis guidance (contract)',
  };
}

/** Why each of Art. 6(1)(c)-(e) cannot carry direct marketing, with its point of Art. 6(1). */
const NOT_FOR_MARKETING: Partial<Record<LawfulBasis, { reason: string; point: string }>> = {
  'legal-obligation': { reason: 'no law obliges you to market to people', point: 'c' },
  'vital-interests': { reason: 'marketing does not protect anyone’s life', point: 'd' },
  'public-task': { reason: 'promoting an organisation, its products or its aims is not a task laid down by law', point: 'e' },
};

/** UK GDPR Art. 6(1)(c)-(e): a law, a life at stake or a public function; none of them is direct marketing. */
function basisNotForMarketing(policy: GroupPolicy): Guardrail | null {
  const unfit = NOT_FOR_MARKETING[policy.basis];
  if (unfit === undefined || !isMarketingPurpose(policy.purpose)) return null;
  return {
    id: 'basis-not-for-marketing',
    severity: 'block',
    message: `${BASIS_LABELS[policy.basis]} cannot carry ${words(policy.purpose)}, which is direct marketing: ${unfit.reason}. Use consent, or legitimate interests with its assessment.`,
    rule: `UK GDPR Art. 6(1)(${unfit.point}); ICO lawful basis guidance`,
  };
}

/** Outreach that is not direct marketing: these bases rarely fit, and only with a written justification. */
const OUTREACH: readonly Purpose[] = ['recruitment', 'networking'];
export const MIN_UNUSUAL_BASIS_JUSTIFICATION = 40;

/** UK GDPR Art. 6(1)(c)-(e): these bases rest on a law, a life at stake or a public function, rarely on outreach. */
function basisUnlikelyForMarketing(policy: GroupPolicy): Guardrail | null {
  if (policy.basis !== 'legal-obligation' && policy.basis !== 'vital-interests' && policy.basis !== 'public-task') return null;
  if (!OUTREACH.includes(policy.purpose)) return null;
  const short = policy.evidence.justification.trim().length < MIN_UNUSUAL_BASIS_JUSTIFICATION;
  return {
    id: 'basis-unlikely-for-marketing',
    severity: short ? 'block' : 'warn',
    message:
      `${BASIS_LABELS[policy.basis]} rarely fits ${words(policy.purpose)}: ` +
      (short
        ? `write why this basis applies (at least ${MIN_UNUSUAL_BASIS_JUSTIFICATION} characters).`
        : 'check the justification with your data protection lead.'),
    rule: 'UK GDPR Art. 6(1)(c)-(e); ICO lawful basis guidance',
  };
}

/**
 * UK GDPR Art. 14(3): each person must be told within one month of their data being obtained, or by their first
 * disclosure if sooner. Counted per person by the caller; the group's planned notice no longer says who was told.
 */
function art14NoticeOverdue(options: GuardrailOptions): Guardrail | null {
  const overdue = options.noticesOverdue;
  if (overdue === undefined || overdue.count === 0) return null;
  const people = overdue.count === 1 ? '1 person in this group has' : `${overdue.count} people in this group have`;
  return {
    id: 'art14-notice-overdue',
    severity: 'warn',
    message:
      `${people} not been told where their details came from and how they are used, and the notice is overdue ` +
      `(the earliest was due by ${overdue.earliestDue}): send the privacy notice or record an Art. 14(5) exemption.`,
    rule: 'UK GDPR Art. 14(3)',
  };
}

export const CONSENT_REVIEW_MONTHS = 24;

/**
 * UK GDPR Art. 7(1); ICO consent guidance: keep consent under review and refresh it at appropriate intervals. The ICO
 * sets no fixed period: 24 months is this product's prompt, not a rule of law.
 */
function consentStale(policy: GroupPolicy, options: GuardrailOptions): Guardrail | null {
  if (policy.basis !== 'consent' || options.now === undefined) return null;
  const obtainedAt = policy.evidence.obtainedAt;
  if (addMonths(obtainedAt, CONSENT_REVIEW_MONTHS) >= dayOf(options.now)) return null;
  return {
    id: 'consent-stale',
    severity: 'warn',
    message:
      `Consent was obtained on ${obtainedAt}, more than ${CONSENT_REVIEW_MONTHS} months ago: review it; the ICO sets no fixed ` +
      "period, but consent given long ago may no longer reflect the person's wishes; " +
      `${CONSENT_REVIEW_MONTHS} months is this product's default prompt.`,
    rule: 'UK GDPR Art. 7(1); ICO consent guidance: review consent, refresh it at appropriate intervals (no fixed period)',
  };
}

/** Every guardrail that fires for this policy and these contacts, in a fixed order (GUARDRAIL_IDS). */
export function checkGuardrails(policy: GroupPolicy, group: GroupFacts, options: GuardrailOptions = {}): Guardrail[] {
  return [
    linkedInConnectionNotConsent(policy),
    pecrIndividualSubscribers(policy, group),
    specialCategoryNeedsArt9(policy, group, options),
    contractNotForMarketing(policy),
    basisNotForMarketing(policy),
    basisUnlikelyForMarketing(policy),
    art14NoticeOverdue(options),
    liaIncomplete(policy),
    liaNotSignedOff(policy),
    liaReviewOverdue(policy, options),
    consentStale(policy, options),
  ].filter((g): g is Guardrail => g !== null);
}

/** The guardrails that stop a save. */
export function blocking(guardrails: Guardrail[]): Guardrail[] {
  return guardrails.filter((g) => g.severity === 'block');
}
