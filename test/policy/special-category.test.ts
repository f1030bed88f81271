// Art. 9 and Art. 10 for real (issue 11, point 4): what an Art. 9(2) condition needs before it is saved, which
// conditions fit direct marketing, and which of a contact's hints a policy leaves without a condition that holds.
// Each rule is shown firing and not firing.
import { describe, expect, it } from 'vitest';
import { checkGuardrails, type Guardrail, type GroupFacts } from '../../src/policy/guardrails.js';
import { parseGroupPolicy, type Art9Condition } from '../../src/policy/lawful-basis.js';
import { ART9_NOT_FOR_MARKETING, uncoveredCategories } from '../../src/policy/special-category.js';
import { MARKETING_PURPOSES } from '../../src/shared/vocabulary.js';
import { contact, policy, policyInput } from './builders.js';

const group = (...contacts: ReturnType<typeof contact>[]): GroupFacts => ({ contacts });
const art9 = (guardrails: Guardrail[]) => guardrails.find((g) => g.id === 'special-category-needs-art9');
const errorsOf = (input: Record<string, unknown>) => {
  const r = parseGroupPolicy(input);
  return r.ok ? [] : r.errors;
};

const JUSTIFICATION = 'They describe these roles themselves in public, on their own profiles.';
const MADE_PUBLIC = { art9Condition: 'made-public-by-data-subject', art9Justification: JUSTIFICATION, art9MadePublicWhere: 'The headline of their own LinkedIn profile' };
const EXPLICIT = { art9Condition: 'explicit-consent', art9Justification: 'Each person ticked a separate box agreeing to this use of their health data.' };
/** A complete record of each condition, for a purpose it may fit. */
const COMPLETE: Record<Art9Condition, Record<string, string>> = {
  'explicit-consent': EXPLICIT,
  'employment-social-security': { art9Condition: 'employment-social-security', art9Justification: 'Sickness absence records we must keep as the employer.', schedule1Condition: 'Sch. 1 para. 1', appropriatePolicyDocument: 'APD-2025-01' },
  'vital-interests': { art9Condition: 'vital-interests', art9Justification: 'Allergy details for first aid at our site visits only.' },
  'not-for-profit-body': { art9Condition: 'not-for-profit-body', art9Justification: 'Our union’s own members, within its legitimate activities.' },
  'made-public-by-data-subject': MADE_PUBLIC,
  'legal-claims': { art9Condition: 'legal-claims', art9Justification: 'Defending the employment claim this person has brought against us.' },
  'substantial-public-interest': { art9Condition: 'substantial-public-interest', art9Justification: 'Equality of opportunity monitoring of our supplier panel.', schedule1Condition: 'Sch. 1 para. 8', appropriatePolicyDocument: 'APD-2025-01' },
  'health-social-care': { art9Condition: 'health-social-care', art9Justification: 'Occupational health referrals for our own staff members.', schedule1Condition: 'Sch. 1 para. 2' },
  'public-health': { art9Condition: 'public-health', art9Justification: 'Outbreak contact tracing under our health professional’s direction.', schedule1Condition: 'Sch. 1 para. 3' },
  'archiving-research': { art9Condition: 'archiving-research', art9Justification: 'A research study of the sector with safeguards under Art. 89.', schedule1Condition: 'Sch. 1 para. 4' },
};
const OTHERS = Object.keys(ART9_NOT_FOR_MARKETING) as (keyof typeof ART9_NOT_FOR_MARKETING)[];

