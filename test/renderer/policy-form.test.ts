// The lawful-basis form's mapping: for every basis the form produces exactly the policy shape the core validates
// (src/policy/lawful-basis.ts), and a saved policy comes back into the form unchanged.
import { describe, expect, it } from 'vitest';
import { ART9_CONDITIONS, art9Asks, EVIDENCE_FIELDS, emptyPolicyForm, fromPolicy, LIA_STEPS, toPolicy, withEvidence, type PolicyFormState } from '../../renderer/lib/policy-form.js';
import {
  Art9ConditionSchema,
  ConsentEvidenceSchema,
  ContractEvidenceSchema,
  LegalObligationEvidenceSchema,
  LegitimateInterestsEvidenceSchema,
  parseGroupPolicy,
  PublicTaskEvidenceSchema,
  VitalInterestsEvidenceSchema,
} from '../../src/policy/lawful-basis.js';
import { LAWFUL_BASES, type LawfulBasis } from '../../src/shared/vocabulary.js';

const SCHEMAS = {
  consent: ConsentEvidenceSchema,
  contract: ContractEvidenceSchema,
  'legal-obligation': LegalObligationEvidenceSchema,
  'vital-interests': VitalInterestsEvidenceSchema,
  'public-task': PublicTaskEvidenceSchema,
  'legitimate-interests': LegitimateInterestsEvidenceSchema,
} as const;

function filled(basis: LawfulBasis): PolicyFormState {
  let state: PolicyFormState = {
    ...emptyPolicyForm(),
    basis,
    purpose: 'account-management',
    purposeDescription: '  Keeping in touch with the people who run our existing client accounts.  ',
    notice: { status: 'sent', date: '2026-11-02', method: 'A privacy notice in the first email', exemption: 'ignored unless exempt' },
  };
  for (const field of EVIDENCE_FIELDS[basis]) {
    // A review comes after the assessment (src/policy/lawful-basis.ts): every other date is the assessment's day.
    const day = field.key === 'reviewBy' ? '2027-10-01' : '2026-10-01';
    state = withEvidence(state, basis, field.key, field.kind === 'date' ? day : ` A full answer for ${field.key}, written by the data owner at length. `);
  }
  return state;
}

describe('the form keeps the core’s lists', () => {
  it('offers the Art. 9(2) conditions the core accepts, in the order (a)-(j)', () => {
    // The bases, purposes and notice statuses come from src/shared/vocabulary.ts; the Art. 9(2) conditions are
    // read off their labels, so their order is checked here.
    expect([...ART9_CONDITIONS]).toEqual([...Art9ConditionSchema.options]);
  });

  it('asks for exactly the evidence fields of each basis', () => {
    for (const basis of LAWFUL_BASES) expect(EVIDENCE_FIELDS[basis].map((f) => f.key).sort()).toEqual(Object.keys(SCHEMAS[basis].shape).sort());
  });

  it('guides legitimate interests as the three tests, then opt-out, date, assessor, version, sign-off and review date', () => {
    expect(EVIDENCE_FIELDS['legitimate-interests'].map((f) => f.key)).toEqual([...LIA_STEPS, 'optOut', 'assessedAt', 'assessedBy', 'version', 'signedOffBy', 'signedOffAt', 'reviewBy']);
    // Only the sign-off and the review date may be left empty (an unsigned LIA is saved, with a warning).
    expect(EVIDENCE_FIELDS['legitimate-interests'].filter((f) => f.optional).map((f) => f.key)).toEqual(['signedOffBy', 'signedOffAt', 'reviewBy']);
  });

  it('hints at no format for a date field: it is a date picker, which shows the computer’s own form', () => {
    const dates = Object.values(EVIDENCE_FIELDS).flatMap((fields) => fields.filter((f) => f.kind === 'date'));
    expect(dates.length).toBeGreaterThan(0);
    for (const field of dates) expect(field.hint, field.key).not.toMatch(/yyyy|mm|dd|\d{4}-\d{2}/i);
  });

  it('tells the contract basis as the law has it: a party to a contract, or steps asked for before one (UK GDPR Art. 6(1)(b))', () => {
    const hint = EVIDENCE_FIELDS.contract.find((f) => f.key === 'contract')!.hint;
    expect(hint).toContain('a party to a contract with you, or have asked you to take steps before entering one');
    expect(hint).not.toContain('about to have');
  });
});

