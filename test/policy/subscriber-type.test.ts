// Subscriber types under PECR reg. 2 and reg. 22 (issue 11, point 2): inferred with the reason, never stated as fact
// from an email domain; a confirmation decides; unknown is treated as individual.
import { describe, expect, it } from 'vitest';
import {
  corporateSuffix,
  ENTITY_TYPE,
  inferSubscriberType,
  normaliseCompanyName,
  subscriberStanding,
  type SubscriberSignals,
} from '../../src/policy/subscriber-type.js';
import { SUBSCRIBER_ENTITIES } from '../../src/shared/vocabulary.js';

const signals = (s: Partial<SubscriberSignals> = {}): SubscriberSignals => ({ emailKind: 'corporate', soleTrader: false, company: 'Acme Ltd', position: 'Head of Sales', ...s });
const typeOf = (s: Partial<SubscriberSignals>) => inferSubscriberType(signals(s)).type;

describe('inferSubscriberType', () => {
  it('a personal mailbox (free-mail domain) is likely individual, whatever the company', () => {
    const r = inferSubscriberType(signals({ emailKind: 'personal', company: 'Acme Ltd' }));
    expect(r).toEqual({ type: 'likely-individual', reason: expect.stringContaining('A personal mailbox (a free-mail domain)') });
  });

  it('sole-trader words are likely individual, whatever the address', () => {
    expect(inferSubscriberType(signals({ soleTrader: true })).reason).toContain('a sole trader is an individual subscriber whatever their address');
  });

  it.each([
    ['Dee & Co', 'Accountant'],
    ['Smith and Company', 'Manager'],
    ['Brown Partners', 'Associate'],
    ['The Green Partnership', 'Architect'],
  ])('partnership words in the company (%s) are likely individual, and say a Scottish partnership cannot be told apart', (company, position) => {
    const r = inferSubscriberType(signals({ company, position }));
    expect(r.type).toBe('likely-individual');
    expect(r.reason).toContain('a Scottish partnership a corporate one, and the data cannot tell which: confirm it');
  });

  it.each(['Partner', 'Managing Partner', 'Partner at Dee', 'Partner, Tax'])('"%s" as the job title at a firm with no company suffix is likely individual', (position) => {
    expect(typeOf({ company: 'Dee Accountants', position })).toBe('likely-individual');
  });

  it('"Owner" at a business with no company suffix is likely individual (the issue\'s "Owner, Brown Plumbing")', () => {
    expect(inferSubscriberType(signals({ company: 'Brown Plumbing', position: 'Owner' })).reason).toContain('likely a sole trader');
  });

  it('does not fire on job titles that only contain the words, or on an LLP or a Ltd', () => {
    expect(typeOf({ company: 'Acme', position: 'Partner Manager' })).toBe('likely-corporate');
    expect(typeOf({ company: 'Acme', position: 'Product Owner' })).toBe('likely-corporate');
    expect(typeOf({ company: 'Smith & Jones LLP', position: 'Partner' })).toBe('likely-corporate');
    expect(typeOf({ company: 'Dee & Co Ltd', position: 'Partner' })).toBe('likely-corporate');
  });

  it('an LLP is likely corporate, and says so', () => {
    expect(inferSubscriberType(signals({ company: 'Deloitte L.L.P.' }))).toEqual({ type: 'likely-corporate', reason: 'The firm is an LLP: a limited liability partnership is a corporate subscriber.' });
  });

  it.each([
    ['Acme Ltd', 'Ltd'],
    ['Acme Limited', 'Limited'],
    ['Acme plc', 'plc'],
    ['Acme P.L.C.', 'plc'],
    ['Müller & Søn GmbH', 'GmbH'],
  ])('a company suffix (%s) is likely corporate, naming it', (company, suffix) => {
    expect(inferSubscriberType(signals({ company }))).toEqual({ type: 'likely-corporate', reason: `The company name ends in "${suffix}", which suggests a company: a company is a corporate subscriber (confirm it to be sure).` });
  });

  it('a work mailbox with a company name and no sign of a sole trader or partnership is likely corporate', () => {
    expect(inferSubscriberType(signals({ company: 'Acme' })).reason).toBe('Only a work mailbox (not a free-mail domain) and a company name, with no sign of a sole trader or a partnership: confirm it to be sure.');
  });

  it('no email is unknown; a work mailbox without a company name is unknown', () => {
    expect(typeOf({ emailKind: 'none', company: 'Acme Ltd' })).toBe('unknown');
    expect(typeOf({ company: '' })).toBe('unknown');
    // Individual signs still count without an email.
    expect(typeOf({ emailKind: 'none', soleTrader: true })).toBe('likely-individual');
  });
});

describe('subscriberStanding', () => {
  it('treats only likely corporate as corporate; unknown and likely individual as individual', () => {
    expect(subscriberStanding(signals()).treatedAs).toBe('corporate');
    expect(subscriberStanding(signals({ company: '' })).treatedAs).toBe('individual');
    expect(subscriberStanding(signals({ emailKind: 'personal' })).treatedAs).toBe('individual');
  });

  it('a confirmation decides, either way, and keeps the inference beside it', () => {
    const confirmed = subscriberStanding(signals({ company: '' }), { type: 'corporate', entity: 'company', by: 'contact' });
    expect(confirmed).toMatchObject({ treatedAs: 'corporate', inferred: { type: 'unknown' }, confirmed: { by: 'contact' } });
    expect(subscriberStanding(signals(), { type: 'individual', entity: 'partnership', by: 'company' }).treatedAs).toBe('individual');
  });

  it('maps every entity to its PECR type: company, LLP and Scottish partnership are corporate', () => {
    expect(SUBSCRIBER_ENTITIES.map((e) => [e, ENTITY_TYPE[e]])).toEqual([
      ['company', 'corporate'],
      ['llp', 'corporate'],
      ['scottish-partnership', 'corporate'],
      ['sole-trader', 'individual'],
      ['partnership', 'individual'],
      ['other', 'individual'],
    ]);
  });
});

describe('normaliseCompanyName and corporateSuffix', () => {
  it('one company however it is typed', () => {
    expect(normaliseCompanyName('  Dee &  Co. ')).toBe(normaliseCompanyName('dee & co'));
    expect(normaliseCompanyName('Acme Limited')).toBe(normaliseCompanyName('ACME LTD'));
    expect(normaliseCompanyName('Smith, Jones')).toBe('smith jones');
    expect(normaliseCompanyName(' . ')).toBe('');
  });

  it('reads the last word only, and never a one-word name', () => {
    expect(corporateSuffix('Limited Edition Prints')).toBeNull();
    expect(corporateSuffix('Ltd')).toBeNull();
    expect(corporateSuffix('Acme (UK) Ltd.')).toBe('Ltd');
  });
});

describe('company forms that are also words (PECR reg. 2)', () => {
  it('reads "SpA", "SA", "AB" only as written: a day spa is not an Italian company', () => {
    expect(corporateSuffix('Riverside Day Spa')).toBeNull();
    expect(corporateSuffix('Glow Spa')).toBeNull();
    expect(corporateSuffix('Ferrari SpA')).toBe('SpA');
    expect(corporateSuffix('Volvo AB')).toBe('AB');
    expect(corporateSuffix('Brown Plumbing Ltd')).toBe('Ltd');
    expect(corporateSuffix('Acme limited')).toBe('Limited');
  });
});
