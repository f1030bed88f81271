// A group's policy: every basis with its evidence parses, and every missing piece gives a readable sentence.
import { describe, expect, it } from 'vitest';
import {
  Art9ConditionSchema,
  GroupPolicySchema,
  LAWFUL_BASES,
  parseGroupPolicy,
  PURPOSES,
  savedPolicy,
  UNVERSIONED_LIA,
  type GroupPolicy,
} from '../../src/policy/lawful-basis.js';
import { EVIDENCE, policyInput } from './builders.js';

const errorsOf = (input: unknown): string[] => {
  const result = parseGroupPolicy(input);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
};

/** The policy for `basis` with one evidence field removed. */
const without = (basis: (typeof LAWFUL_BASES)[number], field: string) => {
  const evidence: Record<string, string> = { ...EVIDENCE[basis] };
  delete evidence[field];
  return policyInput(basis, { evidence });
};

describe('parseGroupPolicy accepts complete policies', () => {
  it.each(LAWFUL_BASES)('%s', (basis) => {
    const result = parseGroupPolicy(policyInput(basis));
    expect(result.ok).toBe(true);
  });

  it('trims the free text and narrows the evidence by basis', () => {
    const result = parseGroupPolicy(policyInput('consent', { purposeDescription: '   Monthly product news.   ' }));
    if (!result.ok) throw new Error(result.errors.join());
    const p: GroupPolicy = result.policy;
    expect(p.purposeDescription).toBe('Monthly product news.');
    if (p.basis === 'consent') expect(p.evidence.obtainedAt).toBe('2024-03-01');
  });

  it('lists every purpose and the ten Art. 9(2) conditions', () => {
    expect(PURPOSES).toContain('email-marketing');
    expect(Art9ConditionSchema.options).toHaveLength(10);
  });
});

