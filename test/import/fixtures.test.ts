// Every sample export, checked against the facts in test/fixtures/README.md.
import { describe, expect, it } from 'vitest';
import { inspectExport } from '../../src/report/inspect.js';
import { InspectReportSchema } from '../../src/report/report-schema.js';
import { ImportError } from '../../src/import/import-error.js';
import { fixture } from '../support/fixtures.js';

const CASES = [
  { file: 'connections-current.csv', records: 60, encoding: 'utf-8', bom: false, delimiter: ',', variant: 'current', preamble: true, headerLine: 4, lineEnding: 'lf' },
  { file: 'connections-legacy.csv', records: 60, encoding: 'utf-8', bom: false, delimiter: ',', variant: 'legacy', preamble: false, headerLine: 1, lineEnding: 'lf' },
  { file: 'connections-bom-crlf.csv', records: 40, encoding: 'utf-8', bom: true, delimiter: ',', variant: 'current', preamble: true, headerLine: 4, lineEnding: 'crlf' },
  { file: 'connections-tricky.csv', records: 14, encoding: 'utf-8', bom: false, delimiter: ',', variant: 'current', preamble: true, headerLine: 4, lineEnding: 'lf' },
  { file: 'connections-2022-no-url.csv', records: 8, encoding: 'utf-8', bom: false, delimiter: ',', variant: '2022', preamble: true, headerLine: 4, lineEnding: 'lf' },
  { file: 'connections-excel-semicolon-cp1252.csv', records: 13, encoding: 'windows-1252', bom: false, delimiter: ';', variant: 'current', preamble: false, headerLine: 1, lineEnding: 'crlf' },
  { file: 'connections-excel-unicode-text.txt', records: 10, encoding: 'utf-16le', bom: true, delimiter: '\t', variant: 'current', preamble: false, headerLine: 1, lineEnding: 'crlf' },
  { file: 'connections-header-only.csv', records: 0, encoding: 'utf-8', bom: false, delimiter: ',', variant: 'current', preamble: true, headerLine: 4, lineEnding: 'lf' },
  { file: 'connections-broken-quote.csv', records: 3, encoding: 'utf-8', bom: false, delimiter: ',', variant: 'current', preamble: true, headerLine: 4, lineEnding: 'lf' },
] as const;

describe('sample exports', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.records} records, ${c.encoding}, "${c.delimiter}"`, async () => {
      const report = await inspectExport(fixture(c.file));
      expect(InspectReportSchema.parse(report)).toEqual(report);
      expect(report.records).toBe(c.records);
      expect(report.source).toMatchObject({
        container: 'csv',
        entry: null,
        kind: 'linkedin-connections',
        encoding: c.encoding,
        bom: c.bom,
        delimiter: c.delimiter,
        variant: c.variant,
        preamble: c.preamble,
        headerLine: c.headerLine,
        lineEnding: c.lineEnding,
      });
      if (c.file !== 'connections-broken-quote.csv') expect(report.errors).toEqual([]);
    });
  }

  it('connections-broken-quote.csv: the bad row is reported on line 8 and nothing is merged', async () => {
    const report = await inspectExport(fixture('connections-broken-quote.csv'));
    expect(report.errors).toEqual([{ line: 8, message: expect.stringMatching(/quoted field is never closed/) }]);
    expect(report.columns.find((c) => c.header === 'Company')!.filled).toBe(3);
  });

  it('connections-excel-semicolon-cp1252.csv: accents survive the Windows-1252 decoding', async () => {
    const report = await inspectExport(fixture('connections-excel-semicolon-cp1252.csv'));
    expect(report.notes.join(' ')).toMatch(/Windows-1252/);
    // The accented names and companies decode as text, not mojibake:
    const { readExport } = await import('../../src/import/read-export.js');
    const names: string[] = [];
    await readExport(fixture('connections-excel-semicolon-cp1252.csv'), () => ({
      record: (r) => names.push(r.cells.join('|')),
      error: () => {},
      finish: () => null,
    }));
    expect(names.some((n) => n.startsWith('Zoë|') && n.includes('Müller & Søn GmbH'))).toBe(true);
    expect(names.join('\n')).not.toMatch(/Ã|\uFFFD/);
  });

  it('connections-excel-unicode-text.txt keeps non-ASCII names', async () => {
    const { readExport } = await import('../../src/import/read-export.js');
    const rows: string[][] = [];
    await readExport(fixture('connections-excel-unicode-text.txt'), () => ({ record: (r) => rows.push(r.cells), error: () => {}, finish: () => null }));
    expect(rows.map((r) => r[0])).toContain('Zoë');
    expect(rows.find((r) => r[0] === 'Margaret')![5]).toBe('Founder, "Software Engineering" pioneer\nKeynote speaker');
  });

  it('empty.csv: a clear error', async () => {
    await expect(inspectExport(fixture('empty.csv'))).rejects.toMatchObject({ code: 'empty-file', message: expect.stringMatching(/empty/) });
  });

  it('messages.csv: a clear error naming the file it is', async () => {
    const err = await inspectExport(fixture('messages.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: 'not-connections', message: expect.stringMatching(/messages\.csv.*not your connections/) });
  });

  it('the archive ZIP: imports Connections.csv and says what else is inside', async () => {
    const report = await inspectExport(fixture('Basic_LinkedInDataExport_11-29-2026.zip'));
    const tricky = await inspectExport(fixture('connections-tricky.csv'));
    expect(report.source).toMatchObject({ container: 'zip', entry: 'Connections.csv', kind: 'linkedin-connections' });
    expect(report.records).toBe(14);
    expect(report.findings).toEqual(tricky.findings);
    expect(report.source.archive.map((e) => e.name).sort()).toEqual(
      ['Connections.csv', 'ImportedContacts.csv', 'Invitations.csv', 'Profile.csv', 'messages.csv'].sort(),
    );
    const imported = report.source.archive.find((e) => e.name === 'ImportedContacts.csv')!;
    expect(imported.description).toMatch(/never connected/);
    expect(report.notes.join(' ')).toMatch(/ImportedContacts\.csv.*never connected.*not read/);
  });

  it('the archive ZIP: ImportedContacts.csv only when asked for by name', async () => {
    const report = await inspectExport(fixture('Basic_LinkedInDataExport_11-29-2026.zip'), { entry: 'ImportedContacts.csv' });
    expect(report.source).toMatchObject({ entry: 'ImportedContacts.csv', kind: 'linkedin-imported-contacts', variant: 'imported-contacts' });
    expect(report.records).toBe(1);
    expect(report.columns.find((c) => c.header === 'PhoneNumbers')!.category).toBe('user.contact.phone_number');
    expect(report.notes.join(' ')).toMatch(/never connected/);
  });

  it('the archive ZIP: another entry by name gets the same clear error as the file itself', async () => {
    await expect(inspectExport(fixture('Basic_LinkedInDataExport_11-29-2026.zip'), { entry: 'messages.csv' })).rejects.toMatchObject({
      code: 'not-connections',
    });
  });
});
