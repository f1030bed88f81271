// One record as a contact: each known field's raw value with its normalised form beside it, which is what the
// vault stores (encrypted) and what dedupe and blind indexes compare.
import type { ColumnBinding, FieldRole } from './formats.js';
import { canonicalProfileUrl, normaliseEmail, normaliseText, parseConnectedOn } from './normalise.js';
import type { RawRecord } from './records.js';

export interface Contact {
  line: number;
  /** Raw cells by header, exactly as in the file. */
  raw: Record<string, string>;
  firstName: string;
  lastName: string;
  company: string;
  position: string;
  /** Lower-cased and checked; null when the column is empty or missing. */
  email: { value: string; valid: boolean } | null;
  /** Canonical form; null when empty or not a URL. */
  profileUrl: string | null;
  /** ISO date; null when empty or unreadable. */
  connectedOn: string | null;
}

export function toContact(record: RawRecord, columns: ColumnBinding[]): Contact {
  const raw: Record<string, string> = {};
  const byRole = new Map<FieldRole, string>();
  for (const c of columns) {
    const value = record.cells[c.index] ?? '';
    raw[c.header] = value;
    if (!byRole.has(c.role)) byRole.set(c.role, value);
  }
  const text = (role: FieldRole) => normaliseText(byRole.get(role) ?? '');
  const email = text('email');
  const date = text('connected-on');
  const parsed = date ? parseConnectedOn(date) : null;
  return {
    line: record.line,
    raw,
    firstName: text('first-name'),
    lastName: text('last-name'),
    company: text('company'),
    position: text('position'),
    email: email ? (({ value, valid }) => ({ value, valid }))(normaliseEmail(email)) : null,
    profileUrl: canonicalProfileUrl(byRole.get('profile-url') ?? ''),
    connectedOn: parsed && 'iso' in parsed ? parsed.iso : null,
  };
}