describe('toPolicy', () => {
  it.each(LAWFUL_BASES)('produces a valid %s policy with only that basis’s evidence, trimmed', (basis) => {
    const policy = toPolicy(filled(basis));
    const parsed = parseGroupPolicy(policy);
    expect(parsed).toMatchObject({ ok: true });
    expect(Object.keys(policy.evidence).sort()).toEqual(
      EVIDENCE_FIELDS[basis]
        .map((f) => f.key)
        .sort(),
    );
    expect(policy.purposeDescription).toBe('Keeping in touch with the people who run our existing client accounts.');
    expect(Object.values(policy.evidence).every((v) => v === v.trim())).toBe(true);
    expect(Object.keys(policy).sort()).toEqual(['art14Notice', 'basis', 'evidence', 'purpose', 'purposeDescription']);
    expect(policy.art14Notice).toEqual({ status: 'sent', date: '2026-11-02', method: 'A privacy notice in the first email' });
  });

  it('does not send the evidence typed for another basis', () => {
    let state = filled('consent');
    state = withEvidence(state, 'contract', 'contract', 'typed before switching');
    state = { ...state, basis: 'consent' };
    expect(toPolicy(state).evidence).not.toHaveProperty('contract');
  });

  it('leaves out an empty optional field, and sends an empty required one for the core to name', () => {
    let state = withEvidence(filled('consent'), 'consent', 'recordLocation', '   ');
    expect(toPolicy(state).evidence).not.toHaveProperty('recordLocation');
    state = withEvidence(state, 'consent', 'wording', '');
    const parsed = parseGroupPolicy(toPolicy(state));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toMatch(/evidence\.wording: the exact statement the person agreed to is required/);
  });

  it('sends the Art. 9 condition and its justification only when the section is shown', () => {
    const base = {
      ...filled('legitimate-interests'),
      art9Condition: 'made-public-by-data-subject' as const,
      art9Justification: 'They wrote it in their public headline.',
      art9MadePublicWhere: 'The headline of their own LinkedIn profile',
    };
    expect(toPolicy({ ...base, showArt9: false })).not.toHaveProperty('art9Condition');
    expect(toPolicy({ ...base, showArt9: false })).not.toHaveProperty('art9MadePublicWhere');
    const shown = toPolicy({ ...base, showArt9: true });
    expect(shown).toMatchObject({ art9Condition: 'made-public-by-data-subject', art9Justification: 'They wrote it in their public headline.', art9MadePublicWhere: 'The headline of their own LinkedIn profile' });
    expect(parseGroupPolicy(shown).ok).toBe(true);
    const noReason = toPolicy({ ...base, showArt9: true, art9Justification: '' });
    expect(parseGroupPolicy(noReason).ok).toBe(false);
    // UK GDPR Art. 9(2)(e): the form sends where, empty when left empty, so the core answers with its sentence.
    const noWhere = parseGroupPolicy(toPolicy({ ...base, showArt9: true, art9MadePublicWhere: ' ' }));
    expect(noWhere.ok ? [] : noWhere.errors).toEqual([expect.stringMatching(/^art9MadePublicWhere: say where the person made this data manifestly public/)]);
  });

  it('asks for the DPA 2018 Sch. 1 condition and the policy document only where the condition needs them (s.10; Sch. 1 paras. 1, 5)', () => {
    expect(art9Asks('substantial-public-interest')).toEqual({ where: false, schedule1: 'a condition of Sch. 1 Part 2', apd: true });
    expect(art9Asks('health-social-care')).toEqual({ where: false, schedule1: 'Sch. 1 para. 2', apd: false });
    expect(art9Asks('made-public-by-data-subject')).toEqual({ where: true, schedule1: null, apd: false });
    expect(art9Asks('')).toEqual({ where: false, schedule1: null, apd: false });
    const base = { ...filled('contract'), showArt9: true, art9Justification: 'Equality monitoring of the people on our supplier panel.', schedule1Condition: 'Sch. 1 para. 8', appropriatePolicyDocument: 'APD-7' };
    const sch1 = toPolicy({ ...base, art9Condition: 'substantial-public-interest' });
    expect(sch1).toMatchObject({ schedule1Condition: 'Sch. 1 para. 8', appropriatePolicyDocument: 'APD-7' });
    expect(parseGroupPolicy(sch1).ok).toBe(true);
    // (f) legal claims needs neither: neither is sent.
    const claims = toPolicy({ ...base, art9Condition: 'legal-claims' });
    expect(claims).not.toHaveProperty('schedule1Condition');
    expect(claims).not.toHaveProperty('appropriatePolicyDocument');
  });

  it('sends an Art. 10 authority only when given, with the policy document it needs', () => {
    expect(toPolicy({ ...filled('contract'), showArt10: true, art10Authority: ' ' })).not.toHaveProperty('art10Authority');
    const art10 = toPolicy({ ...filled('contract'), showArt10: true, art10Authority: 'DPA 2018 Sch. 1 para 6', appropriatePolicyDocument: 'APD-2026' });
    expect(art10).toMatchObject({ art10Authority: 'DPA 2018 Sch. 1 para 6', appropriatePolicyDocument: 'APD-2026' });
    expect(parseGroupPolicy(art10).ok).toBe(true);
    const without = parseGroupPolicy(toPolicy({ ...filled('contract'), showArt10: true, art10Authority: 'DPA 2018 Sch. 1 para 6' }));
    expect(without.ok ? [] : without.errors).toEqual([expect.stringMatching(/^appropriatePolicyDocument: give the reference/)]);
  });

  it('sends the exemption with an exempt notice only', () => {
    const exempt = toPolicy({ ...filled('contract'), notice: { status: 'exempt', date: '2026-11-02', method: 'not applicable', exemption: 'Art. 14(5)(b) disproportionate effort, because the list is old' } });
    expect(exempt.art14Notice.exemption).toMatch(/^Art\. 14\(5\)\(b\)/);
    expect(parseGroupPolicy(exempt).ok).toBe(true);
  });

  it('turns an untouched form into readable refusals, not a crash', () => {
    const parsed = parseGroupPolicy(toPolicy(emptyPolicyForm()));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.some((e) => /lawful bases/.test(e))).toBe(true);
  });
});

