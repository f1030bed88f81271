// Guardrails: each one fires on the case it is for and stays quiet on its near miss.
import { describe, expect, it } from 'vitest';
import {
  blocking,
  checkGuardrails,
  GUARDRAIL_IDS,
  type Guardrail,
  type GroupFacts,
} from '../../src/policy/guardrails.js';
import type { LawfulBasis } from '../../src/policy/lawful-basis.js';
import { MARKETING_PURPOSES, type Purpose } from '../../src/shared/vocabulary.js';
import { contact, EVIDENCE, policy, withEvidence } from './builders.js';

const NOW = new Date('2025-02-10T12:00:00Z');
const group = (...contacts: ReturnType<typeof contact>[]): GroupFacts => ({ contacts });
const EMPTY = group();
const find = (guardrails: Guardrail[], id: string) => guardrails.find((g) => g.id === id);

describe('every valid example policy passes clean', () => {
  it.each(['consent', 'legitimate-interests', 'contract', 'legal-obligation', 'vital-interests', 'public-task'] as LawfulBasis[])('%s', (basis) => {
    expect(checkGuardrails(policy(basis), group(contact()), { now: NOW, noticesOverdue: { count: 0, earliestDue: '2025-02-20' } })).toEqual([]);
  });
});

describe('linkedin-connection-not-consent', () => {
  it.each([
    ['Connected on LinkedIn', 'Accepted my connection request'],
    ['LinkedIn', 'By connecting you agree to receive my newsletter'],
    ['Accepted invitation', 'n/a'],
    ['LinkedIn connection (implied consent); they subscribe by connecting', 'Connected'],
  ])('blocks "%s" / "%s"', (method, wording) => {
    const g = find(checkGuardrails(withEvidence('consent', { method, wording }), EMPTY), 'linkedin-connection-not-consent');
    expect(g).toMatchObject({
      severity: 'block',
      message: 'A LinkedIn connection is not consent: record how and when the person agreed to this purpose.',
      rule: 'UK GDPR Art. 4(11), Art. 7; ICO consent guidance',
    });
  });

  it.each([
    ['LinkedIn message: replied "yes please" when asked', 'Yes please, add me to the monthly Acme newsletter.'],
    ['LinkedIn Lead Gen form with an unticked opt-in box', 'I agree to receive the Acme newsletter by email.'],
    ['Newsletter sign-up form on our website', 'Yes, send me the monthly Acme product newsletter by email.'],
  ])('does not fire for "%s"', (method, wording) => {
    expect(find(checkGuardrails(withEvidence('consent', { method, wording }), EMPTY), 'linkedin-connection-not-consent')).toBeUndefined();
  });

  it('does not apply to other bases', () => {
    const li = withEvidence('legitimate-interests', { purposeTest: 'We connected on LinkedIn and want to sell them software.' });
    expect(find(checkGuardrails(li, EMPTY), 'linkedin-connection-not-consent')).toBeUndefined();
  });
});

