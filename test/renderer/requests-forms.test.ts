// The People's requests forms (renderer/screens/requests/request-forms.ts): each answers a request the contract
// accepts, or a sentence for the field that is wrong; and the small words helpers of the screen's parts.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/api/contract.js';
import { ART19_KINDS, CONSENT_METHODS, CONTACT_CHANNELS, SUPPRESSION_REASONS } from '../../src/shared/vocabulary.js';
import { CHANNEL_LABELS } from '../../renderer/lib/labels.js';
import { ART19_KIND_LABELS, CONSENT_METHOD_LABELS, channelsLabel, suppressionReasonLabel, SUPPRESSION_REASON_LABELS } from '../../renderer/lib/labels-requests.js';
import {
  consentInput,
  dayProblem,
  EMPTY_CONSENT,
  liftReasonProblem,
  objectionRequest,
  personSelector,
  withdrawRequest,
  type ConsentDraft,
} from '../../renderer/screens/requests/request-forms.js';
import { consentState, linesText, matchedBy } from '../../renderer/screens/requests/request-words.js';

const ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const TODAY = '2026-11-29';

describe('personSelector', () => {
  it('builds a selector the contract accepts for each kind, trimmed', () => {
    const cases = [
      ['email', '  ada@analytical-engines.example ', { email: 'ada@analytical-engines.example' }],
      ['profileUrl', 'https://www.linkedin.com/in/ada-lovelace-1815', { profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815' }],
      ['profileUrl', 'linkedin.com/in/timbl', { profileUrl: 'linkedin.com/in/timbl' }],
      ['contactId', ` ${ID}`, { contactId: ID }],
    ] as const;
    for (const [kind, value, selector] of cases) {
      const checked = personSelector(kind, value);
      expect(checked).toEqual({ ok: true, value: selector });
      if (checked.ok) expect(CHANNELS['contacts.access'].request.safeParse(checked.value).success).toBe(true);
    }
  });

  it('says in words what is wrong with the value, never sending it', () => {
    expect(personSelector('email', '')).toEqual({ ok: false, errors: { value: expect.stringMatching(/Enter the person’s email/) } });
    expect(personSelector('email', 'ada at example')).toEqual({ ok: false, errors: { value: expect.stringMatching(/not an email address/) } });
    expect(personSelector('profileUrl', 'ada')).toEqual({ ok: false, errors: { value: expect.stringMatching(/not a profile URL/) } });
    expect(personSelector('contactId', 'c-42')).toEqual({ ok: false, errors: { value: expect.stringMatching(/not a contact id/) } });
  });
});

describe('objectionRequest', () => {
  it('takes the email, the profile URL or both', () => {
    const cases = [
      [['ada@example.com', ''], { email: 'ada@example.com' }],
      [['', 'https://www.linkedin.com/in/ada'], { profileUrl: 'https://www.linkedin.com/in/ada' }],
      [[' ada@example.com ', 'https://www.linkedin.com/in/ada'], { email: 'ada@example.com', profileUrl: 'https://www.linkedin.com/in/ada' }],
    ] as const;
    for (const [[email, profile], request] of cases) {
      const checked = objectionRequest(email, profile);
      expect(checked).toEqual({ ok: true, value: request });
      if (checked.ok) expect(CHANNELS['suppression.add'].request.safeParse(checked.value).success).toBe(true);
    }
  });

  it('asks for one of the two, and names each field that is wrong', () => {
    expect(objectionRequest(' ', '')).toEqual({ ok: false, errors: { email: expect.stringMatching(/email address, the profile URL, or both/) } });
    const both = objectionRequest('nope', 'nope');
    expect(both.ok).toBe(false);
    if (!both.ok) expect(Object.keys(both.errors).sort()).toEqual(['email', 'profileUrl']);
  });
});

describe('liftReasonProblem', () => {
  it('wants a reason that says something, within the contract’s limit', () => {
    expect(liftReasonProblem('  ok ')).toMatch(/Say why/);
    expect(liftReasonProblem('x'.repeat(2001))).toMatch(/too long/);
    expect(liftReasonProblem('Consented again on 2026-12-01 (form 4411)')).toBeNull();
  });
});

describe('consentInput', () => {
  const good: ConsentDraft = {
    purpose: 'email-marketing',
    channels: ['linkedin', 'email'],
    obtainedAt: '2026-11-01',
    method: 'form',
    wording: ' Yes, email me about events. ',
    wordingVersion: 'v3',
    proof: 'form submission 4411',
    explicit: false,
  };

  it('builds a consent the contract accepts, channels in the vocabulary’s order and trimmed text', () => {
    const checked = consentInput(good, TODAY);
    expect(checked).toEqual({
      ok: true,
      value: { purpose: 'email-marketing', channels: ['email', 'linkedin'], obtainedAt: '2026-11-01', method: 'form', wording: 'Yes, email me about events.', wordingVersion: 'v3', proof: 'form submission 4411' },
    });
    if (checked.ok) expect(CHANNELS['consent.add'].request.safeParse({ person: { contactId: ID }, consent: checked.value }).success).toBe(true);
    const explicit = consentInput({ ...good, explicit: true }, TODAY);
    expect(explicit.ok && explicit.value.explicit).toBe(true);
  });

  it('names every missing field of an empty form', () => {
    const checked = consentInput(EMPTY_CONSENT, TODAY);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors).sort()).toEqual(['channels', 'method', 'obtainedAt', 'proof', 'purpose', 'wording', 'wordingVersion']);
  });

  it('refuses a day after today or not of the calendar', () => {
    const later = consentInput({ ...good, obtainedAt: '2026-11-30' }, TODAY);
    expect(!later.ok && later.errors.obtainedAt).toMatch(/cannot be after today \(29 November 2026\)/);
    expect(dayProblem('2026-02-30', TODAY, 'the day')).toMatch(/not a day of the calendar/);
    // The field is a date picker that shows the computer's own form: no problem names a format, or a day in figures.
    expect(dayProblem('30/11/2026', TODAY, 'the day')).toMatch(/^Pick the day again/);
    expect(dayProblem('', TODAY, 'the day consent was given')).toBe('Pick the day consent was given.');
    for (const value of ['', '30/11/2026', '2026-02-30', '2026-11-30']) expect(dayProblem(value, TODAY, 'the day')).not.toMatch(/yyyy|mm|dd|\d{4}-\d{2}/i);
  });
});

