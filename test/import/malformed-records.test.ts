// Malformed input: each bad record is reported on its line and kept out; the records around it are neither lost
// nor merged; hostile sizes give a clear error, never a hang.
import { describe, expect, it } from 'vitest';
import { inspectExport } from '../../src/report/inspect.js';
import { readExport } from '../../src/import/read-export.js';
import { DEFAULT_LIMITS } from '../../src/import/limits.js';
import { HEADER, NOTES, scratch } from '../support/fixtures.js';

const tmp = scratch();
const row = (first: string, extra = '') => `${first},Lee,https://www.linkedin.com/in/${first.toLowerCase()}-lee,,Acme,Engineer${extra},01 Jan 2020`;

async function lines(path: string) {
  const out: { line: number; first: string }[] = [];
  const errors: { line: number; message: string }[] = [];
  await readExport(path, () => ({
    record: (r) => out.push({ line: r.line, first: r.cells[0]! }),
    error: (e) => errors.push(e),
    finish: () => null,
  }));
  return { records: out, errors };
}

describe('malformed records', () => {
  it('an unclosed quote mid-file: that line is reported, the lines after it are read', async () => {
    const text = [...NOTES, HEADER, row('Ann'), 'Bad,Row,https://www.linkedin.com/in/bad,,"Unclosed Co,CEO,01 Jan 2020', row('Bob'), row('Cat'), row('Dan', ' "quoted"'), ''].join('\n');
    const { records, errors } = await lines(tmp.write(text));
    expect(records).toEqual([
      { line: 5, first: 'Ann' },
      { line: 7, first: 'Bob' },
      { line: 8, first: 'Cat' },
      { line: 9, first: 'Dan' },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6, message: expect.stringMatching(/resumes on line 7/) });
  });

  it('a stray quote that would swallow the next record with the right field count is still undone', async () => {
    const text = [HEADER, 'Ann,Lee,https://www.linkedin.com/in/ann,,Acme,"Boss,01 Jan 2020', 'Bob,Ray,https://www.linkedin.com/in/bob,,Acme,Boss",02 Jan 2020', row('Cat'), ''].join('\n');
    const { records, errors } = await lines(tmp.write(text));
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(records.map((r) => [r.line, r.first])).toEqual([
      [3, 'Bob'],
      [4, 'Cat'],
    ]);
  });

  it('a record with the wrong number of fields is reported with its line and left out', async () => {
    const text = [HEADER, row('Ann'), 'Too,Few,Fields', row('Bob') + ',extra', row('Cat'), ''].join('\n');
    const report = await inspectExport(tmp.write(text));
    expect(report.records).toBe(2);
    expect(report.errors).toEqual([
      { line: 3, message: expect.stringMatching(/3 fields where the header has 7/) },
      { line: 4, message: expect.stringMatching(/8 fields where the header has 7/) },
    ]);
  });

  it('blank lines are skipped without error and line numbers stay true', async () => {
    const text = [HEADER, '', row('Ann'), '', '', row('Bob')].join('\r\n'); // no final line break either
    const { records, errors } = await lines(tmp.write(text));
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 3, first: 'Ann' },
      { line: 6, first: 'Bob' },
    ]);
  });

  it('mixed and old-Mac line endings still give one record per line', async () => {
    const text = `${HEADER}\r\n${row('Ann')}\n${row('Bob')}\r${row('Cat')}\r\n`;
    const { records, errors } = await lines(tmp.write(text));
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 2, first: 'Ann' },
      { line: 3, first: 'Bob' },
      { line: 4, first: 'Cat' },
    ]);
  });

  it('a quote left open for megabytes is cut off at the record limit, and the rest is read', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => row(`P${i}`));
    const text = [HEADER, 'Bad,Row,https://www.linkedin.com/in/bad,,"Never closed,CEO,01 Jan 2020', ...body, ''].join('\n');
    expect(text.length).toBeGreaterThan(DEFAULT_LIMITS.maxRecordChars);
    const { records, errors } = await lines(tmp.write(text));
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/more than 1048576 characters/) }]);
    expect(records).toHaveLength(20_000);
    expect(records[0]).toEqual({ line: 3, first: 'P0' });
    expect(records.at(-1)).toEqual({ line: 20_002, first: 'P19999' });
  });

  it('a cell longer than Excel allows is reported, not kept', async () => {
    const text = [HEADER, row('Ann', 'x'.repeat(40_000)), row('Bob'), ''].join('\n');
    const report = await inspectExport(tmp.write(text));
    expect(report.records).toBe(1);
    expect(report.errors).toEqual([{ line: 2, message: expect.stringMatching(/field 6 is longer than 32767 characters/) }]);
  });

  it('a header with absurdly many columns is a clear error', async () => {
    const text = `${HEADER},${Array.from({ length: 300 }, (_, i) => `Extra ${i}`).join(',')}\n`;
    await expect(inspectExport(tmp.write(text))).rejects.toMatchObject({ code: 'too-many-columns' });
  });

  it('a CSV that is not a LinkedIn export says so', async () => {
    await expect(inspectExport(tmp.write('id,amount,currency\n1,2,GBP\n'))).rejects.toMatchObject({
      code: 'not-connections',
      message: expect.stringMatching(/not a LinkedIn connections export.*First Name, Last Name and Connected On/),
    });
  });

  it('a file of blank lines is an empty-file error', async () => {
    await expect(inspectExport(tmp.write('\n\r\n   \n'))).rejects.toMatchObject({ code: 'empty-file' });
  });

  it('a header without Email Address and a header with extra columns are recognised', async () => {
    const noEmail = await inspectExport(tmp.write('First Name,Last Name,URL,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,Acme,CEO,01 Jan 2020\n'));
    expect(noEmail.source.variant).toBe('no-email');
    expect(noEmail.records).toBe(1);
    const extra = await inspectExport(tmp.write(`${HEADER},My notes\n${row('Ann')},met at a conference\n`));
    expect(extra.columns.at(-1)).toMatchObject({ header: 'My notes', category: 'user', personalData: true, filled: 1 });
  });

  it('a missing file and a folder give clear errors', async () => {
    await expect(inspectExport(tmp.path('nope.csv'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(inspectExport(tmp.dir)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringMatching(/not a file/) });
  });
});

describe('the documented ambiguity of a quoted cell spanning lines', () => {
  it('a multi-line cell whose continuation reads as a whole record is reported, not merged', async () => {
    const text = [HEADER, 'Ann,"Lee', 'Bob,Ray",https://www.linkedin.com/in/ann,,Acme,Boss,01 Jan 2020', row('Cat'), ''].join('\n');
    const { records, errors } = await lines(tmp.write(text));
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(records.map((r) => r.line)).toEqual([3, 4]);
  });

  it('an ordinary multi-line job title is one record', async () => {
    const text = [HEADER, 'Ann,Lee,https://www.linkedin.com/in/ann,,Acme,"Founder, CEO', 'Advisor, Investor",01 Jan 2020', row('Cat'), ''].join('\n');
    const { records, errors } = await lines(tmp.write(text));
    expect(errors).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2, 4]);
  });
});