describe('pecr-individual-subscribers', () => {
  const personal = contact({ emailKind: 'personal' });
  const soleTrader = contact({ emailKind: 'corporate', soleTrader: true });
  const corporate = contact({ emailKind: 'corporate' });

  it('warns under legitimate interests and lists the individual subscribers', () => {
    const g = find(checkGuardrails(policy('legitimate-interests'), group(personal, soleTrader, corporate)), 'pecr-individual-subscribers');
    expect(g).toMatchObject({ severity: 'warn', rule: 'PECR reg. 22; ICO direct marketing guidance', contactIds: [personal.id, soleTrader.id] });
    expect(g?.message).toMatch(/^2 contacts are individual subscribers/);
    // PECR reg. 22(2)-(3): consent, or the soft opt-in; not consent alone.
    expect(g?.message).toContain('needs their consent or the soft opt-in (PECR reg. 22(3))');
  });

  it('is quiet under legitimate interests when everyone is a corporate subscriber', () => {
    expect(find(checkGuardrails(policy('legitimate-interests'), group(corporate)), 'pecr-individual-subscribers')).toBeUndefined();
  });

  it.each(['prospecting', 'events'] as const)('warns for %s too: any promotion is direct marketing (DPA 2018 s.122(5)), and PECR follows the channel', (purpose) => {
    const g = find(checkGuardrails(policy('legitimate-interests', { purpose }), group(personal, corporate)), 'pecr-individual-subscribers');
    expect(g).toMatchObject({ severity: 'warn', contactIds: [personal.id] });
    expect(g?.message).toContain('by email, SMS or LinkedIn message needs their consent or the soft opt-in (PECR reg. 22(3))');
  });

  it('counts an unknown subscriber and a partner of an "& Co" firm as individual; a confirmed corporate subscriber is quiet', () => {
    const unknown = contact({ company: '' });
    const partner = contact({ company: 'Dee & Co', position: 'Partner' });
    const g = find(checkGuardrails(policy('legitimate-interests'), group(unknown, partner)), 'pecr-individual-subscribers');
    expect(g?.contactIds).toEqual([unknown.id, partner.id]);
    expect(g?.message).toContain('unknown is treated as individual');
    const confirmed = { ...unknown, subscriberConfirmed: { type: 'corporate', entity: 'company', by: 'contact' } as const };
    expect(find(checkGuardrails(policy('legitimate-interests'), group(confirmed)), 'pecr-individual-subscribers')).toBeUndefined();
  });

  it('is quiet under consent, and for purposes outside direct marketing', () => {
    expect(find(checkGuardrails(policy('consent'), group(personal)), 'pecr-individual-subscribers')).toBeUndefined();
    const networking = policy('legitimate-interests', { purpose: 'networking' });
    expect(find(checkGuardrails(networking, group(personal)), 'pecr-individual-subscribers')).toBeUndefined();
  });

  it.each(['contract', 'legal-obligation', 'vital-interests', 'public-task'] as LawfulBasis[])('blocks email marketing under %s', (basis) => {
    const g = find(checkGuardrails(policy(basis, { purpose: 'email-marketing' }), group(corporate)), 'pecr-individual-subscribers');
    expect(g).toMatchObject({ severity: 'block' });
    expect(g?.message).toContain('individual subscribers need consent or the soft opt-in, PECR reg. 22(3)');
    expect(g?.contactIds).toBeUndefined();
    const withIndividuals = find(checkGuardrails(policy(basis, { purpose: 'email-marketing' }), group(personal)), 'pecr-individual-subscribers');
    expect(withIndividuals?.contactIds).toEqual([personal.id]);
  });
});

describe('special-category-needs-art9', () => {
  const health = contact({ specialCategories: ['health'] });
  const union = contact({ specialCategories: ['trade-union-membership', 'health'] });
  const crime = contact({ specialCategories: ['criminal-offences'] });

  it('blocks special-category data without an Art. 9(2) condition', () => {
    const g = find(checkGuardrails(policy('consent'), group(health, union, contact())), 'special-category-needs-art9');
    expect(g).toEqual({
      id: 'special-category-needs-art9',
      severity: 'block',
      message: '2 contacts have special-category data (health, trade union membership): choose an Art. 9(2) condition or strip that data.',
      rule: 'UK GDPR Art. 9(1)-(2)',
      contactIds: [health.id, union.id],
    });
  });

  it('is quiet with a condition, or when no special-category data is left', () => {
    // (a) is each person's own explicit consent: quiet once the person has one (test/policy/special-category.test.ts).
    const withCondition = policy('consent', { art9Condition: 'explicit-consent', art9Justification: 'Explicit consent recorded on the form.' });
    expect(find(checkGuardrails(withCondition, group(health), { explicitConsents: new Set([health.id]) }), 'special-category-needs-art9')).toBeUndefined();
    expect(find(checkGuardrails(policy('consent'), group(contact())), 'special-category-needs-art9')).toBeUndefined();
  });

  it('asks for Art. 10 authority when the only category is criminal offences', () => {
    // Outside marketing: for marketing, criminal-offence data is refused outright (test/policy/special-category.test.ts).
    const g = find(checkGuardrails(policy('consent', { purpose: 'networking' }), group(crime)), 'special-category-needs-art9');
    expect(g).toMatchObject({ severity: 'block', rule: 'UK GDPR Art. 10; DPA 2018 Sch. 1', contactIds: [crime.id] });
    expect(g?.message).toMatch(/^1 contact has criminal-offence data: Art\. 10 allows it only under official authority/);
    // An Art. 9 condition does not cover Art. 10 data.
    const art9Only = policy('consent', { purpose: 'networking', art9Condition: 'legal-claims', art9Justification: 'Defending a claim brought by the person.' });
    expect(find(checkGuardrails(art9Only, group(crime)), 'special-category-needs-art9')?.rule).toBe('UK GDPR Art. 10; DPA 2018 Sch. 1');
  });

  it('is quiet on criminal-offence data once the Art. 10 authority is recorded', () => {
    const p = policy('legal-obligation', { art10Authority: 'DPA 2018 Sch. 1 para. 10 (preventing or detecting unlawful acts)', appropriatePolicyDocument: 'APD-2025-03' });
    expect(find(checkGuardrails(p, group(crime)), 'special-category-needs-art9')).toBeUndefined();
  });

  it('names both articles when both kinds are present', () => {
    const g = find(checkGuardrails(policy('consent'), group(health, crime)), 'special-category-needs-art9');
    expect(g).toMatchObject({ rule: 'UK GDPR Art. 9(1)-(2), Art. 10; DPA 2018 Sch. 1', contactIds: [health.id, crime.id] });
  });
});

