// Retention and destruction: policies per group or lawful basis, legal holds, destruction-only tokens for
// unattended runs, and the certificates those runs issue. Reasons typed for a hold are encrypted; the rest is ids,
// enums, counts, hashes and dates, so a scheduled purge reads it without any key.
import type { Migration } from './types.js';

export const retention: Migration = {
  version: 2,
  name: 'retention',
  sql: `
    CREATE TABLE retention_policies (
      id          TEXT PRIMARY KEY,
      scope_type  TEXT NOT NULL CHECK (scope_type IN ('group', 'basis')),
      group_id    TEXT REFERENCES groups(id) ON DELETE CASCADE,
      basis       TEXT,
      months      INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120),
      anchor      TEXT NOT NULL CHECK (anchor IN ('imported', 'connected', 'basis-assigned', 'last-review')),
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL REFERENCES members(id),
      CHECK ((scope_type = 'group') = (group_id IS NOT NULL) AND (scope_type = 'basis') = (basis IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX retention_policies_group ON retention_policies(group_id) WHERE group_id IS NOT NULL;
    CREATE UNIQUE INDEX retention_policies_basis ON retention_policies(basis) WHERE basis IS NOT NULL;

    CREATE TABLE legal_holds (
      id          TEXT PRIMARY KEY,
      contact_id  TEXT REFERENCES contacts(id) ON DELETE CASCADE,
      group_id    TEXT REFERENCES groups(id) ON DELETE CASCADE,
      reason_ct   BLOB NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL REFERENCES members(id),
      lifted_at   TEXT,
      lifted_by   TEXT REFERENCES members(id),
      CHECK ((contact_id IS NULL) <> (group_id IS NULL))
    ) STRICT;

    CREATE TABLE destruction_tokens (
      id          TEXT PRIMARY KEY,
      token_hash  TEXT NOT NULL UNIQUE,     -- SHA-256 of the token, which is shown once and never stored
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL REFERENCES members(id),
      revoked_at  TEXT,
      revoked_by  TEXT REFERENCES members(id)
    ) STRICT;

    CREATE TABLE certificates (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('scheduled', 'erasure')),
      issued_at   TEXT NOT NULL,
      body        TEXT NOT NULL             -- the certificate as JSON: ids, counts, policies, hashes; no personal data
    ) STRICT;

    ALTER TABLE contacts ADD COLUMN last_review_at TEXT;
  `,
};
