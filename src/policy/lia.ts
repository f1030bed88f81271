// The legitimate interests assessment as a living document (UK GDPR Art. 6(1)(f), Art. 5(2); ICO legitimate interests
// guidance: keep the LIA under review, and do a fresh one when the purpose changes): is it signed off, and is it due
// for review? Pure: the caller passes today.
import { addMonths } from './dates.js';
import type { GroupPolicy } from './lawful-basis.js';

type LiaEvidence = Extract<GroupPolicy, { basis: 'legitimate-interests' }>['evidence'];

/** When no review date is recorded, the LIA is due for review this many months after it was made (the product's default). */
export const LIA_REVIEW_MONTHS = 12;

/** The longest a recorded review date may put the next review off: a date beyond it keeps an LIA "current" for ever. */
export const LIA_MAX_REVIEW_MONTHS = 24;

/**
 * The day the LIA is to be reviewed by: the recorded one, or LIA_REVIEW_MONTHS after the assessment; never later than
 * LIA_MAX_REVIEW_MONTHS after it, whatever was recorded. Computed, never stored.
 */
export function liaReviewDue(evidence: Pick<LiaEvidence, 'assessedAt' | 'reviewBy'>): string {
  const latest = addMonths(evidence.assessedAt, LIA_MAX_REVIEW_MONTHS);
  const recorded = evidence.reviewBy ?? addMonths(evidence.assessedAt, LIA_REVIEW_MONTHS);
  return recorded > latest ? latest : recorded;
}

/** Whether a data owner or admin signed the LIA off: who and when are both recorded. */
export function liaSignedOff(evidence: Pick<LiaEvidence, 'signedOffBy' | 'signedOffAt'>): boolean {
  return (evidence.signedOffBy ?? '').trim() !== '' && evidence.signedOffAt !== undefined;
}

export interface LiaStanding {
  signedOff: boolean;
  reviewDue: string;
  /** Today is after the review day. */
  overdue: boolean;
  /** Signed off and not overdue: the LIA may carry marketing. */
  current: boolean;
}

/** Where the LIA stands on `today` (yyyy-mm-dd): a review is due after its day, not on it. */
export function liaStanding(evidence: LiaEvidence, today: string): LiaStanding {
  const signedOff = liaSignedOff(evidence);
  const reviewDue = liaReviewDue(evidence);
  const overdue = today > reviewDue;
  return { signedOff, reviewDue, overdue, current: signedOff && !overdue };
}
