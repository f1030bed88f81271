// Reading a consent CSV (consent.import): one line per consent a person gave, with the file's own line numbers, so
// that every line left out can be reported by number. The header names its columns, in any order (case-insensitive;
// spaces and hyphens count as underscores):
//   email, profile_url                 the person, matched by blind index: one of the two per line (email first)
//   purpose                            one of PURPOSES (src/shared/vocabulary.ts)
//   channels                           one or more of CONTACT_CHANNELS, separated by ';' or ','
//   obtained_at                        the day consent was given, yyyy-mm-dd
//   method                             how it was given: one of CONSENT_METHODS
//   wording, wording_version           the exact statement agreed to and its version (Art. 7(1): what was consented to)
//   proof                              where the proof is kept (a form submission id, a recording, an email)
//   withdrawn_at, withdrawal_method    optional: when and how consent was withdrawn (Art. 7(3))
//   explicit                           optional: yes when the consent is explicit (Art. 9(2)(a)); no or empty otherwise
// Any other column is refused with the whole file, so that a misspelt withdrawn_at cannot turn a withdrawn consent
// into a live one. Text is UTF-8 (a byte order mark is dropped), or Windows-1252 as Excel saves it.
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { ServiceError } from '../../shared/errors.js';

/** A consent file is a list of people, not an export: 50 MB is far more than any real one. */
export const MAX_CONSENT_FILE_BYTES = 50 * 1024 * 1024;

const REQUIRED = ['purpose', 'channels', 'obtained_at', 'method', 'wording', 'wording_version', 'proof'] as const;
const OPTIONAL = ['email', 'profile_url', 'withdrawn_at', 'withdrawal_method', 'explicit'] as const;
export type ConsentColumn = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const COLUMNS: readonly string[] = [...REQUIRED, ...OPTIONAL];

/** One data line: its values by column (trimmed; '' when empty or absent), or why it cannot be read. */
export type ConsentLine = { line: number; values: Record<ConsentColumn, string> } | { line: number; problem: string };

const newlines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

function failure(path: string, err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  return new ServiceError('unreadable', code === 'ENOENT' ? `There is no file at "${path}".` : `"${path}" cannot be read (${code ?? (err as Error).message}).`);
}

function readText(path: string): string {
  let bytes: Buffer;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new ServiceError('unreadable', `"${path}" is not a file.`);
    if (info.size > MAX_CONSENT_FILE_BYTES) throw new ServiceError('too-large', `The file is ${info.size} bytes, more than the 50 MB a consent file may hold: split it into smaller files.`);
    bytes = readFileSync(path);
  } catch (err) {
    throw failure(path, err);
  }
  if (bytes.length > MAX_CONSENT_FILE_BYTES) throw new ServiceError('too-large', 'The file grew past the 50 MB a consent file may hold while it was read: split it into smaller files.');
  if (bytes.length === 0) throw new ServiceError('empty-file', 'The file is empty: it needs a header line and one line per consent.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The blank lines (nothing but spaces and delimiters) at the start of a segment: papaparse skips them. */
function blankLines(segment: string, delimiter: string): number {
  let n = 0;
  for (let start = 0, end = segment.indexOf('\n'); end !== -1; start = end + 1, end = segment.indexOf('\n', start), n++) {
    for (let i = start; i < end; i++) if (segment[i] !== ' ' && segment[i] !== '\t' && segment[i] !== delimiter) return n;
  }
  return n;
}

/**
 * The records of the text, each with the line it starts on: the lines before papaparse's cursor at the end of the
 * record before, plus the blank lines it skipped (a record's own cells may hold line breaks, up to the end of the file
 * when a quote is never closed).
 */
function records(text: string): { line: number; cells: string[]; broken: boolean }[] {
  const out: { line: number; cells: string[]; broken: boolean }[] = [];
  let cursor = 0;
  let seen = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const segment = text.slice(cursor, result.meta.cursor);
      out.push({ line: 1 + seen + blankLines(segment, result.meta.delimiter), cells: result.data, broken: result.errors.some((e) => e.type === 'Quotes') });
      seen += newlines(segment);
      cursor = result.meta.cursor;
    },
  });
  return out;
}

const columnName = (raw: string) => raw.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The header's columns by position; refuses the whole file when a required column is missing or one is unknown. */
function headerOf(cells: string[]): ConsentColumn[] {
  const names = cells.map(columnName);
  const unknown = names.filter((n) => !COLUMNS.includes(n));
  if (unknown.length > 0) {
    throw new ServiceError('invalid', `The header has columns this import does not know (${unknown.map((n) => n || '(empty)').join(', ')}): the columns are ${COLUMNS.join(', ')}.`);
  }
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new ServiceError('invalid', `The header names ${[...new Set(twice)].join(', ')} more than once.`);
  const missing: string[] = REQUIRED.filter((c) => !names.includes(c));
  if (!names.includes('email') && !names.includes('profile_url')) missing.unshift('email or profile_url');
  if (missing.length > 0) throw new ServiceError('invalid', `The header lacks the columns ${missing.join(', ')}: nothing was imported.`);
  return names as ConsentColumn[];
}

/** Read and split a consent CSV: the data lines, each with its values or the reason it cannot be read. */
export function readConsentCsv(path: string): ConsentLine[] {
  const text = readText(path).replace(/\r\n?/g, '\n');
  const [header, ...data] = records(text);
  if (!header) throw new ServiceError('empty-file', 'The file has no header line: it needs one naming the columns, then one line per consent.');
  const columns = headerOf(header.cells);
  return data.map(({ line, cells, broken }): ConsentLine => {
    if (broken) return { line, problem: 'a quote on this line is malformed or never closed, so the line could not be read' };
    if (cells.length !== columns.length) return { line, problem: `this line has ${cells.length} fields where the header has ${columns.length}` };
    const values = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Record<ConsentColumn, string>;
    columns.forEach((c, i) => (values[c] = cells[i]!.trim()));
    return { line, values };
  });
}
