// Helpers for the export tests: parse our CSV back with papaparse (as a CRM importer would), build contacts.
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { StoredContact } from '../../src/vault/contacts-repo.js';

/** The whole document is quoted fields separated by commas, each record ended by CRLF (RFC 4180, all quoted). */
const ALL_QUOTED = /^(?:"(?:[^"]|"")*"(?:,|\r\n))*$/;

/** Parse a toCsv output strictly: BOM, every field quoted, CRLF, no parse errors, equal row lengths. */
export function parseCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const body = csv.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  expect(ALL_QUOTED.test(body)).toBe(true);
  const result = Papa.parse<string[]>(body, { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  expect(rows.at(-1)).toEqual(['']); // after the last CRLF
  rows.pop();
  const width = rows[0]?.length;
  for (const row of rows) expect(row).toHaveLength(width ?? 0);
  return rows;
}

/** Rows as objects keyed by the header. */
export function parseCsvRecords(csv: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(csv);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

let next = 0;
export function storedContact(overrides: Partial<StoredContact> = {}): StoredContact {
  next += 1;
  return {
    firstName: 'Zoë',
    lastName: `Smith${next}`,
    profileUrl: `https://www.linkedin.com/in/zoe-smith-${next}`,
    email: `zoe${next}@acme.example`,
    company: 'Acme Ltd',
    position: 'Head of Sales',
    connectedOn: '2020-06-15',
    specialCategories: [],
    strippedCategories: [],
    soleTrader: false,
    extra: {},
    source: { importId: 'imp-1', line: next + 1 },
    ...overrides,
  };
}
