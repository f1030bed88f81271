// Encodings people actually produce: UTF-8 with and without BOM, UTF-16 either way round, and Windows-1252
// whose first non-UTF-8 byte comes late in the file.
import { describe, expect, it } from 'vitest';
import { inspectExport } from '../../src/report/inspect.js';
import { readExport } from '../../src/import/read-export.js';
import { sniffEncoding } from '../../src/import/encoding.js';
import { HEADER, scratch } from '../support/fixtures.js';

const tmp = scratch();
const TEXT = `${HEADER}\r\nZoë,Müller,https://www.linkedin.com/in/zoe,,Søn & Co,Directrice générale,01 Jan 2024\r\n李,华,https://www.linkedin.com/in/li,,株式会社テスト,营销经理,02 Feb 2023\r\n`;

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

async function firstCells(path: string) {
  const rows: string[][] = [];
  const { info } = await readExport(path, () => ({ record: (r) => rows.push(r.cells), error: () => {}, finish: () => null }));
  return { info, rows };
}

describe('encodings', () => {
  it('UTF-16BE with a BOM', async () => {
    const { info, rows } = await firstCells(tmp.write(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])));
    expect(info).toMatchObject({ encoding: 'utf-16be', bom: true });
    expect(rows.map((r) => r[0])).toEqual(['Zoë', '李']);
  });

  it('UTF-16LE without a BOM, recognised by its NUL bytes', async () => {
    const { info, rows } = await firstCells(tmp.write(Buffer.from(TEXT, 'utf16le')));
    expect(info).toMatchObject({ encoding: 'utf-16le', bom: false });
    expect(rows[1]![4]).toBe('株式会社テスト');
  });

  it('UTF-8 without a BOM', async () => {
    const { info, rows } = await firstCells(tmp.write(Buffer.from(TEXT, 'utf8')));
    expect(info).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(rows[0]![1]).toBe('Müller');
  });

  it('Windows-1252 whose first accented byte is past the first megabytes: read again from the start, nothing doubled', async () => {
    const plain = Array.from({ length: 30_000 }, (_, i) => `Ann${i},Lee,https://www.linkedin.com/in/ann-${i},,Acme,Engineer,01 Jan 2020`);
    const late = 'Zoë,Müller,https://www.linkedin.com/in/zoe,,Søn & Co,Directrice générale,01 Jan 2024';
    const bytes = Buffer.from([HEADER, ...plain, late, ''].join('\r\n'), 'latin1');
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const path = tmp.write(bytes);
    const report = await inspectExport(path);
    expect(report.source.encoding).toBe('windows-1252');
    expect(report.records).toBe(30_001);
    const { rows } = await firstCells(path);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['Zoë', 'Müller']);
  });

  it('Windows-1252 characters that Latin-1 lacks (€, curly quotes) decode correctly', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x93]), Buffer.from('Ann'), Buffer.from([0x94]), Buffer.from(',Lee,,,Acme,Head of '), Buffer.from([0x80]), Buffer.from(' sales,01 Jan 2020\n')]);
    const { info, rows } = await firstCells(tmp.write(bytes));
    expect(info.encoding).toBe('windows-1252');
    expect(rows[0]![0]).toBe('\u201cAnn\u201d');
    expect(rows[0]![5]).toBe('Head of € sales');
  });

  it('sniffs only what it can tell from the first bytes', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(sniffEncoding(new Uint8Array([0x41, 0x42]))).toEqual({ encoding: 'utf-8', bom: false });
  });
});
