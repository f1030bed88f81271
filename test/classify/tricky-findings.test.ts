// connections-tricky.csv has one case per row (see test/fixtures/README.md): each must be flagged on its line,
// and nothing else may be.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectExport } from '../../src/report/inspect.js';
import type { InspectReport } from '../../src/report/report-schema.js';
import { readExport } from '../../src/import/read-export.js';
import { canonicalProfileUrl } from '../../src/import/normalise.js';
import { fixture } from '../support/fixtures.js';

let report: InspectReport;
beforeAll(async () => {
  report = await inspectExport(fixture('connections-tricky.csv'));
});

const at = (line: number) => report.findings.filter((f) => f.line === line).map((f) => `${f.kind}@${f.column ?? '-'}`).sort();

describe('connections-tricky.csv, finding by finding', () => {
  it('counts 14 records, the duplicate and the empty one included, and no errors', () => {
    expect(report.records).toBe(14);
    expect(report.errors).toEqual([]);
  });

  it('line 5: a corporate email address', () => {
    expect(at(5)).toEqual(['corporate-mailbox@Email Address']);
  });

  it('a work address only suggests a corporate subscriber (PECR reg. 2): sole traders and partnerships outside Scotland are individual ones', () => {
    const detail = report.findings.find((f) => f.line === 5 && f.kind === 'corporate-mailbox')!.detail;
    expect(detail).toMatch(/^work address at \S+: suggests a corporate subscriber under PECR, but sole traders and \(outside Scotland\) partnerships are individual subscribers, so confirm the person’s type before marketing to them\./);
    expect(detail).not.toMatch(/: a corporate subscriber under PECR/);
  });

  it('line 6: a personal mailbox on a self-employed contact (an individual subscriber under PECR)', () => {
    expect(at(6)).toEqual(['personal-mailbox@Email Address', 'sole-trader@Company']);
    expect(report.findings.find((f) => f.line === 6 && f.kind === 'personal-mailbox')!.detail).toMatch(/gmail\.com.*PECR.*consent/);
  });

  it('line 7: trade-union membership (Art. 9)', () => {
    expect(at(7)).toEqual(['special-category@Position']);
    expect(report.findings.find((f) => f.line === 7)!.category).toBe('trade-union-membership');
  });

  it('line 8: a phone number hidden in Position, with its place in the cell', () => {
    expect(at(8)).toEqual(['phone-number@Position']);
    const f = report.findings.find((x) => x.line === 8)!;
    expect('Researcher | WhatsApp +44 7700 900123'.slice(f.start, f.end)).toBe('+44 7700 900123');
  });

  it('line 9: a spreadsheet formula in Position', () => {
    expect(at(9)).toEqual(['formula@Position']);
  });

  it('line 10: quoted comma, doubled quotes and a line break stay one record (lines 10-11)', async () => {
    expect(at(10)).toEqual([]);
    expect(at(11)).toEqual([]);
    const lines: number[] = [];
    let margaret: string[] = [];
    await readExport(fixture('connections-tricky.csv'), () => ({
      record: (r) => {
        lines.push(r.line);
        if (r.cells[0] === 'Margaret') margaret = r.cells;
      },
      error: () => {},
      finish: () => null,
    }));
    expect(lines).toEqual([5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(margaret[4]).toBe('Hamilton Technologies, Inc.');
    expect(margaret[5]).toBe('Founder, "Software Engineering" pioneer\nKeynote speaker');
  });

  it('line 12: religious belief (Art. 9)', () => {
    expect(at(12)).toEqual(['corporate-mailbox@Email Address', 'special-category@Position']);
    expect(report.findings.find((f) => f.line === 12 && f.kind === 'special-category')!.category).toBe('religious-or-philosophical-beliefs');
  });

  it('line 13: a personal email address hidden in Position', () => {
    expect(at(13)).toEqual(['email-address@Position', 'personal-mailbox@Position']);
    const f = report.findings.find((x) => x.line === 13 && x.kind === 'email-address')!;
    expect('Fellow (contact: linus.t@outlook.com)'.slice(f.start, f.end)).toBe('linus.t@outlook.com');
  });

  it('line 14: an exact duplicate of line 5', () => {
    expect(at(14)).toEqual(['corporate-mailbox@Email Address', 'duplicate@-']);
    expect(report.findings.find((f) => f.kind === 'duplicate')!.detail).toMatch(/line 5\b/);
  });

  it('line 15: a percent-encoded profile URL and non-ASCII names: nothing to flag, URL made canonical', () => {
    expect(at(15)).toEqual([]);
    expect(canonicalProfileUrl('https://www.linkedin.com/in/zo%C3%AB-obrien')).toBe('https://www.linkedin.com/in/zo\u00eb-obrien');
  });

  it('line 16: CJK names and company read intact, nothing to flag', () => {
    expect(at(16)).toEqual([]);
  });

  it('line 17: an empty contact with only a date', () => {
    expect(at(17)).toEqual(['empty-record@-']);
  });

  it('line 18: political opinion (Art. 9); its 2002 date predates LinkedIn', () => {
    expect(at(18)).toEqual(['invalid-date@Connected On', 'special-category@Position']);
    expect(report.findings.find((f) => f.line === 18 && f.kind === 'special-category')!.category).toBe('political-opinions');
  });

  it('line 19: health (Art. 9)', () => {
    expect(at(19)).toEqual(['corporate-mailbox@Email Address', 'special-category@Position']);
    expect(report.findings.find((f) => f.line === 19 && f.kind === 'special-category')!.category).toBe('health');
  });

  it('summarises counts per kind and column, and contacts with an email', () => {
    expect(report.summary.byKind).toMatchObject({ 'special-category': 4, duplicate: 1, 'empty-record': 1, formula: 1, 'phone-number': 1 });
    expect(report.summary.byColumn['Position']).toBe(8);
    // Emails in the Email Address column (5 rows) plus the one hidden in Position (line 13).
    expect(report.summary.contactsWithEmail).toBe(6);
  });

  it('gives every column a category, whether it is personal data, and how many cells are filled', () => {
    expect(report.columns.map((c) => [c.header, c.category, c.personalData, c.filled])).toEqual([
      ['First Name', 'user.name.first', true, 13],
      ['Last Name', 'user.name.last', true, 13],
      ['URL', 'user.contact.url', true, 13],
      ['Email Address', 'user.contact.email', true, 5],
      ['Company', 'user.workplace', true, 13],
      ['Position', 'user.job_title', true, 13],
      ['Connected On', 'user.connected_on', true, 14],
    ]);
    for (const c of report.columns) expect(c.explanation.length).toBeGreaterThan(20);
  });
});
