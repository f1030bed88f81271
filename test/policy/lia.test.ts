// The legitimate interests assessment as a living document (src/policy/lia.ts): its review day, computed from the
// assessment when none is recorded (never stored), and whether it is signed off and current on a given day.
import { describe, expect, it } from 'vitest';
import { LIA_REVIEW_MONTHS, liaReviewDue, liaSignedOff, liaStanding } from '../../src/policy/lia.js';
import { EVIDENCE, policy } from './builders.js';

const lia = (evidence: Record<string, string> = {}) => {
  const p = policy('legitimate-interests', { evidence: { ...EVIDENCE['legitimate-interests'], ...evidence } });
  if (p.basis !== 'legitimate-interests') throw new Error('not an LIA');
  return p.evidence;
};

describe('liaReviewDue', () => {
  it('is 12 months after the assessment when no review date is recorded, and is not stored', () => {
    expect(LIA_REVIEW_MONTHS).toBe(12);
    const evidence = lia();
    expect(liaReviewDue(evidence)).toBe('2026-01-10');
    expect(evidence).not.toHaveProperty('reviewBy');
    // A month-end assessment stays at month end: 29 Feb + 12 months is 28 Feb.
    expect(liaReviewDue({ assessedAt: '2024-02-29' })).toBe('2025-02-28');
  });

  it('is the recorded review date when there is one, earlier or later than the default', () => {
    expect(liaReviewDue(lia({ reviewBy: '2025-06-30' }))).toBe('2025-06-30');
    expect(liaReviewDue(lia({ reviewBy: '2026-12-31' }))).toBe('2026-12-31');
  });
});

describe('liaSignedOff and liaStanding', () => {
  it('is signed off only with who and when', () => {
    expect(liaSignedOff(lia())).toBe(true);
    expect(liaSignedOff({ signedOffBy: '  ', signedOffAt: '2025-01-12' })).toBe(false);
    expect(liaSignedOff({ signedOffBy: 'Sam Patel' })).toBe(false);
    expect(liaSignedOff({})).toBe(false);
  });

  it('is current while signed off and not past its review day; a review is due after the day, not on it', () => {
    expect(liaStanding(lia(), '2026-01-10')).toEqual({ signedOff: true, reviewDue: '2026-01-10', overdue: false, current: true });
    expect(liaStanding(lia(), '2026-01-11')).toEqual({ signedOff: true, reviewDue: '2026-01-10', overdue: true, current: false });
    const { signedOffBy: _by, signedOffAt: _at, ...unsigned } = lia();
    expect(liaStanding(unsigned, '2025-02-01')).toMatchObject({ signedOff: false, overdue: false, current: false });
  });
});

describe('liaReviewDue: a review date cannot put the LIA beyond review (Art. 5(2))', () => {
  it('caps a recorded review date at 24 months after the assessment; an earlier one stands', () => {
    expect(liaReviewDue({ assessedAt: '2026-01-10', reviewBy: '2099-01-01' })).toBe('2028-01-10');
    expect(liaReviewDue({ assessedAt: '2026-01-10', reviewBy: '2026-07-01' })).toBe('2026-07-01');
  });
});
