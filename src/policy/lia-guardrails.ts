// The guardrails on the legitimate interests assessment (UK GDPR Art. 6(1)(f)): its three tests answered, its
// sign-off, its review date. checkGuardrails (src/policy/guardrails.ts) runs them in its fixed order.
import { dayOf } from './dates.js';
import { isPlaceholderAnswer } from './evidence-heuristics.js';
import type { Guardrail, GuardrailOptions } from './guardrail-types.js';
import type { GroupPolicy } from './lawful-basis.js';
import { LIA_REVIEW_MONTHS, liaSignedOff, liaStanding } from './lia.js';
import { isMarketingPurpose } from '../shared/vocabulary.js';


/** DUAA 2025: what legitimate interests may now cover, and what it does not change. */
export const DUAA_DIRECT_MARKETING =
  'Direct marketing may be a legitimate interest (UK GDPR Art. 6(11), inserted by the Data (Use and Access) Act 2025), ' +
  'but the necessity and balancing tests still apply.';

/**
 * UK GDPR Art. 6(1)(f); ICO legitimate interests guidance: the three-part test, each part answered. For direct
 * marketing the message adds what the Data (Use and Access) Act 2025 changed, and what it did not.
 */
export function liaIncomplete(policy: GroupPolicy): Guardrail | null {
  if (policy.basis !== 'legitimate-interests') return null;
  const { purposeTest, necessityTest, balancingTest } = policy.evidence;
  const missing = [
    ['purpose', purposeTest],
    ['necessity', necessityTest],
    ['balancing', balancingTest],
  ]
    .filter(([, answer]) => isPlaceholderAnswer(answer ?? ''))
    .map(([name]) => `the ${name} test`);
  if (missing.length === 0) return null;
  const marketing = isMarketingPurpose(policy.purpose);
  return {
    id: 'lia-incomplete',
    severity: 'block',
    message:
      'Complete the legitimate interests assessment: the purpose, necessity and balancing tests each need a real ' +
      `answer (still missing: ${missing.join(', ')}).${marketing ? ` ${DUAA_DIRECT_MARKETING}` : ''}`,
    rule: marketing ? 'UK GDPR Art. 6(1)(f), Art. 6(11); ICO LIA guidance' : 'UK GDPR Art. 6(1)(f); ICO LIA guidance',
  };
}

const SIGN_OFF_RULE = 'UK GDPR Art. 5(2), Art. 6(1)(f); ICO legitimate interests guidance: keep a record of the LIA';
const REVIEW_RULE = 'UK GDPR Art. 5(2), Art. 6(1)(f); ICO legitimate interests guidance: keep the LIA under review';

/** UK GDPR Art. 5(2) accountability: a data owner or admin signs the LIA off; until then marketing exports leave the group out. */
export function liaNotSignedOff(policy: GroupPolicy): Guardrail | null {
  if (policy.basis !== 'legitimate-interests') return null;
  if (liaSignedOff(policy.evidence)) return null;
  return {
    id: 'lia-not-signed-off',
    severity: 'warn',
    message:
      `The legitimate interests assessment (version ${policy.evidence.version}) is not signed off: record who signed it ` +
      'off (a data owner or admin) and when. Until then, marketing exports leave this group out.',
    rule: SIGN_OFF_RULE,
  };
}

/**
 * ICO legitimate interests guidance: review the LIA, and refresh it when the purpose, nature or context changes.
 * Past its review day (recorded, or LIA_REVIEW_MONTHS after the assessment) it warns, and marketing exports leave the
 * group out.
 */
export function liaReviewOverdue(policy: GroupPolicy, options: GuardrailOptions): Guardrail | null {
  if (policy.basis !== 'legitimate-interests' || options.now === undefined) return null;
  const standing = liaStanding(policy.evidence, dayOf(options.now));
  if (!standing.overdue) return null;
  const when = policy.evidence.reviewBy === undefined ? ` (${LIA_REVIEW_MONTHS} months after it was made, the product's default)` : '';
  return {
    id: 'lia-review-due',
    severity: 'warn',
    message:
      `The legitimate interests assessment (version ${policy.evidence.version}) was due for review by ${standing.reviewDue}${when}: ` +
      'review it and record a new version with its sign-off. Until then, marketing exports leave this group out.',
    rule: REVIEW_RULE,
  };
}
