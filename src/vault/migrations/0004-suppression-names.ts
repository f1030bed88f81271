// Suppression by name and company for people with no email and no profile URL (legacy exports): the suppression
// list gains the contacts' third blind index (an HMAC of first name, last name and company, never the names), so an
// erased person known only by name is refused by a later import and left out of every export (invariant I4).
import type { Migration } from './types.js';

export const suppressionNames: Migration = {
  version: 4,
  name: 'suppression-names',
  sql: `
    ALTER TABLE suppressions ADD COLUMN name_index BLOB;
    CREATE INDEX suppressions_name ON suppressions(name_index) WHERE name_index IS NOT NULL;
  `,
};
