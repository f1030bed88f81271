// The per-person facts the Art. 9 / Art. 10 judgement needs (src/policy/special-category.ts), read from the vault:
// who has their own live explicit consent for a purpose (Art. 9(2)(a)), and where a contact's hints sit.
import { findSpecialCategoryHints } from '../../classify/special-category/detect.js';
import type { StoredContact } from '../../shared/domain.js';
import type { Purpose } from '../../shared/vocabulary.js';
import type { Session } from '../../vault/session.js';

/** Whether a contact has a live explicit consent (Art. 9(2)(a)) of their own for a purpose. */
export type ExplicitConsents = (contactId: string, purpose: Purpose) => boolean;

/** Every contact's live explicit consents, read once (purposes only: nothing is decrypted). */
export function explicitConsents(session: Session): ExplicitConsents {
  const live = session.consents.live();
  return (contactId, purpose) => (live.get(contactId) ?? []).some((k) => k.explicit && k.purpose === purpose);
}

/** The ids of the contacts with a live explicit consent of their own for this purpose. */
export function explicitConsentsFor(session: Session, purpose: Purpose): Set<string> {
  const ids = new Set<string>();
  for (const [contactId, consents] of session.consents.live()) if (consents.some((k) => k.explicit && k.purpose === purpose)) ids.add(contactId);
  return ids;
}

/**
 * Where the contact's hints (StoredContact.specialCategories) are found again, by the lexicon that found them at import:
 * in its stored job title, and elsewhere (its company, its other columns). The export withholds the job title when
 * every hint without a condition sits there alone, and leaves the person out otherwise (src/export/special-category-export.ts).
 */
export function hintsFound(contact: StoredContact): { position: string[]; elsewhere: string[] } {
  if (contact.specialCategories.length === 0) return { position: [], elsewhere: [] };
  const categories = (text: string) => findSpecialCategoryHints(text).map((h) => h.category);
  return { position: categories(contact.position), elsewhere: [contact.company, ...Object.values(contact.extra)].flatMap(categories) };
}
