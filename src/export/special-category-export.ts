// Art. 9 and Art. 10 at every export (issue 11): a contact whose special-category or criminal-offence hint has no
// condition that holds under its group's policy (uncoveredCategories, src/policy/special-category.ts) never has that
// hint written out. Where every such hint sits in the job title alone, that cell is withheld and the row kept; where
// one sits anywhere else (the company, another column) or can no longer be found, the person is left out, since the
// export withholds no other field for it. A hint stripped at import is not in StoredContact.specialCategories, so it
// affects nothing. Pure: the vault finds where the hints sit (src/app/use-cases/special-category-facts.ts).
import type { GroupPolicy } from '../policy/lawful-basis.js';
import { uncoveredCategories } from '../policy/special-category.js';
import type { StoredContact } from '../shared/domain.js';
import type { CrmExclusion, Purpose } from '../shared/vocabulary.js';
import { people } from './plural.js';

/** What the export needs to know of a contact for this rule. */
export interface SpecialCategoryFacts {
  contact: Pick<StoredContact, 'specialCategories'>;
  /** The person's own live consents; `explicit` marks an explicit one (Art. 9(2)(a)). */
  consents?: readonly { purpose: Purpose; explicit?: boolean }[];
  /**
   * The categories of the contact's hints found again in its job title, and elsewhere (its company, its other
   * columns). Left out, none were found: a hint without a condition then leaves the person out.
   */
  hintsFound?: { position: readonly string[]; elsewhere: readonly string[] };
  /** False for a contact from the address book a member uploaded (not the person's own profile): Art. 9(2)(e) cannot hold. */
  ownProfile?: boolean;
}

/** 'ok': nothing to hold back; 'withhold-position': the Job Title cell is left empty; 'exclude': the person is left out. */
export type SpecialCategoryFate = 'ok' | 'withhold-position' | 'exclude';

export const SPECIAL_CATEGORY_EXCLUSION = 'special-category-without-condition' satisfies CrmExclusion;

/** UK GDPR Art. 9(1)-(2), Art. 10: what this export does with the contact's hints under its group's policy. */
export function specialCategoryFate(c: SpecialCategoryFacts, policy: GroupPolicy, purpose: Purpose, directMarketing: boolean): SpecialCategoryFate {
  const explicit = (c.consents ?? []).some((k) => k.purpose === purpose && k.explicit === true);
  const uncovered = uncoveredCategories(policy, c.contact.specialCategories, explicit, directMarketing, c.ownProfile !== false);
  if (uncovered.length === 0) return 'ok';
  const position = new Set(c.hintsFound?.position ?? []);
  const elsewhere = new Set(c.hintsFound?.elsewhere ?? []);
  return uncovered.every((k) => position.has(k) && !elsewhere.has(k)) ? 'withhold-position' : 'exclude';
}

/** The sentences for the person exporting: job titles withheld, people left out. */
export function specialCategoryNotes(excludedByReason: Partial<Record<CrmExclusion, number>>, positionsWithheld: number): string[] {
  const notes: string[] = [];
  const rule =
    "their group's lawful basis has no Art. 9(2) condition (or Art. 10 authority) that holds for this purpose and this person (UK GDPR Art. 9(1)-(2), Art. 10). " +
    'Strip that data (import the file again with --strip special-category --update-duplicates), or record a condition that holds: for direct marketing, ' +
    'the person’s own explicit consent or where they made it public.';
  if (positionsWithheld > 0) {
    notes.push(`${people(positionsWithheld, 'job title was', 'job titles were')} left empty because ${positionsWithheld === 1 ? 'it hints' : 'they hint'} at special-category or criminal-offence data and ${rule}`);
  }
  const left = excludedByReason[SPECIAL_CATEGORY_EXCLUSION] ?? 0;
  if (left > 0) {
    notes.push(
      `${people(left, 'person was', 'people were')} left out because a hint at special-category or criminal-offence data sits outside the job title ` +
        `(the company or another column) and ${rule}`,
    );
  }
  return notes;
}