describe('what an Art. 9(2) condition needs before it is saved (parseGroupPolicy)', () => {
  it.each(Object.keys(COMPLETE) as Art9Condition[])('accepts (%s) with everything it needs', (condition) => {
    expect(errorsOf(policyInput('contract', COMPLETE[condition]))).toEqual([]);
  });

  it.each(['tbc', 'n/a', 'Because.', 'x', 'TBC once legal have looked at it'])('refuses the justification "%s": a real answer is needed', (answer) => {
    expect(errorsOf(policyInput('contract', { ...COMPLETE['legal-claims'], art9Justification: answer }))).toEqual([
      'art9Justification: say why Art. 9(2)(f) applies in a real answer (at least 20 characters and three different words, not a placeholder)',
    ]);
  });

  it('refuses (e) without where the person made it public, or with a placeholder (UK GDPR Art. 9(2)(e))', () => {
    for (const where of [undefined, '', 'n/a', 'tbc']) {
      const input = policyInput('legitimate-interests', { ...MADE_PUBLIC, art9MadePublicWhere: where });
      expect(errorsOf(input)).toEqual([expect.stringMatching(/^art9MadePublicWhere: say where the person made this data manifestly public themselves/)]);
    }
  });

  it.each(['employment-social-security', 'substantial-public-interest', 'health-social-care', 'public-health', 'archiving-research'] as const)(
    'refuses (%s) without its DPA 2018 Sch. 1 condition (s.10(2)-(3))',
    (condition) => {
      const errors = errorsOf(policyInput('contract', { ...COMPLETE[condition], schedule1Condition: '' }));
      expect(errors).toEqual([expect.stringMatching(/^schedule1Condition: name the DPA 2018 Sch\. 1 condition relied on \(.*Sch\. 1.*\): Art\. 9\(2\)\([bghij]\) has a basis in UK law only through it/)]);
    },
  );

  it('refuses a Sch. 1 condition that needs an appropriate policy document without its reference: (b) and (g) (Sch. 1 para. 1(1)(b), para. 5(1))', () => {
    expect(errorsOf(policyInput('contract', { ...COMPLETE['employment-social-security'], appropriatePolicyDocument: undefined }))).toEqual([
      'appropriatePolicyDocument: give the reference of your appropriate policy document (DPA 2018 Sch. 1 Part 4): Sch. 1 para. 1 is met only with one in place (DPA 2018 Sch. 1 para. 1(1)(b))',
    ]);
    expect(errorsOf(policyInput('contract', { ...COMPLETE['substantial-public-interest'], appropriatePolicyDocument: 'n/a' }))).toEqual([
      'appropriatePolicyDocument: give the reference of your appropriate policy document (DPA 2018 Sch. 1 Part 4): a condition of Sch. 1 Part 2 is met only with one in place (DPA 2018 Sch. 1 para. 5(1))',
    ]);
  });

  it('does not ask (h), (i) or (j) for a policy document: Sch. 1 paras. 2-4 need none', () => {
    for (const condition of ['health-social-care', 'public-health', 'archiving-research'] as const) {
      expect(COMPLETE[condition]).not.toHaveProperty('appropriatePolicyDocument');
      expect(errorsOf(policyInput('contract', COMPLETE[condition]))).toEqual([]);
    }
  });

  it('refuses an Art. 10 authority without the appropriate policy document, and accepts it with one (UK GDPR Art. 10; DPA 2018 Sch. 1 Part 4)', () => {
    const authority = { art10Authority: 'DPA 2018 Sch. 1 para. 10 (preventing or detecting unlawful acts)' };
    expect(errorsOf(policyInput('contract', authority))).toEqual([expect.stringMatching(/^appropriatePolicyDocument: .*this product asks for the document with every Art\. 10 authority$/)]);
    expect(errorsOf(policyInput('contract', { ...authority, appropriatePolicyDocument: 'APD-2025-01' }))).toEqual([]);
  });
});

describe('special-category-needs-art9: which conditions fit direct marketing (UK GDPR Art. 9(2); DPA 2018 s.122(5))', () => {
  const health = contact({ specialCategories: ['health'] });

  it('refuses vital interests for marketing with a special-category hint, with the reason', () => {
    const g = art9(checkGuardrails(policy('legitimate-interests', COMPLETE['vital-interests']), group(health, contact())));
    expect(g).toMatchObject({ severity: 'block', rule: 'UK GDPR Art. 9(2)(a), (e); DPA 2018 s.122(5)', contactIds: [health.id] });
    expect(g?.message).toBe(
      '1 contact has special-category data (health). Art. 9(2)(c) vital interests does not fit email marketing, which is direct marketing: ' +
        'it covers protecting the life of a person who cannot consent, and marketing protects nobody’s life. For direct marketing only each ' +
        "person's own explicit consent (Art. 9(2)(a), recorded with consent add --explicit) or data the person manifestly made public themselves " +
        '(Art. 9(2)(e), with where) will do; otherwise strip that data at import.',
    );
  });

  it.each(MARKETING_PURPOSES.flatMap((purpose) => OTHERS.map((condition) => [purpose, condition] as const)))('refuses for %s the condition %s, with its reason', (purpose, condition) => {
    const g = art9(checkGuardrails(policy('legitimate-interests', { purpose, ...COMPLETE[condition] }), group(contact())));
    expect(g).toMatchObject({ severity: 'block' });
    expect(g?.message).toContain(ART9_NOT_FOR_MARKETING[condition]);
  });

  it('accepts (e) with its evidence for marketing, and (a) once each person with a hint has their own explicit consent', () => {
    expect(art9(checkGuardrails(policy('legitimate-interests', MADE_PUBLIC), group(health)))).toBeUndefined();
    const explicit = policy('consent', EXPLICIT);
    expect(art9(checkGuardrails(explicit, group(health), { explicitConsents: new Set([health.id]) }))).toBeUndefined();
  });

  it('warns under (a) about the people with a hint and no explicit consent of their own (UK GDPR Art. 9(2)(a))', () => {
    const other = contact({ specialCategories: ['trade-union-membership'] });
    const g = art9(checkGuardrails(policy('consent', EXPLICIT), group(health, other, contact()), { explicitConsents: new Set([health.id]) }));
    expect(g).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 9(2)(a)', contactIds: [other.id] });
    expect(g?.message).toMatch(/^1 contact has special-category data and no explicit consent of their own for email marketing on record/);
  });

  it('does not refuse the other conditions outside marketing (networking, recruitment, account management)', () => {
    for (const purpose of ['networking', 'recruitment', 'account-management'] as const) {
      for (const condition of OTHERS) expect(art9(checkGuardrails(policy('contract', { purpose, ...COMPLETE[condition] }), group(health)))).toBeUndefined();
    }
  });
});

