import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl, normaliseEmail, normaliseText, parseConnectedOn } from '../../src/import/normalise.js';

describe('normalisation', () => {
  it('names: trimmed and NFC, so two spellings of Zoë compare equal', () => {
    expect(normaliseText('  Zoe\u0308 ')).toBe('Zo\u00eb');
    expect(normaliseText('Ada')).toBe('Ada');
  });

  it('emails: lower-cased, trimmed, checked', () => {
    expect(normaliseEmail(' Ada.Lovelace@Example.CO.UK ')).toEqual({ value: 'ada.lovelace@example.co.uk', valid: true, domain: 'example.co.uk' });
    for (const bad of ['ada', 'ada@', '@example.com', 'ada@example', 'ada lovelace@example.com', 'ada..l@example.com', 'a@b@example.com']) {
      expect(normaliseEmail(bad).valid, bad).toBe(false);
    }
    expect(normaliseEmail('zoë@müller.de').valid).toBe(true);
  });

  it('profile URLs: percent-decoded, no query or fragment, lower-case host, no trailing slash', () => {
    expect(canonicalProfileUrl('https://www.linkedin.com/in/ada-lovelace-1815')).toBe('https://www.linkedin.com/in/ada-lovelace-1815');
    expect(canonicalProfileUrl('https://WWW.LinkedIn.com/in/zo%C3%AB-obrien/?trk=abc#top')).toBe('https://www.linkedin.com/in/zoë-obrien');
    expect(canonicalProfileUrl('http://uk.linkedin.com/in/Ada-Lovelace/')).toBe('https://www.linkedin.com/in/ada-lovelace');
    expect(canonicalProfileUrl('linkedin.com/in/ada')).toBe('https://www.linkedin.com/in/ada');
    expect(canonicalProfileUrl('https://Example.org/People/Ada/')).toBe('https://example.org/People/Ada');
    expect(canonicalProfileUrl('https://www.linkedin.com/in/bad%E0%A4%A')).toBe('https://www.linkedin.com/in/bad%e0%a4%a');
    expect(canonicalProfileUrl('not a url')).toBeNull();
    expect(canonicalProfileUrl('javascript:alert(1)')).toBeNull();
  });

  it('Connected On: dd Mon yyyy to an ISO date; unreadable dates say why', () => {
    expect(parseConnectedOn('08 Feb 2023')).toEqual({ iso: '2023-02-08' });
    expect(parseConnectedOn('8-Feb-23')).toEqual({ iso: '2023-02-08' });
    expect(parseConnectedOn('29 February 2024')).toEqual({ iso: '2024-02-29' });
    expect(parseConnectedOn('2023-02-08')).toEqual({ iso: '2023-02-08' });
    expect(parseConnectedOn('29 Feb 2023')).toEqual({ error: 'no such day in that month' });
    expect(parseConnectedOn('08 Fev 2023')).toEqual({ error: 'unknown month' });
    expect(parseConnectedOn('08/02/2023')).toEqual({ error: expect.stringMatching(/ambiguous/) });
    expect(parseConnectedOn('yesterday')).toEqual({ error: expect.stringMatching(/not a date/) });
    expect(parseConnectedOn('06 Aug 2002')).toEqual({ error: expect.stringMatching(/LinkedIn/) });
  });
});

describe('Connected On, exact LinkedIn form', () => {
  it('refuses letters where digits belong', () => {
    expect(parseConnectedOn('08 Feb 20x3')).toEqual({ error: expect.stringMatching(/not a date/) });
    expect(parseConnectedOn('0x Feb 2023')).toEqual({ error: expect.stringMatching(/not a date/) });
    expect(parseConnectedOn('00 Feb 2023')).toEqual({ error: 'no such day in that month' });
    expect(parseConnectedOn('31 Apr 2023')).toEqual({ error: 'no such day in that month' });
    expect(parseConnectedOn('29 Feb 2100')).toEqual({ error: 'no such day in that month' });
    expect(parseConnectedOn('05 May 2003')).toEqual({ iso: '2003-05-05' });
    expect(parseConnectedOn('04 May 2003')).toEqual({ error: expect.stringMatching(/LinkedIn/) });
  });
});

describe('a record as a contact', () => {
  it('keeps raw values beside their normalised forms', async () => {
    const { toContact } = await import('../../src/import/contact.js');
    const columns = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'].map((header, index) => ({
      index,
      header,
      role: (['first-name', 'last-name', 'profile-url', 'email', 'company', 'position', 'connected-on'] as const)[index]!,
    }));
    const contact = toContact({ line: 15, cells: [' Zoe\u0308 ', "O'Brien", 'https://WWW.linkedin.com/in/zo%C3%AB-obrien/?x=1', ' Zoe@Example.COM', 'Acme', 'CEO', '01 Jan 2024'] }, columns);
    expect(contact).toEqual({
      line: 15,
      raw: { 'First Name': ' Zoe\u0308 ', 'Last Name': "O'Brien", URL: 'https://WWW.linkedin.com/in/zo%C3%AB-obrien/?x=1', 'Email Address': ' Zoe@Example.COM', Company: 'Acme', Position: 'CEO', 'Connected On': '01 Jan 2024' },
      firstName: 'Zo\u00eb',
      lastName: "O'Brien",
      company: 'Acme',
      position: 'CEO',
      email: { value: 'zoe@example.com', valid: true },
      profileUrl: 'https://www.linkedin.com/in/zo\u00eb-obrien',
      connectedOn: '2024-01-01',
    });
  });
});
