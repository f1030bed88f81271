// The lawful-basis form's problems: every sentence the core can answer policy.check with is tied to a field of the
// form and said in words (no raw key such as `evidence.purposeTest`, no vocabulary key); the form's own checks find
// every problem at once; Save says why it cannot go ahead.
import { describe, expect, it } from 'vitest';
import { coreProblems, fieldLabel, formProblems, mergeProblems, RAW_KEY, saveState, stepOfField, stepOfGuardrail } from '../../renderer/lib/policy-errors.js';
import { emptyPolicyForm, EVIDENCE_FIELDS, toCheckDraft, toPolicy, withEvidence, type PolicyFormState } from '../../renderer/lib/policy-form.js';
import { parseGroupPolicy } from '../../src/policy/lawful-basis.js';
import { ART9_CONDITIONS, LAWFUL_BASES, NOTICE_STATUSES, PURPOSES } from '../../src/shared/vocabulary.js';

const VOCABULARY = [...LAWFUL_BASES, ...PURPOSES, ...ART9_CONDITIONS].filter((w) => w.includes('-'));
const inWords = (message: string) => {
  expect(message, message).not.toMatch(RAW_KEY);
  for (const word of VOCABULARY) expect(message, message).not.toContain(word);
  expect(message).toMatch(/^[A-Z].*[.…]$/s);
  // The form's dates are date pickers showing the computer's own form: no sentence names a format.
  expect(message, message).not.toMatch(/yyyy|dd\/mm|mm\/dd/i);
};

/** Drafts that make the core answer each kind of sentence it has. */
const DRAFTS: unknown[] = [
  {},
  { basis: 'nonsense', purpose: 'nonsense' },
  ...LAWFUL_BASES.map((basis) => ({ basis, purpose: 'nonsense', purposeDescription: 'short', evidence: {}, art14Notice: { status: 'nope', date: 'tomorrow', method: '' } })),
  ...LAWFUL_BASES.map((basis) => ({ basis, purpose: 'account-management', purposeDescription: 'A long enough description', art14Notice: {} })),
  {
    basis: 'legitimate-interests',
    purpose: 'account-management',
    purposeDescription: 'A long enough description',
    evidence: { purposeTest: 'x', necessityTest: 'x', balancingTest: 'x', optOut: 'x', assessedAt: '2026-01-10', assessedBy: 'x', version: '1', signedOffBy: 'Someone', reviewBy: '2025-01-01' },
    art14Notice: { status: 'exempt', date: '2026-01-01', method: 'none at all', exemption: 'short' },
  },
  {
    basis: 'legitimate-interests',
    purpose: 'account-management',
    purposeDescription: 'A long enough description',
    evidence: { purposeTest: 'x', necessityTest: 'x', balancingTest: 'x', optOut: 'x', assessedAt: '2026-01-10', assessedBy: 'x', version: '1', signedOffBy: 'Someone', signedOffAt: '2026-01-01' },
    art9Condition: 'employment-social-security',
    art9Justification: 'n/a',
    schedule1Condition: '',
    art10Authority: 'Some authority',
  },
  ...ART9_CONDITIONS.map((art9Condition) => ({
    basis: 'vital-interests',
    purpose: 'account-management',
    purposeDescription: 'A long enough description',
    evidence: { justification: 'x' },
    art9Condition,
    art9MadePublicWhere: '',
  })),
];

describe('the core’s sentences, on their fields and in words', () => {
  const sentences = [...new Set(DRAFTS.flatMap((d) => { const r = parseGroupPolicy(d); return r.ok ? [] : r.errors; }))];

  it('the drafts make the core say many different things', () => {
    expect(sentences.length).toBeGreaterThan(25);
  });

  it.each(sentences)('%s', (sentence) => {
    const [problem] = coreProblems([sentence]);
    expect(problem!.field, sentence).not.toBe('form');
    expect(stepOfField(problem!.field)).not.toBe('review');
    inWords(problem!.message);
    expect(fieldLabel(problem!.field)).not.toBe('The form');
  });

  it('a date the core says is written yyyy-mm-dd is, in the form, a day to pick', () => {
    expect(coreProblems(['evidence.obtainedAt: the date consent was obtained must be a date written yyyy-mm-dd'])).toEqual([
      { field: 'evidence.obtainedAt', message: 'The date consent was obtained is not a day of the calendar: pick it again.' },
    ]);
    expect(coreProblems(['art14Notice.date: the date of the notice is required (yyyy-mm-dd)'])).toEqual([{ field: 'art14Notice.date', message: 'The date of the notice is required.' }]);
  });

  it('a sentence with no field is a problem of the whole form, still in words', () => {
    expect(coreProblems(['something odd happened with signedOffBy'])).toEqual([{ field: 'form', message: 'Something odd happened with this field.' }]);
  });
});