describe('special-category-needs-art9: criminal-offence data (UK GDPR Art. 10)', () => {
  const crime = contact({ specialCategories: ['criminal-offences'] });
  const authority = { art10Authority: 'DPA 2018 Sch. 1 para. 10 (preventing or detecting unlawful acts)', appropriatePolicyDocument: 'APD-2025-01' };

  it.each(MARKETING_PURPOSES)('refuses it for %s outright, whatever authority is recorded', (purpose) => {
    for (const p of [policy('legitimate-interests', { purpose }), policy('legitimate-interests', { purpose, ...authority })]) {
      const g = art9(checkGuardrails(p, group(crime)));
      expect(g).toMatchObject({ severity: 'block', rule: 'UK GDPR Art. 10; DPA 2018 Sch. 1', contactIds: [crime.id] });
      expect(g?.message).toContain('This product does not allow criminal-offence data (Art. 10) in direct marketing');
    }
    // An authority recorded for a marketing group is refused even with no such data in it.
    expect(art9(checkGuardrails(policy('legitimate-interests', { purpose, ...authority }), group(contact())))?.severity).toBe('block');
  });

  it('is quiet outside marketing once the authority and its policy document are recorded, and for marketing without such data', () => {
    expect(art9(checkGuardrails(policy('contract', authority), group(crime)))).toBeUndefined();
    expect(art9(checkGuardrails(policy('legitimate-interests'), group(contact())))).toBeUndefined();
  });
});

describe('uncoveredCategories: the hints a policy leaves without a condition that holds (import and export)', () => {
  const consentPolicy = policy('consent', EXPLICIT);

  it('leaves every hint uncovered in quarantine, and under a policy with no condition', () => {
    expect(uncoveredCategories(null, ['health', 'criminal-offences'], true)).toEqual(['health', 'criminal-offences']);
    expect(uncoveredCategories(policy('legitimate-interests'), ['health'], false)).toEqual(['health']);
  });

  it('covers under (a) only the person with their own explicit consent', () => {
    expect(uncoveredCategories(consentPolicy, ['health'], false)).toEqual(['health']);
    expect(uncoveredCategories(consentPolicy, ['health'], true)).toEqual([]);
  });

  it('covers under (e) with where; never under another condition for marketing, even as saved before these rules', () => {
    expect(uncoveredCategories(policy('legitimate-interests', MADE_PUBLIC), ['health'], false)).toEqual([]);
    // A saved policy is not parsed again: one saved with (c) for marketing, or (e) without where, covers nothing.
    const vital = { ...policy('legitimate-interests'), ...COMPLETE['vital-interests'] } as ReturnType<typeof policy>;
    expect(uncoveredCategories(vital, ['health'], true)).toEqual(['health']);
    const noWhere = { ...policy('legitimate-interests'), art9Condition: 'made-public-by-data-subject', art9Justification: JUSTIFICATION } as ReturnType<typeof policy>;
    expect(uncoveredCategories(noWhere, ['health'], false)).toEqual(['health']);
  });

  it('covers criminal-offence data outside marketing only with the authority and its policy document', () => {
    const authority = { art10Authority: 'DPA 2018 Sch. 1 para. 10 (preventing or detecting unlawful acts)', appropriatePolicyDocument: 'APD-2025-01' };
    expect(uncoveredCategories(policy('contract', authority), ['criminal-offences', 'health'], false)).toEqual(['health']);
    expect(uncoveredCategories(policy('legitimate-interests', authority), ['criminal-offences'], false)).toEqual(['criminal-offences']);
    expect(uncoveredCategories(policy('contract', authority), [], false)).toEqual([]);
  });
});
