// Formatting for the screens: days in words in one form everywhere ('5 Jan 2027' in tables and lists, '5 January
// 2027' in sentences; never 05/01/2027, which a UK and a US reader take for different days), ISO days only in file
// names; counts with their nouns, sizes.
import type { InspectReport } from '../types.js';

/** '5 Jan 2027' of an ISO date or timestamp (UTC); '—' when missing. */
export function day(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ? iso : '—';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** '5 Jan 2027, 09:00 UTC' of an ISO timestamp. */
export function timestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.length >= 16 ? `${day(iso)}, ${iso.slice(11, 16)} UTC` : day(iso);
}

/** 'yyyy-mm-dd' of an ISO date or timestamp, for a file's name (sorts by date); 'undated' when missing. */
export function isoDay(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'undated';
}

/** '1 contact', '2 contacts', with thousands separated. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}

/** Which rows of a list a page shows: 'Contacts 1–100 of 30,000'; 'No contacts' when there are none. */
export function pageRange(noun: string, offset: number, shown: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  if (total === 0) return `No ${noun.toLowerCase()}`;
  if (shown === 0) return `${noun}: none here of ${n(total)}`;
  return `${noun} ${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'yyyy-mm' → 'Dec 2026'. */
export function monthName(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date or UTC timestamp as a sentence says it: '3 March 2027'; '—' when missing. */
export function longDay(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ? iso : '—';
  return `${Number(m[3])} ${LONG_MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Today as yyyy-mm-dd (UTC), for date fields. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The delimiters the inspector recognises, by name. */
export const DELIMITER_NAMES: Record<InspectReport['source']['delimiter'], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
