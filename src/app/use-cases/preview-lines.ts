// What the import preview shows of a line with findings: the person's name as in the file and each flagged cell, with
// an email address or phone number masked where it is the finding ("j•••@g•••.com", "+44 •••• ••••23"), so the
// importer sees which cell and whom a finding is about without the contact details crossing to the screen whole.
import type { Contact } from '../../import/contact.js';

/** A finding as the report gives it: where it is and what kind. */
export interface CellFinding {
  column: string | null;
  kind: string;
  start?: number;
  end?: number;
}

const DOT = '•••';
const MASKED = new Set(['email-address', 'phone-number', 'personal-mailbox', 'corporate-mailbox', 'invalid-email']);

/** "jane.doe@gmail.com" → "j•••@g•••.com"; a text without "@" keeps its first character only. */
export function maskEmail(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return `${[...text.trim()][0] ?? ''}${DOT}`;
  const local = text.slice(0, at).trim();
  const domain = text.slice(at + 1).trim();
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${[...local][0] ?? ''}${DOT}@${[...domain][0] ?? ''}${DOT}${tld}`;
}

/** "+44 7700 900123" → "+44 •••• •••123": the country code and the last three digits stay, the rest of the digits go. */
export function maskPhone(text: string): string {
  const digits = [...text].filter((c) => c >= '0' && c <= '9').length;
  const country = /^\s*\+\d{1,3}/.exec(text)?.[0].length ?? 0;
  let seen = 0;
  return [...text]
    .map((c, i) => {
      if (c < '0' || c > '9') return c;
      seen++;
      return i < country || seen > digits - 3 ? c : '•';
    })
    .join('');
}

/** A cell with each email or phone finding in it masked; a cell that is wholly an address is masked whole. */
export function maskCell(raw: string, findings: readonly CellFinding[]): string {
  const spans = findings
    .filter((f) => MASKED.has(f.kind) && f.start !== undefined && f.end !== undefined)
    .map((f) => ({ start: f.start!, end: f.end!, phone: f.kind === 'phone-number' }))
    .sort((a, b) => a.start - b.start);
  // A mailbox finding with no span is about the whole cell (the Email Address column): one or more addresses.
  if (spans.length === 0 && findings.some((f) => MASKED.has(f.kind))) return raw.split(/([,;]\s*)/).map((part, i) => (i % 2 ? part : part.trim() ? maskEmail(part) : part)).join('');
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // the email and its mailbox kind share one span
    out += raw.slice(at, s.start) + (s.phone ? maskPhone(raw.slice(s.start, s.end)) : maskEmail(raw.slice(s.start, s.end)));
    at = s.end;
  }
  return out + raw.slice(at);
}

export interface PreviewLine {
  line: number;
  name: string;
  cells: Record<string, string>;
}

/** The line's name as in the file, and its flagged cells; null for a line with no finding. */
export function previewLine(contact: Contact, findings: readonly CellFinding[]): PreviewLine | null {
  if (findings.length === 0) return null;
  const cells: Record<string, string> = {};
  for (const column of new Set(findings.flatMap((f) => (f.column === null ? [] : [f.column])))) {
    cells[column] = maskCell(contact.raw[column] ?? '', findings.filter((f) => f.column === column));
  }
  return { line: contact.line, name: `${contact.firstName} ${contact.lastName}`.trim(), cells };
}