describe('contract-not-for-marketing (UK GDPR Art. 6(1)(b))', () => {
  it.each(MARKETING_PURPOSES)('blocks contract for %s: cold prospecting is not performance of a contract', (purpose) => {
    const g = find(checkGuardrails(policy('contract', { purpose }), EMPTY), 'contract-not-for-marketing');
    expect(g).toMatchObject({ severity: 'block', rule: 'UK GDPR Art. 6(1)(b); ICO lawful basis guidance (contract)' });
    expect(g?.message).toContain('a contract the person is a party to, or for steps they asked you to take before entering one');
    expect(g?.message).toContain('cannot be assumed for everyone in a group');
  });

  it('is quiet for account management and other purposes, and for other bases used for marketing', () => {
    for (const purpose of ['account-management', 'recruitment', 'networking', 'other'] as Purpose[]) {
      expect(find(checkGuardrails(policy('contract', { purpose }), EMPTY), 'contract-not-for-marketing')).toBeUndefined();
    }
    expect(find(checkGuardrails(policy('legitimate-interests', { purpose: 'prospecting' }), EMPTY), 'contract-not-for-marketing')).toBeUndefined();
  });
});

describe('basis-not-for-marketing (UK GDPR Art. 6(1)(c)-(e))', () => {
  const cases: [LawfulBasis, string, string][] = [
    ['legal-obligation', 'no law obliges you to market to people', 'UK GDPR Art. 6(1)(c); ICO lawful basis guidance'],
    ['vital-interests', 'marketing does not protect anyone’s life', 'UK GDPR Art. 6(1)(d); ICO lawful basis guidance'],
    ['public-task', 'is not a task laid down by law', 'UK GDPR Art. 6(1)(e); ICO lawful basis guidance'],
  ];
  it.each(cases)('blocks %s for every marketing purpose, with the reason, whatever the justification', (basis, reason, rule) => {
    for (const purpose of MARKETING_PURPOSES) {
      const g = find(checkGuardrails(policy(basis, { purpose }), EMPTY), 'basis-not-for-marketing');
      expect(g).toMatchObject({ severity: 'block', rule });
      expect(g?.message).toContain(reason);
      expect(g?.message).toContain('direct marketing');
    }
  });

  it('is quiet for outreach that is not marketing (recruitment, networking), account management, and for consent or legitimate interests', () => {
    for (const [basis] of cases) {
      for (const purpose of ['recruitment', 'networking', 'account-management'] as Purpose[]) {
        expect(find(checkGuardrails(policy(basis, { purpose }), EMPTY), 'basis-not-for-marketing')).toBeUndefined();
      }
    }
    expect(find(checkGuardrails(policy('consent', { purpose: 'events' }), EMPTY), 'basis-not-for-marketing')).toBeUndefined();
    expect(find(checkGuardrails(policy('legitimate-interests', { purpose: 'events' }), EMPTY), 'basis-not-for-marketing')).toBeUndefined();
  });
});