describe('withdrawRequest', () => {
  it('needs how; the day is optional, not before consent was given and not after today', () => {
    expect(withdrawRequest(ID, 'reply', '', '2026-01-01', TODAY)).toEqual({ ok: true, value: { consentId: ID, method: 'reply' } });
    const dated = withdrawRequest(ID, 'call', '2026-11-02', '2026-01-01', TODAY);
    expect(dated).toEqual({ ok: true, value: { consentId: ID, method: 'call', withdrawnAt: '2026-11-02' } });
    if (dated.ok) expect(CHANNELS['consent.withdraw'].request.safeParse(dated.value).success).toBe(true);
    expect(withdrawRequest(ID, '', '', '2026-01-01', TODAY)).toEqual({ ok: false, errors: { method: expect.stringMatching(/Choose how/) } });
    expect(withdrawRequest(ID, 'call', '2025-12-31', '2026-01-01', TODAY)).toEqual({ ok: false, errors: { day: expect.stringMatching(/before consent was given \(1 January 2026\)/) } });
  });
});

describe('the words of the screen', () => {
  it('labels every word of its vocabularies', () => {
    for (const r of SUPPRESSION_REASONS) expect(SUPPRESSION_REASON_LABELS[r]).toMatch(/^[A-Z]/);
    for (const m of CONSENT_METHODS) expect(CONSENT_METHOD_LABELS[m]).toMatch(/^[A-Z]/);
    for (const c of CONTACT_CHANNELS) expect(CHANNEL_LABELS[c]).toMatch(/^[A-Z]/);
    for (const k of ART19_KINDS) expect(ART19_KIND_LABELS[k]).toMatch(/^[A-Z]/);
    expect(suppressionReasonLabel('objection')).toBe('Objected (Art. 21)');
    expect(suppressionReasonLabel('a-new-word')).toBe('a new word');
    expect(channelsLabel(['email', 'linkedin'])).toBe('Email, LinkedIn message');
  });

  it('says how an entry recognises the person, and whether a consent counts', () => {
    expect(matchedBy({ byEmail: true, byProfileUrl: false, byName: true })).toBe('email, name and company');
    expect(matchedBy({ byEmail: false, byProfileUrl: false, byName: false })).toBe('not recorded');
    expect(consentState({ withdrawnAt: '2026-11-02', withdrawalMethod: 'reply', carriedOver: false, confirmed: true })).toBe('Withdrawn on 2 Nov 2026 (a reply (email or message))');
    expect(consentState({ withdrawnAt: null, withdrawalMethod: null, carriedOver: true, confirmed: false })).toMatch(/not relied on until confirmed/);
    expect(consentState({ withdrawnAt: null, withdrawalMethod: null, carriedOver: false, confirmed: true })).toBe('In force');
  });

  it('lists line numbers in words', () => {
    expect(linesText([])).toBe('none');
    expect(linesText([4])).toBe('line 4');
    expect(linesText([4, 7, 9])).toBe('lines 4, 7 and 9');
    expect(linesText(Array.from({ length: 25 }, (_, i) => i + 1))).toMatch(/and 20, and 5 more$/);
  });
});
