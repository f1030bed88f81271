// Phone precision: numbers that only have a phone number's length (years, standards, versions, rankings, amounts,
// dates, registered numbers, postcodes) are not phone numbers; real ones, next to such numbers or not, still are.
import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js';
import { findPhonesInText } from '../../src/classify/cell-scanners.js';
import { numberStarts, whyNotAPhone } from '../../src/classify/not-a-phone.js';

const headline = (s: string) => `Engineering Manager | ${s} | Leeds`;
const found = (text: string, country: CountryCode = 'GB') => findPhonesInText(text, country).map((p) => text.slice(p.start, p.end));
// libphonenumber's idea of a possible number depends on the default country: these take the most digit strings.
const COUNTRIES: CountryCode[] = ['GB', 'US', 'DE', 'FR', 'IE', 'AU', 'NL', 'IT', 'IN', 'BR', 'CN', 'ES'];

const NOT_PHONES = {
  years: ['2019-2023', '2019 – 2023', '2015—2024', '1998/99', '2010 - present', 'Class of 2012 – 2016', 'since 2008, 2012 and 2016',
    '2010-2015 2016-2020', '2010 2015 2020', '(2019-2023)'],
  standards: ['ISO 27001', 'ISO/IEC 27001:2022', 'ISO 9001:2015', 'ISO 14001 & 45001', 'BS EN 1090-2', 'IEC 62443-3-3', 'IEEE 802.11',
    'RFC 9110', 'NIST 800-53', 'PCI DSS 4.0.1', 'ISO 27001 2022', 'ISO 9001 14001 45001', 'NIST SP 800-171'],
  versions: ['v2.3.1', 'Angular 17.2.0', 'Python 3.12.4', 'Release 2024.10.1', 'Release 2024.10.15'],
  rankings: ['Top 100 2023', 'Forbes 30 Under 30 2024', 'Top 50 Women in Tech 2022 & 2023', 'Top 100 2022 2023'],
  amounts: ['£1,250,000', '$2.5m ARR', '10,000,000 users', '100 000 followers', '1.2 million downloads', '€ 1 250 000 raised',
    '1 000 000 users', '1,250,000+ members'],
  dates: ['01/02/2023', '12.05.2021', '2023-05-01', 'since 05.06.2019'],
  registered: ['Company no. 01234567', 'Company Number: 01234567', 'Reg. charity 1234567', 'Registered Charity No. 1234567',
    'VAT GB 123 4567 89', 'VAT No: 123456789', 'GB123456789'],
  postcodes: ['SW1A 1AA 2019-2023', 'EC1V 9HX, 2010-2015', 'M1 1AE | Top 100 2023', 'San Francisco, CA 94105-1234'],
};

describe('numbers that are not phone numbers', () => {
  for (const [kind, cases] of Object.entries(NOT_PHONES)) {
    it.each(cases)(`${kind}: %s`, (s) => {
      for (const country of COUNTRIES) {
        for (const text of [headline(s), s]) expect(found(text, country), `${text} (${country})`).toEqual([]);
      }
    });
  }

  it('finds none in a headline that mixes them', () => {
    const text = 'ISO 27001 Lead Auditor | v2.3.1 | Top 100 2023 | £1,250,000 raised | 2019-2023 | 12.05.2021 | Company no. 01234567 | Leeds LS1 4DY';
    for (const country of COUNTRIES) expect(found(text, country), country).toEqual([]);
  });
});