describe('basis-unlikely-for-marketing (recruitment and networking)', () => {
  it.each(['legal-obligation', 'vital-interests', 'public-task'] as LawfulBasis[])('warns for %s with a full justification', (basis) => {
    const g = find(checkGuardrails(policy(basis, { purpose: 'networking' }), EMPTY), 'basis-unlikely-for-marketing');
    expect(g).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 6(1)(c)-(e); ICO lawful basis guidance' });
  });

  it('blocks when the justification is shorter than 40 characters', () => {
    const p = withEvidence('public-task', { justification: 'We are the council.' }, { purpose: 'recruitment' });
    const g = find(checkGuardrails(p, EMPTY), 'basis-unlikely-for-marketing');
    expect(g?.severity).toBe('block');
    expect(g?.message).toContain('write why this basis applies');
  });

  it('is quiet for account management, for consent and legitimate interests, and for marketing (blocked outright instead)', () => {
    expect(find(checkGuardrails(withEvidence('public-task', { justification: 'x' }), EMPTY), 'basis-unlikely-for-marketing')).toBeUndefined();
    expect(find(checkGuardrails(policy('legitimate-interests', { purpose: 'networking' }), EMPTY), 'basis-unlikely-for-marketing')).toBeUndefined();
    expect(find(checkGuardrails(policy('public-task', { purpose: 'events' }), EMPTY), 'basis-unlikely-for-marketing')).toBeUndefined();
  });
});

describe('art14-notice-overdue (UK GDPR Art. 14(3): per person, not from the group plan)', () => {
  const planned = (date: string) => policy('consent', { art14Notice: { status: 'planned', date, method: 'Email' } });
  const sent = policy('consent', { art14Notice: { status: 'sent', date: '2025-01-05', method: 'Email' } });

  it('warns with the count and the earliest due day when members are overdue', () => {
    const g = find(checkGuardrails(planned('2025-03-01'), EMPTY, { noticesOverdue: { count: 3, earliestDue: '2025-02-28' } }), 'art14-notice-overdue');
    expect(g).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 14(3)' });
    expect(g?.message).toContain('3 people in this group have not been told');
    expect(g?.message).toContain('by 2025-02-28');
    expect(find(checkGuardrails(planned('2025-03-01'), EMPTY, { noticesOverdue: { count: 1, earliestDue: '2025-02-28' } }), 'art14-notice-overdue')?.message).toMatch(/^1 person in this group has/);
  });

  it('warns even when the group plan says sent: a group record does not tell people imported later', () => {
    expect(find(checkGuardrails(sent, EMPTY, { noticesOverdue: { count: 2, earliestDue: '2025-02-01' } }), 'art14-notice-overdue')).toBeDefined();
  });

  it('is quiet when no member is overdue, or without the count, whatever the plan', () => {
    expect(find(checkGuardrails(planned('2026-01-01'), EMPTY, { now: NOW, noticesOverdue: { count: 0, earliestDue: '2025-02-01' } }), 'art14-notice-overdue')).toBeUndefined();
    expect(find(checkGuardrails(planned('2025-01-20'), EMPTY, { now: NOW }), 'art14-notice-overdue')).toBeUndefined();
    expect(find(checkGuardrails(sent, EMPTY, { now: NOW }), 'art14-notice-overdue')).toBeUndefined();
  });
});

