import { describe, expect, it } from 'vitest';
import {
  findEmailsInText,
  findPhonesInText,
  isFormula,
  isSoleTrader,
} from '../../src/classify/cell-scanners.js';
import { mailboxKind } from '../../src/classify/free-mail.js';

describe('emails and phone numbers in free text', () => {
  it('finds addresses with their place in the cell', () => {
    expect(findEmailsInText('Fellow (contact: linus.t@outlook.com)')).toEqual([{ start: 17, end: 36, domain: 'outlook.com' }]);
    expect(findEmailsInText('a@b.co and c.d@e.org')).toHaveLength(2);
    expect(findEmailsInText('@SUM(A1:A9)')).toEqual([]);
  });

  it('finds phone numbers, local and international, and not years or ids', () => {
    expect(findPhonesInText('Researcher | WhatsApp +44 7700 900123', 'GB')).toEqual([{ start: 22, end: 37, country: '+44' }]);
    expect(findPhonesInText('Tel 020 7946 0958', 'GB')).toEqual([{ start: 4, end: 17, country: 'GB' }]);
    expect(findPhonesInText('Ventes +33 6 12 34 56 78', 'GB')[0]!.country).toBe('FR');
    for (const text of ['VP 2010-2015 2016-2020', 'ISO 27001 Lead', 'Head of EMEA (2019)', '+44 CEO', '-2+3', 'ada-lovelace-1815']) {
      expect(findPhonesInText(text, 'GB'), text).toEqual([]);
    }
  });
});

describe('formulas, mailboxes, sole traders', () => {
  it('flags every OWASP trigger character at the start of a cell, and nothing else', () => {
    for (const t of ['=1+1', '+44 CEO', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1']) expect(isFormula(t), JSON.stringify(t)).toBe(true);
    for (const t of ['CEO', ' =1', 'A=B', '']) expect(isFormula(t), JSON.stringify(t)).toBe(false);
  });

  it('tells free-mail domains from work domains, using the maintained list', () => {
    for (const d of ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'btinternet.com', 'gmx.de', 'proton.me', 'icloud.com']) expect(mailboxKind(d), d).toBe('personal');
    for (const d of ['acme.co.uk', 'nasa.example', 'ibm.example', 'co.uk']) expect(mailboxKind(d), d).toBe('corporate');
  });

  it('recognises self-employed and sole traders', () => {
    for (const t of ['Self-employed', 'Freelance', 'Self Employed', 'Freelancer', 'Sole Trader']) expect(isSoleTrader(t), t).toBe(true);
    for (const t of ['Acme Ltd', 'Employee Relations', 'Contractors Ltd']) expect(isSoleTrader(t), t).toBe(false);
  });
});
