// Retention by default (issue 11): every retention policy records why its period was chosen (the rationale, typed by
// an admin, so an AES-GCM blob; policies set before this schema keep NULL and are shown as "no rationale recorded"),
// and the vault keeps a default retention in vault_meta for contacts with a lawful basis that no policy covers.
//
// An existing vault (one with members) gets the app's default, 24 months from the last review: until then its
// contacts with a basis and no policy had no due date at all. Computing their dates needs the connection dates, which
// are encrypted, so a vault holding contacts is marked 'default_retention_pending' and the first unlock by a member
// recomputes every due date (src/app/use-cases/carry-over.ts); a default nobody confirmed makes none of those people
// due until an admin confirms it (retention default, measured). A new vault is empty here: Vault.create writes the
// default it was given.
import type { Migration } from './types.js';

export const retentionDefault: Migration = {
  version: 7,
  name: 'retention-default',
  sql: `
    ALTER TABLE retention_policies ADD COLUMN rationale_ct BLOB;   -- why this period (AD retention:<id>); NULL before schema 7

    INSERT INTO vault_meta (key, value)
      SELECT 'default_retention_months', '24' WHERE EXISTS (SELECT 1 FROM members);
    INSERT INTO vault_meta (key, value)
      SELECT 'default_retention_anchor', 'last-review' WHERE EXISTS (SELECT 1 FROM members);
    INSERT INTO vault_meta (key, value)
      SELECT 'default_retention_pending', '1' WHERE EXISTS (SELECT 1 FROM contacts);
  `,
};