describe('lia-incomplete', () => {
  it.each(['n/a', 'TBC', 'todo', '-', 'Fine.', 'TBC once legal have looked at it properly', 'good good good good good good'])('blocks the answer "%s"', (answer) => {
    const g = find(checkGuardrails(withEvidence('legitimate-interests', { balancingTest: answer }, { purpose: 'networking' }), EMPTY), 'lia-incomplete');
    expect(g).toMatchObject({ severity: 'block', rule: 'UK GDPR Art. 6(1)(f); ICO LIA guidance' });
    expect(g?.message).toMatch(/^Complete the legitimate interests assessment: the purpose, necessity and balancing tests each need a real answer/);
    expect(g?.message).toContain('still missing: the balancing test');
  });

  it('names every incomplete test', () => {
    const p = withEvidence('legitimate-interests', { purposeTest: 'tbc', necessityTest: 'n/a' });
    expect(find(checkGuardrails(p, EMPTY), 'lia-incomplete')?.message).toContain('the purpose test, the necessity test');
  });

  it('is quiet when each test has a real answer', () => {
    const p = withEvidence('legitimate-interests', { balancingTest: 'None of them would be surprised: they are buyers of B2B software.' });
    expect(find(checkGuardrails(p, EMPTY), 'lia-incomplete')).toBeUndefined();
  });

  it('for direct marketing, says what the DUAA 2025 changed and what it did not (UK GDPR Art. 6(11))', () => {
    const marketing = find(checkGuardrails(withEvidence('legitimate-interests', { necessityTest: 'tbc' }, { purpose: 'prospecting' }), EMPTY), 'lia-incomplete');
    expect(marketing?.rule).toBe('UK GDPR Art. 6(1)(f), Art. 6(11); ICO LIA guidance');
    expect(marketing?.message).toContain('Direct marketing may be a legitimate interest (UK GDPR Art. 6(11), inserted by the Data (Use and Access) Act 2025)');
    expect(marketing?.message).toContain('the necessity and balancing tests still apply');
    // Not firing: outreach that is not marketing says nothing of it.
    const networking = find(checkGuardrails(withEvidence('legitimate-interests', { necessityTest: 'tbc' }, { purpose: 'networking' }), EMPTY), 'lia-incomplete');
    expect(networking?.message).not.toContain('Data (Use and Access) Act');
  });
});

/** The LIA evidence without some of its fields. */
const liaWithout = (...keys: string[]) => Object.fromEntries(Object.entries(EVIDENCE['legitimate-interests']).filter(([k]) => !keys.includes(k)));

describe('lia-not-signed-off (UK GDPR Art. 5(2), Art. 6(1)(f))', () => {
  it('warns when no data owner or admin has signed the assessment off, naming its version', () => {
    const g = find(checkGuardrails(policy('legitimate-interests', { evidence: liaWithout('signedOffBy', 'signedOffAt') }), EMPTY), 'lia-not-signed-off');
    expect(g).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 5(2), Art. 6(1)(f); ICO legitimate interests guidance: keep a record of the LIA' });
    expect(g?.message).toContain('(version 2025-01) is not signed off');
    expect(g?.message).toContain('marketing exports leave this group out');
  });

  it('is quiet once signed off, and for other bases', () => {
    expect(find(checkGuardrails(policy('legitimate-interests'), EMPTY), 'lia-not-signed-off')).toBeUndefined();
    expect(find(checkGuardrails(policy('consent'), EMPTY), 'lia-not-signed-off')).toBeUndefined();
  });
});

