// The inspect use case: read an export, flag its personal data, and return the report. Nothing is stored.
import type { CountryCode } from 'libphonenumber-js';
import { categoryOf } from '../classify/columns.js';
import { Inspector } from '../classify/inspector.js';
import { readExport, type ExportInfo, type ReadOptions } from '../import/read-export.js';
import type { InspectReport } from './report-schema.js';

export interface InspectOptions extends ReadOptions {
  defaultCountry?: CountryCode;
}

export async function inspectExport(path: string, options: InspectOptions = {}): Promise<InspectReport> {
  const { info, result } = await readExport(path, (i) => new Inspector(i.columns, { defaultCountry: options.defaultCountry ?? 'GB' }), options);
  const byKind: Record<string, number> = {};
  const byColumn: Record<string, number> = {};
  for (const f of result.findings) {
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    const col = f.column ?? '(whole record)';
    byColumn[col] = (byColumn[col] ?? 0) + 1;
  }
  return {
    source: {
      container: info.container,
      entry: info.entry,
      encoding: info.encoding,
      bom: info.bom,
      delimiter: info.delimiter,
      lineEnding: info.lineEnding,
      kind: info.kind,
      variant: info.variant,
      preamble: info.preamble,
      headerLine: info.headerLine,
      bytes: info.bytes,
      archive: info.archive,
    },
    records: result.records,
    columns: info.columns.map((c) => ({ header: c.header, ...categoryOf(c.role), filled: result.filled[c.index]! })),
    findings: result.findings,
    errors: result.errors,
    summary: { byKind, byColumn, contactsWithEmail: result.contactsWithEmail },
    notes: notesFor(info, result.records),
  };
}

function notesFor(info: ExportInfo, records: number): string[] {
  const notes: string[] = [];
  if (info.encoding === 'windows-1252') {
    notes.push('The file is not UTF-8: it was read as Windows-1252, the encoding Excel uses when it re-saves a CSV on Windows.');
  }
  if (info.kind === 'linkedin-imported-contacts') {
    notes.push('ImportedContacts.csv is the address book you uploaded to LinkedIn: these people never connected with you, so LinkedIn is not where their data came from (Art. 14 notice applies).');
  }
  if (info.archive.some((e) => /(^|\/)importedcontacts\.csv$/i.test(e.name)) && info.kind !== 'linkedin-imported-contacts') {
    notes.push('The archive also holds ImportedContacts.csv: the address book you uploaded, people who never connected with you. It was not read; ask for it by name to import it.');
  }
  if (records === 0) notes.push('The file has a header and no contacts.');
  return notes;
}