describe('the form’s own checks', () => {
  it('find every problem of an empty form at once, each on its field, in words', () => {
    const problems = formProblems(emptyPolicyForm());
    expect(problems.map((p) => p.field)).toEqual(['basis', 'purpose', 'purposeDescription', 'art14Notice.status', 'art14Notice.date', 'art14Notice.method']);
    problems.forEach((p) => inWords(p.message));
  });

  it.each(LAWFUL_BASES)('ask for each required evidence field of %s by its label', (basis) => {
    const problems = formProblems({ ...emptyPolicyForm(), basis });
    const required = EVIDENCE_FIELDS[basis].filter((f) => !f.optional).map((f) => `evidence.${f.key}`);
    expect(problems.filter((p) => p.field.startsWith('evidence.')).map((p) => p.field)).toEqual(required);
    problems.forEach((p) => {
      inWords(p.message);
      expect(stepOfField(p.field)).not.toBe('review');
    });
  });

  it('check the sign-off, the review date, the Art. 9 condition and the exemption', () => {
    let state: PolicyFormState = { ...emptyPolicyForm(), basis: 'legitimate-interests', showArt9: true, art9Condition: 'employment-social-security', art9Justification: 'too short' };
    state = withEvidence(state, 'legitimate-interests', 'assessedAt', '2026-05-01');
    state = withEvidence(state, 'legitimate-interests', 'signedOffBy', 'DPO');
    state = withEvidence(state, 'legitimate-interests', 'reviewBy', '2026-04-01');
    state = { ...state, notice: { status: 'exempt', date: '2026-13-40', method: 'x', exemption: '' } };
    const fields = Object.fromEntries(formProblems(state).map((p) => [p.field, p.message]));
    expect(fields['evidence.signedOffAt']).toMatch(/both who signed/);
    expect(fields['evidence.reviewBy']).toMatch(/after the assessment/);
    expect(fields.art9Justification).toMatch(/real answer/);
    expect(fields.schedule1Condition).toMatch(/Schedule 1/);
    expect(fields.appropriatePolicyDocument).toMatch(/appropriate policy document/);
    // The notice date is a date picker: its problem speaks of picking a day, never of a format.
    expect(fields['art14Notice.date']).toBe('Pick the date of the notice again: that is not a day of the calendar.');
    expect(fields['art14Notice.exemption']).toMatch(/Art\. 14\(5\)/);
    Object.values(fields).forEach(inWords);
  });

  it('the form’s own problem comes first; the core’s count for other fields', () => {
    const merged = mergeProblems([{ field: 'basis', message: 'Choose a lawful basis.' }], coreProblems(['basis: choose one of the Art. 6(1) lawful bases: consent, contract', 'art9Justification: say why']));
    expect(merged).toEqual([
      { field: 'basis', message: 'Choose a lawful basis.' },
      { field: 'art9Justification', message: 'Say why.' },
    ]);
  });
});

describe('the live check and Save', () => {
  it('checks a draft without a notice plan that is still empty, so the rules show before the notice step', () => {
    const state = { ...emptyPolicyForm(), basis: 'consent' as const };
    expect(toCheckDraft(state)).not.toHaveProperty('art14Notice');
    expect(toPolicy(state)).toHaveProperty('art14Notice');
    expect(toCheckDraft({ ...state, notice: { status: NOTICE_STATUSES[0], date: '', method: '', exemption: '' } })).toHaveProperty('art14Notice');
  });

  it('says why Save cannot go ahead: problems, a blocking rule, unread warnings, or a check under way', () => {
    const block = { id: 'special-category-needs-art9', severity: 'block' as const, message: 'Special-category data needs a condition.', rule: 'UK GDPR Art. 9(1)' };
    const warn = { id: 'lia-not-signed-off', severity: 'warn' as const, message: 'Not signed off.', rule: 'ICO' };
    expect(saveState({ problems: [{ field: 'evidence.optOut', message: 'x' }, { field: 'basis', message: 'y' }], guardrails: [], acknowledged: false })).toEqual({
      kind: 'incomplete',
      reason: 'Save is not possible yet: 2 things to fix (steps 1, 2).',
    });
    expect(saveState({ problems: [], guardrails: null, acknowledged: false }).kind).toBe('checking');
    expect(saveState({ problems: [], guardrails: [block, warn], acknowledged: true })).toEqual({ kind: 'blocked', reason: 'Save is blocked: Special-category data needs a condition. (UK GDPR Art. 9(1))' });
    expect(saveState({ problems: [], guardrails: [warn], acknowledged: false }).kind).toBe('needs-acknowledgement');
    expect(saveState({ problems: [], guardrails: [warn], acknowledged: true })).toEqual({ kind: 'ready', warnings: 1 });
  });

  it('puts each guardrail beside its step', () => {
    expect(stepOfGuardrail('special-category-needs-art9')).toBe('special');
    expect(stepOfGuardrail('lia-not-signed-off')).toBe('evidence');
    expect(stepOfGuardrail('art14-notice-overdue')).toBe('notice');
    expect(stepOfGuardrail('linkedin-connection-not-consent')).toBe('basis');
  });
});
