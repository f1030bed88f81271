// How a request names a person, and the identities the suppression list knows them by: shared by the data subjects'
// requests (src/app/use-cases/requests.ts) and consent (src/app/use-cases/consents.ts), so that a person is found,
// and suppressed, the same way everywhere.
import { IntegrityError } from '../../crypto/index.js';
import { canonicalProfileUrl, normaliseEmail } from '../../import/normalise.js';
import { ServiceError } from '../../shared/errors.js';
import { nameIndexOf, type ContactIndexes, type ContactRow } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';

/** How a request names the person: by a contact id from the list, or by their email or profile URL. */
export type PersonSelector = { contactId: string } | { email: string } | { profileUrl: string };

/** The blind indexes of an email and/or a profile URL as typed, normalised first; a malformed one is refused. */
export function indexesOf(session: Session, who: { email?: string | undefined; profileUrl?: string | undefined }): { url: Buffer | null; email: Buffer | null } {
  const email = who.email ? normaliseEmail(who.email) : null;
  if (email && !email.valid) throw new ServiceError('invalid', 'That is not a well-formed email address.');
  const url = who.profileUrl ? canonicalProfileUrl(who.profileUrl) : null;
  if (who.profileUrl && !url) throw new ServiceError('invalid', 'That is not a profile address.');
  return { url: url ? session.index.index('url', url) : null, email: email ? session.index.index('email', email.value) : null };
}

/** The contact held under this email or profile URL (by profile first), or null. */
export function findByIdentity(session: Session, who: { email?: string | undefined; profileUrl?: string | undefined }): ContactRow | null {
  return session.contacts.findByIndexes({ ...indexesOf(session, who), name: null });
}

/** The contact a request names; `not-found` with `notFound` (or a plain sentence) when nobody matches. */
export function findPerson(session: Session, who: PersonSelector, notFound = 'No contact in the vault matches that person.'): ContactRow {
  const row = 'contactId' in who ? session.contacts.get(who.contactId) : findByIdentity(session, 'email' in who ? { email: who.email } : { profileUrl: who.profileUrl });
  if (!row) throw new ServiceError('not-found', notFound);
  return row;
}

/**
 * Every identity a person could come back under: their profile URL and email, and their name + company even when
 * they had an email or URL, so that a legacy export (no URL column, email hidden or dropped) cannot bring them back
 * either. A record that no longer decrypts keeps only the indexes on its row.
 */
export function identitiesOf(session: Session, row: ContactRow): ContactIndexes {
  let name = row.name_index;
  try {
    name ??= nameIndexOf(session.index, session.contacts.open(row));
  } catch (err) {
    if (!(err instanceof IntegrityError)) throw err;
  }
  return { url: row.url_index, email: row.email_index, name };
}
