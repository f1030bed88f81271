// The importer's minimisation choices (Art. 5(1)(c)), applied before anything is encrypted: whole columns
// dropped, and flagged fragments (a phone number or email inside Position, a special-category hint) cut out.
import { z } from 'zod';
import type { Finding } from '../classify/findings.js';
import type { Contact } from '../import/contact.js';
import type { ColumnBinding } from '../import/formats.js';
import type { StoredContact } from './contacts-repo.js';

import { ON_DUPLICATE, STRIPPABLE } from '../shared/vocabulary.js';

export { STRIPPABLE };

export const CommitChoicesSchema = z.object({
  /** Headers of columns to leave out entirely. */
  dropColumns: z.array(z.string()).default([]),
  /** Kinds of flagged fragment to cut out of free text before it is stored. */
  strip: z.array(z.enum(STRIPPABLE)).default([]),
  /** A person already in the vault (or earlier in the file): keep what is there, or replace it. */
  onDuplicate: z.enum(ON_DUPLICATE).default('skip'),
  /** The SHA-256 the preview saw: the commit refuses a file that changed since. */
  expectedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Archive entry to read (ImportedContacts.csv only when named). */
  entry: z.string().optional(),
});
export type CommitChoices = z.infer<typeof CommitChoicesSchema>;

/** Remove spans from a cell and tidy what they leave behind: empty brackets, dangling separators, double spaces. */
export function cutSpans(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + out.slice(s.end);
  return out
    .replace(/[([{]\s*(?:[\w-]+:)?\s*[)\]}]/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s|,;:/-]+|[\s|,;:/-]+$/g, '')
    .trim();
}

export interface Minimised {
  stored: Omit<StoredContact, 'source'>;
  fragmentsStripped: number;
}

export function minimise(contact: Contact, findings: Finding[], columns: ColumnBinding[], choices: CommitChoices): Minimised {
  const dropped = new Set(choices.dropColumns);
  const strip = new Set<string>(choices.strip);
  const roleOf = new Map(columns.map((c) => [c.header, c.role]));
  const keep = (role: string) => !columns.some((c) => c.role === role && dropped.has(c.header));
  let fragmentsStripped = 0;
  const cleaned = (role: 'company' | 'position', value: string): string => {
    const header = columns.find((c) => c.role === role)?.header;
    const spans = findings.filter((f) => f.column === header && strip.has(f.kind) && f.start !== undefined && f.end !== undefined) as { start: number; end: number }[];
    if (spans.length === 0) return value;
    fragmentsStripped += spans.length;
    return cutSpans(contact.raw[header!] ?? '', spans).normalize('NFC');
  };
  const specialCategories = [
    ...new Set(
      findings
        .filter((f) => f.kind === 'special-category' && !strip.has('special-category') && f.column !== null && !dropped.has(f.column))
        .map((f) => f.category!),
    ),
  ];
  const soleTrader = findings.some((f) => f.kind === 'sole-trader' && f.column !== null && !dropped.has(f.column));
  const extra: Record<string, string> = {};
  for (const [header, value] of Object.entries(contact.raw)) {
    if (roleOf.get(header) === 'unknown' && !dropped.has(header) && value.trim()) extra[header] = value.trim();
  }
  const email = keep('email') && contact.email?.valid ? contact.email.value : null;
  return {
    stored: {
      firstName: keep('first-name') ? contact.firstName : '',
      lastName: keep('last-name') ? contact.lastName : '',
      profileUrl: keep('profile-url') ? contact.profileUrl : null,
      email,
      company: keep('company') ? cleaned('company', contact.company) : '',
      position: keep('position') ? cleaned('position', contact.position) : '',
      connectedOn: keep('connected-on') ? contact.connectedOn : null,
      specialCategories,
      soleTrader,
      extra,
    },
    fragmentsStripped,
  };
}
