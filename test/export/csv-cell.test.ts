// CSV injection: every cell that a spreadsheet could run as a formula leaves toCsv with a protecting quote, and
// the CSV parses back (papaparse) to exactly the neutralised values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../../src/export/csv-cell.js';
import { parseCsv } from './helpers.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n'];
/** What a spreadsheet would run: a trigger first, or after the leading whitespace some spreadsheets trim. */
const dangerous = (cell: string): boolean => TRIGGERS.includes(cell[0] ?? '') || /^\s+[=+\-@]/u.test(cell);

/** Every exported cell either starts with the protecting quote or has no trigger first (nor after leading spaces). */
function assertSafe(cell: string): void {
  if (cell.startsWith("'")) return; // protected: the spreadsheet shows the rest as text
  expect(dangerous(cell), JSON.stringify(cell)).toBe(false);
}

const ATTACKS = [
  '=HYPERLINK("http://evil.example","click")',
  '+44 CEO',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1',
  '\n=1',
  ' =1',
  '   +1',
  '\u00a0=1',
  '\uFEFF=1',
  '-dash Ltd',
  '=1+2";=1+2',
  "=1+2'\" ;,=1+2",
];
const HARMLESS = ['Zoë', '李', 'He said "hi"', 'a,b,c', 'line one\r\nline two', 'x\n=1', '', ' ', "'already", 'Acme = best', 'a@b.co'];

describe('neutraliseCell', () => {
  it.each(ATTACKS)('prefixes a quote to %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(HARMLESS)('leaves %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe('toCsv', () => {
  it('writes a BOM, quotes every field, doubles inner quotes and ends each record with CRLF', () => {
    expect(toCsv(['Name', 'Note'], [['Zoë', 'say "hi"'], ['李', '-1']])).toBe(
      '\uFEFF"Name","Note"\r\n"Zoë","say ""hi"""\r\n"李","\'-1"\r\n',
    );
  });

  it('neutralises the header too', () => {
    expect(parseCsv(toCsv(['=cmd'], []))).toEqual([["'=cmd"]]);
  });

  it('round-trips the fixtures: every cell parses back neutralised, none starts with a trigger unprotected', () => {
    const values = [...ATTACKS, ...HARMLESS];
    const rows = values.map((v, i) => [String(i), v, `${v}, ${v}`]);
    const parsed = parseCsv(toCsv(['#', 'Value', 'Twice'], rows));
    expect(parsed).toHaveLength(values.length + 1);
    parsed.flat().forEach(assertSafe);
    values.forEach((v, i) => {
      expect(parsed[i + 1]).toEqual([String(i), neutraliseCell(v), neutraliseCell(`${v}, ${v}`)]);
      expect(parsed[i + 1]?.[1]).toBe(dangerous(v) ? `'${v}` : v);
    });
  });

  it('keeps non-ASCII text intact', () => {
    expect(parseCsv(toCsv(['First', 'Last'], [['Zoë', '李'], ['Łukasz', 'Øster-Müller']]))).toEqual([
      ['First', 'Last'],
      ['Zoë', '李'],
      ['Łukasz', 'Øster-Müller'],
    ]);
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(RangeError);
  });

  it('property: any cells round-trip to their neutralised form and never start with a trigger unprotected', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.tuple(fc.constantFrom(...TRIGGERS, ' ', '  ', '\u00a0', '"', ',', '\r\n'), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows));
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(neutraliseCell)));
        parsed.flat().forEach(assertSafe);
      }),
    );
  });
});