describe('lia-review-due (ICO legitimate interests guidance: keep the LIA under review)', () => {
  // EVIDENCE: assessed on 2025-01-10, no review date, so due by 2026-01-10 (12 months, the product's default).
  const on = (day: string) => ({ now: new Date(`${day}T12:00:00Z`) });

  it('warns the day after the default review date (12 months after the assessment)', () => {
    const g = find(checkGuardrails(policy('legitimate-interests'), EMPTY, on('2026-01-11')), 'lia-review-due');
    expect(g).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 5(2), Art. 6(1)(f); ICO legitimate interests guidance: keep the LIA under review' });
    expect(g?.message).toContain('was due for review by 2026-01-10 (12 months after it was made');
  });

  it('is quiet on the review day itself, before it, and without `now`', () => {
    expect(find(checkGuardrails(policy('legitimate-interests'), EMPTY, on('2026-01-10')), 'lia-review-due')).toBeUndefined();
    expect(find(checkGuardrails(policy('legitimate-interests'), EMPTY, on('2025-06-01')), 'lia-review-due')).toBeUndefined();
    expect(find(checkGuardrails(policy('legitimate-interests'), EMPTY), 'lia-review-due')).toBeUndefined();
  });

  it('follows a recorded review date, earlier or later than the default', () => {
    const early = withEvidence('legitimate-interests', { reviewBy: '2025-07-01' });
    expect(find(checkGuardrails(early, EMPTY, on('2025-07-02')), 'lia-review-due')?.message).toContain('was due for review by 2025-07-01:');
    const late = withEvidence('legitimate-interests', { reviewBy: '2026-06-30' });
    expect(find(checkGuardrails(late, EMPTY, on('2026-03-01')), 'lia-review-due')).toBeUndefined();
  });
});

describe('consent-stale', () => {
  const consentOn = (obtainedAt: string) => withEvidence('consent', { obtainedAt });

  it('warns when consent is more than 24 months old', () => {
    const g = find(checkGuardrails(consentOn('2023-02-09'), EMPTY, { now: NOW }), 'consent-stale');
    expect(g).toMatchObject({ severity: 'warn', rule: 'UK GDPR Art. 7(1); ICO consent guidance: review consent, refresh it at appropriate intervals (no fixed period)' });
    // The 24 months are the product's prompt, not the ICO's: the ICO sets no fixed period.
    expect(g?.message).toContain('the ICO sets no fixed period');
    expect(g?.message).toContain("24 months is this product's default prompt");
    expect(`${g?.message} ${g?.rule}`).not.toMatch(/ICO[^.;]*24 months/);
  });

  it('is quiet at exactly 24 months, when recent, or without `now`', () => {
    expect(find(checkGuardrails(consentOn('2023-02-10'), EMPTY, { now: NOW }), 'consent-stale')).toBeUndefined();
    expect(find(checkGuardrails(consentOn('2024-12-01'), EMPTY, { now: NOW }), 'consent-stale')).toBeUndefined();
    expect(find(checkGuardrails(consentOn('2010-01-01'), EMPTY), 'consent-stale')).toBeUndefined();
  });
});

describe('checkGuardrails and blocking', () => {
  it('returns guardrails in a fixed order and blocking() keeps the blocks', () => {
    const p = withEvidence('consent', { method: 'Connected on LinkedIn', wording: 'Connected', obtainedAt: '2019-01-01' });
    const all = checkGuardrails(p, group(contact({ specialCategories: ['health'] })), { now: NOW });
    expect(all.map((g) => g.id)).toEqual(['linkedin-connection-not-consent', 'special-category-needs-art9', 'consent-stale']);
    expect(all.every((g) => (GUARDRAIL_IDS as readonly string[]).includes(g.id))).toBe(true);
    expect(blocking(all).map((g) => g.id)).toEqual(['linkedin-connection-not-consent', 'special-category-needs-art9']);
    expect(blocking([])).toEqual([]);
  });

  it('keeps the fixed order for the LIA checks too', () => {
    const p = policy('legitimate-interests', { purpose: 'networking', evidence: { ...liaWithout('signedOffBy', 'signedOffAt'), balancingTest: 'tbc' } });
    expect(checkGuardrails(p, EMPTY, { now: new Date('2027-01-01T00:00:00Z') }).map((g) => g.id)).toEqual(['lia-incomplete', 'lia-not-signed-off', 'lia-review-due']);
    expect(checkGuardrails(policy('contract', { purpose: 'email-marketing' }), EMPTY).map((g) => g.id)).toEqual(['pecr-individual-subscribers', 'contract-not-for-marketing']);
  });

  it('reads no clock: the same input gives the same answer', () => {
    const p = withEvidence('consent', { obtainedAt: '2019-01-01' });
    expect(checkGuardrails(p, EMPTY, { now: NOW })).toEqual(checkGuardrails(p, EMPTY, { now: new Date(NOW) }));
  });
});