describe('phone numbers, still found', () => {
  it.each([
    ['+44 7700 900123', '+44'],
    ['07700 900 123', 'GB'],
    ['(020) 7946 0018', 'GB'],
    ['020 7946 0018', 'GB'],
    ['0161 496 0000', 'GB'],
    ['+1 (415) 555-0132', 'US'],
    ['+49 30 901820', 'DE'],
    ['+353 1 234 5678', 'IE'],
    ['+33 1 23 45 67 89', 'FR'],
    ['+61 2 9876 5432', 'AU'],
  ])('%s, with its exact place in the headline', (phone, country) => {
    const text = headline(phone);
    const start = text.indexOf(phone);
    expect(findPhonesInText(text, 'GB')).toEqual([{ start, end: start + phone.length, country }]);
  });

  it.each([
    ['call 0117 496 0123', '0117 496 0123'],
    ['WhatsApp +44 7911 123456', '+44 7911 123456'],
    ['Mob: 07911123456', '07911123456'],
    ['tel. +44 (0)20 7946 0958', '+44 (0)20 7946 0958'],
    ['Founder since 2019 | 07700 900123', '07700 900123'],
    ['Founder since 2019 07700 900123', '07700 900123'],
    ['Top 100 2023 · 07700 900123', '07700 900123'],
    ['ISO 27001:2022 0161 496 0000', '0161 496 0000'],
    ['Company no. 01234567 | 07700 900123', '07700 900123'],
    ['CTO (07700 900123)', '07700 900123'],
    ['CTO (+44 7700 900123)', '+44 7700 900123'],
    ['07700 900123 since 2019', '07700 900123'],
  ])('%s', (text, phone) => {
    const start = text.indexOf(phone);
    expect(findPhonesInText(text, 'GB').map(({ start, end }) => ({ start, end }))).toEqual([{ start, end: start + phone.length }]);
  });

  it('finds international numbers whatever the default country, next to years and standards', () => {
    const text = 'ISO 27001 Lead | 2019-2023 | +44 7700 900123 | Top 100 2023';
    for (const country of COUNTRIES) expect(found(text, country), country).toEqual(['+44 7700 900123']);
  });

  it('finds two numbers written one after the other as two', () => {
    expect(found('07700 900123, 07700 900124')).toEqual(['07700 900123', '07700 900124']);
  });

  it('keeps national formats that look like other things elsewhere', () => {
    expect(found('Ventas 612 345 678', 'ES')).toEqual(['612 345 678']);
    expect(found('Pārdošana 21 234 567', 'LV')).toEqual(['21 234 567']);
    expect(found('Tel. 0711 12345-0', 'DE')).toEqual(['0711 12345-0']);
    expect(found('Sales 415.555.0132', 'US')).toEqual(['415.555.0132']);
    expect(found('Sales 1-800-555-0132', 'US')).toEqual(['1-800-555-0132']);
    expect(found('Ventes 06.12.34.56.78', 'FR')).toEqual(['06.12.34.56.78']);
  });
});

describe('the rules', () => {
  const why = (text: string, number: string) => whyNotAPhone(text, text.indexOf(number), text.indexOf(number) + number.length);

  it('says why a number is not a phone number', () => {
    expect(why('Lead 2019-2023', '2019-2023')).toBe('years');
    expect(why('IEC 62443-3-3', '62443-3-3')).toBe('standard');
    expect(why('Release 17.2.10', '17.2.10')).toBe('version or ranking');
    expect(why('Shipped 17.2.10', '17.2.10')).toBe('version');
    expect(why('Shipped 2024.10.1', '2024.10.1')).toBe('date'); // or a version: either way, not a phone number
    expect(why('Top 100 2023', '100 2023')).toBe('version or ranking');
    expect(why('Best of 100 2023', '100 2023')).toBe('years');
    expect(why('on 01/02/2023', '01/02/2023')).toBe('date');
    expect(why('raised 1 250 000', '1 250 000')).toBe('amount');
    expect(why('Company no. 01234567', '01234567')).toBe('registered number');
    expect(why('CA 94105-1234', '94105-1234')).toBe('postcode');
    expect(why('ID A1234567', '1234567')).toBe('glued');
  });

  it('never filters a number in international form, and a trunk "0" only as a date or a registered number', () => {
    expect(why('ISO +44 7700 900123', '+44 7700 900123')).toBeUndefined();
    expect(why('Top 07700 900123', '07700 900123')).toBeUndefined();
    expect(why('Lead 2019 | 020 7946 2019', '020 7946 2019')).toBeUndefined();
  });

  it('starts a new number after another only where the first is not its international prefix', () => {
    expect(numberStarts('since 2019 07700 900123')).toEqual([11]);
    expect(numberStarts('2019 +44 7700 900123')).toEqual([5]);
    for (const text of ['+44 020 7946 0958', '+44 (0)20 7946 0958', '0044 20 7946 0958', '0161 496 0000', '(020) 7946 0018', '+1 (415) 555-0132']) {
      expect(numberStarts(text), text).toEqual([]);
    }
  });
});
