// The importer's minimisation choices (Art. 5(1)(c)), applied before anything is encrypted: whole columns
// dropped, and flagged fragments cut out: a phone number or email inside Position, and the whole clause of a
// special-category hint (src/vault/strip-special-category.ts).
import { z } from 'zod';
import type { Finding } from '../classify/findings.js';
import type { Contact } from '../import/contact.js';
import type { ColumnBinding } from '../import/formats.js';
import type { StoredContact } from './contacts-repo.js';
import { cutSpans, type Span } from './cut-spans.js';
import { stripSpecialCategory } from './strip-special-category.js';

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
  /**
   * The importer's decision for the special-category hints of one line (keep them, or strip them), over `strip` for
   * that line; a line without such a hint is refused (src/app/use-cases/import-rules.ts).
   */
  lineChoices: z
    .array(z.object({ line: z.number().int().positive(), specialCategory: z.enum(['keep', 'strip']) }))
    .default([])
    .refine((list) => new Set(list.map((c) => c.line)).size === list.length, { message: 'one decision a line: a line is named twice' }),
});
export type CommitChoices = z.infer<typeof CommitChoicesSchema>;

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
  const stripped = new Set<string>();
  // A cell with what the importer chose to strip cut out of it; null when nothing is to be cut.
  const cut = (header: string, raw: string): string | null => {
    const flagged = findings.filter((f) => f.column === header && strip.has(f.kind));
    const fragments = flagged.filter((f) => f.kind !== 'special-category' && f.start !== undefined && f.end !== undefined) as Span[];
    if (flagged.some((f) => f.kind === 'special-category')) {
      const r = stripSpecialCategory(raw, fragments);
      for (const c of r.categories) stripped.add(c);
      fragmentsStripped += fragments.length + r.hints;
      return r.value.normalize('NFC');
    }
    if (fragments.length === 0) return null;
    fragmentsStripped += fragments.length;
    return cutSpans(raw, fragments).normalize('NFC');
  };
  const cleaned = (role: 'company' | 'position', value: string): string => {
    const header = columns.find((c) => c.role === role)?.header;
    return header === undefined ? value : (cut(header, contact.raw[header] ?? '') ?? value);
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
    if (roleOf.get(header) !== 'unknown' || dropped.has(header) || !value.trim()) continue;
    const kept = cut(header, value) ?? value.trim();
    if (kept) extra[header] = kept;
  }
  const email = keep('email') && contact.email?.valid ? contact.email.value : null;
  const company = keep('company') ? cleaned('company', contact.company) : '';
  const position = keep('position') ? cleaned('position', contact.position) : '';
  return {
    stored: {
      firstName: keep('first-name') ? contact.firstName : '',
      lastName: keep('last-name') ? contact.lastName : '',
      profileUrl: keep('profile-url') ? contact.profileUrl : null,
      email,
      company,
      position,
      connectedOn: keep('connected-on') ? contact.connectedOn : null,
      specialCategories,
      strippedCategories: [...stripped].sort(),
      soleTrader,
      extra,
    },
    fragmentsStripped,
  };
}