describe('parseGroupPolicy explains what is missing', () => {
  it.each([
    ['consent', 'method', 'evidence.method: how consent was obtained'],
    ['consent', 'obtainedAt', 'evidence.obtainedAt: the date consent was obtained is required'],
    ['consent', 'wording', 'evidence.wording: the exact statement the person agreed to is required'],
    ['consent', 'withdrawalRoute', 'evidence.withdrawalRoute: how people can withdraw consent (Art. 7(3)) is required'],
    ['legitimate-interests', 'purposeTest', 'evidence.purposeTest: the purpose test of the legitimate interests assessment'],
    ['legitimate-interests', 'necessityTest', 'evidence.necessityTest: the necessity test of the legitimate interests assessment'],
    ['legitimate-interests', 'balancingTest', 'evidence.balancingTest: the balancing test of the legitimate interests assessment is required'],
    ['legitimate-interests', 'optOut', 'evidence.optOut: the opt-out offered'],
    ['legitimate-interests', 'assessedAt', 'evidence.assessedAt: the date of the legitimate interests assessment is required'],
    ['legitimate-interests', 'assessedBy', 'evidence.assessedBy: who made the legitimate interests assessment is required'],
    ['legitimate-interests', 'version', 'evidence.version: the version of the legitimate interests assessment (e.g. 1, or 2026-03) is required'],
    ['contract', 'contract', 'evidence.contract: the contract (or the steps before entering it) is required'],
    ['contract', 'necessity', 'evidence.necessity: why the processing is necessary for that contract is required'],
    ['legal-obligation', 'law', 'evidence.law: the law (statute or regulation) that creates the obligation is required'],
    ['legal-obligation', 'justification', 'evidence.justification: a justification is required'],
    ['vital-interests', 'justification', 'evidence.justification: a justification is required'],
    ['public-task', 'justification', 'evidence.justification: a justification is required'],
    ['public-task', 'legalBasisReference', 'evidence.legalBasisReference: the statutory function or official authority'],
  ] as const)('%s without %s', (basis, field, message) => {
    const errors = errorsOf(without(basis, field));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('treats blank answers as missing', () => {
    const errors = errorsOf(policyInput('legitimate-interests', { evidence: { ...EVIDENCE['legitimate-interests'], balancingTest: '   ' } }));
    expect(errors).toEqual(['evidence.balancingTest: the balancing test of the legitimate interests assessment is required']);
  });

  it('reports every missing field at once', () => {
    expect(errorsOf(policyInput('contract', { evidence: {} }))).toHaveLength(2);
  });

  it('says which record is missing when the evidence is absent', () => {
    expect(errorsOf(policyInput('consent', { evidence: undefined }))).toEqual(['evidence: the consent record (evidence) is required']);
  });

  it('does not take the evidence of another basis', () => {
    const errors = errorsOf(policyInput('legitimate-interests', { evidence: EVIDENCE.consent }));
    expect(errors.map((e) => e.split(':')[0])).toEqual([
      'evidence.purposeTest', 'evidence.necessityTest', 'evidence.balancingTest', 'evidence.optOut', 'evidence.assessedAt', 'evidence.assessedBy', 'evidence.version',
    ]);
  });

  it('refuses dates that are not calendar dates', () => {
    const errors = errorsOf(policyInput('consent', { evidence: { ...EVIDENCE.consent, obtainedAt: '2023-02-29' } }));
    expect(errors).toEqual(['evidence.obtainedAt: the date consent was obtained must be a date written yyyy-mm-dd']);
    expect(errorsOf(policyInput('consent', { evidence: { ...EVIDENCE.consent, obtainedAt: '01/03/2024' } }))).toHaveLength(1);
  });

  it('names the lawful bases when the basis is missing or unknown', () => {
    for (const basis of [undefined, 'marketing']) {
      const errors = errorsOf(policyInput('consent', { basis }));
      expect(errors).toEqual([`basis: choose one of the Art. 6(1) lawful bases: ${LAWFUL_BASES.join(', ')}`]);
    }
  });

  it('explains the purpose and its description', () => {
    expect(errorsOf(policyInput('consent', { purpose: 'spam' }))[0]).toMatch(/^purpose: the purpose must be one of email-marketing/);
    expect(errorsOf(policyInput('consent', { purposeDescription: ' short ' }))).toEqual([
      "purposeDescription: describe the purpose in the data owner's words (at least 10 characters)",
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(errorsOf(42)[0]).toMatch(/^policy: /);
    expect(errorsOf(null)[0]).toMatch(/^policy: /);
  });
});

describe('Art. 9 condition', () => {
  it('accepts a condition with its justification', () => {
    const input = policyInput('consent', { art9Condition: 'explicit-consent', art9Justification: 'Explicit consent to hold accessibility needs.' });
    expect(parseGroupPolicy(input).ok).toBe(true);
  });

  it('needs a justification when a condition is chosen', () => {
    expect(errorsOf(policyInput('consent', { art9Condition: 'explicit-consent' }))).toEqual([
      'art9Justification: say why the Art. 9(2) condition applies (art9Justification)',
    ]);
  });

  it('refuses an unknown condition', () => {
    expect(errorsOf(policyInput('consent', { art9Condition: 'because' }))).toEqual([
      'art9Condition: choose one of the conditions of Art. 9(2)(a)-(j)',
    ]);
  });
});

describe('Art. 14 notice', () => {
  const notice = (n: Record<string, unknown>) => policyInput('consent', { art14Notice: n });

  it('accepts sent, planned and a reasoned exemption', () => {
    expect(parseGroupPolicy(notice({ status: 'planned', date: '2025-02-01', method: 'Email' })).ok).toBe(true);
    const exempt = { status: 'exempt', date: '2025-02-01', method: 'none', exemption: 'Art. 14(5)(a): they already have our notice from the event sign-up.' };
    expect(parseGroupPolicy(notice(exempt)).ok).toBe(true);
  });

  it('needs the exemption and its reason when exempt', () => {
    expect(errorsOf(notice({ status: 'exempt', date: '2025-02-01', method: 'none' }))[0]).toMatch(/^art14Notice\.exemption: an exemption needs its Art\. 14\(5\) ground/);
  });

  it("is optional (the group's plan: who was told is recorded per person), but when given needs its date and method", () => {
    expect(parseGroupPolicy(policyInput('consent', { art14Notice: undefined })).ok).toBe(true);
    expect(errorsOf(notice({ status: 'sent', method: 'Email' }))).toEqual(['art14Notice.date: the date of the notice is required (yyyy-mm-dd)']);
    expect(errorsOf(notice({ status: 'sent', date: '2025-01-01', method: 'x' }))).toEqual(['art14Notice.method: how people are told (the method) is required']);
    expect(errorsOf(notice({ status: 'soon', date: '2025-01-01', method: 'Email' }))).toEqual(["art14Notice.status: the notice's status must be sent, planned or exempt"]);
  });
});

describe('GroupPolicySchema', () => {
  it('drops fields it does not know, including evidence of another basis', () => {
    const parsed = GroupPolicySchema.parse(policyInput('contract', { evidence: { ...EVIDENCE.contract, wording: 'x' }, extra: 1 }));
    expect(parsed.evidence).toEqual(EVIDENCE.contract);
    expect('extra' in parsed).toBe(false);
  });
});

describe('the legitimate interests assessment as a living document (version, sign-off, review date)', () => {
  const li = (evidence: Record<string, string | undefined>) => policyInput('legitimate-interests', { evidence: { ...EVIDENCE['legitimate-interests'], ...evidence } });

  it('may be saved unsigned and without a review date (the guardrails warn; src/policy/guardrails.ts)', () => {
    expect(parseGroupPolicy(li({ signedOffBy: undefined, signedOffAt: undefined })).ok).toBe(true);
    expect(parseGroupPolicy(li({ reviewBy: '2026-06-30' })).ok).toBe(true);
  });

  it('records a sign-off with both who and when', () => {
    expect(errorsOf(li({ signedOffAt: undefined }))).toEqual([
      'evidence.signedOffAt: a sign-off needs both who signed the assessment off and the date (signedOffBy and signedOffAt)',
    ]);
    expect(errorsOf(li({ signedOffBy: '  ' }))).toHaveLength(1);
  });

  it('refuses a sign-off before the assessment, a review date not after it, and dates that are not dates', () => {
    expect(errorsOf(li({ signedOffAt: '2025-01-09' }))).toEqual(['evidence.signedOffAt: the assessment cannot be signed off before it was made (signedOffAt is before assessedAt)']);
    expect(errorsOf(li({ reviewBy: '2025-01-10' }))).toEqual(['evidence.reviewBy: the review date must come after the assessment (reviewBy is not after assessedAt)']);
    expect(errorsOf(li({ reviewBy: 'next year' }))).toEqual(['evidence.reviewBy: the date the legitimate interests assessment is to be reviewed by must be a date written yyyy-mm-dd']);
  });

  it('reads an LIA saved before versions as unversioned, without changing any other policy', () => {
    const { version: _version, ...old } = EVIDENCE['legitimate-interests'];
    const stored = { ...GroupPolicySchema.parse(policyInput('legitimate-interests')), evidence: old } as GroupPolicy;
    const read = savedPolicy(stored);
    expect(read.basis === 'legitimate-interests' && read.evidence.version).toBe(UNVERSIONED_LIA);
    expect(GroupPolicySchema.safeParse(read).success).toBe(true);
    const current = GroupPolicySchema.parse(policyInput('legitimate-interests'));
    expect(savedPolicy(current)).toBe(current);
    const consent = GroupPolicySchema.parse(policyInput('consent'));
    expect(savedPolicy(consent)).toBe(consent);
  });
});