describe('fromPolicy', () => {
  it.each(LAWFUL_BASES)('brings a saved %s policy back into the form unchanged', (basis) => {
    const policy = toPolicy({
      ...filled(basis),
      showArt9: true,
      art9Condition: 'employment-social-security',
      art9Justification: 'Recorded on the form.',
      schedule1Condition: 'Sch. 1 para. 1',
      appropriatePolicyDocument: 'APD-1',
      showArt10: true,
      art10Authority: 'DPA 2018 Sch. 1',
    });
    expect(toPolicy(fromPolicy(policy))).toEqual(policy);
  });

  it.each(LAWFUL_BASES)('takes a %s policy as the core saved it (groups.list) straight into the form', (basis) => {
    const draft = toPolicy({ ...filled(basis), showArt9: true, art9Condition: 'explicit-consent', art9Justification: 'Recorded on the form.' });
    const saved = parseGroupPolicy(draft);
    if (!saved.ok) throw new Error(saved.errors.join('; '));
    expect(toPolicy(fromPolicy(saved.policy))).toEqual(draft);
  });

  it('ignores what it does not know, and an absent policy', () => {
    expect(fromPolicy(null)).toEqual(emptyPolicyForm());
    const state = fromPolicy({ basis: 'telepathy', purpose: 'world-domination', evidence: { spell: 'abracadabra' }, art14Notice: { status: 'maybe' } });
    expect(state.basis).toBe('');
    expect(state.purpose).toBe('');
    expect(state.notice.status).toBe('');
  });
});
