// The first schema. Plaintext columns hold only random ids, timestamps, enums, counts and blind indexes (keyed
// hashes); everything that came from a file or that a person typed about people is an AES-GCM blob (`*_ct`).
import type { Migration } from './types.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE vault_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE members (
      id          TEXT PRIMARY KEY,
      -- HMAC of the lower-cased member name under the vault's lookup salt: finds a member's key slot before unlock.
      lookup      BLOB NOT NULL UNIQUE,
      name_ct     BLOB NOT NULL,
      roles       TEXT NOT NULL,            -- comma-separated enums: admin,data-owner,importer
      created_at  TEXT NOT NULL,
      removed_at  TEXT
    ) STRICT;

    CREATE TABLE key_slots (
      id          TEXT PRIMARY KEY,
      member_id   TEXT REFERENCES members(id),   -- NULL for the vault's recovery slot
      kind        TEXT NOT NULL CHECK (kind IN ('passphrase', 'recovery', 'keychain')),
      slot        TEXT NOT NULL,                 -- JSON: KDF parameters, salt, nonce, wrapped key
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE imports (
      id                 TEXT PRIMARY KEY,
      file_sha256        TEXT NOT NULL,
      kind               TEXT NOT NULL,
      member_id          TEXT NOT NULL REFERENCES members(id),
      imported_at        TEXT NOT NULL,
      records            INTEGER NOT NULL,
      added              INTEGER NOT NULL,
      updated            INTEGER NOT NULL,
      duplicates_skipped INTEGER NOT NULL,
      suppressed         INTEGER NOT NULL,
      errors             INTEGER NOT NULL,
      columns_dropped    INTEGER NOT NULL,
      fragments_stripped INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE groups (
      id          TEXT PRIMARY KEY,
      ordinal     INTEGER NOT NULL,
      label_ct    BLOB NOT NULL,
      rule_ct     BLOB NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE group_policies (
      group_id     TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
      basis        TEXT NOT NULL,
      purpose      TEXT NOT NULL,
      policy_ct    BLOB NOT NULL,            -- purpose in the owner's words, evidence, Art. 9 condition, Art. 14 notice
      art14_status TEXT NOT NULL,
      art14_due    TEXT NOT NULL,            -- date the people must have been told by (or were told)
      assigned_at  TEXT NOT NULL,
      assigned_by  TEXT NOT NULL REFERENCES members(id)
    ) STRICT;

    CREATE TABLE contacts (
      id          TEXT PRIMARY KEY,
      import_id   TEXT NOT NULL REFERENCES imports(id),
      data_ct     BLOB NOT NULL,
      url_index   BLOB,
      email_index BLOB,
      name_index  BLOB,
      email_kind  TEXT NOT NULL CHECK (email_kind IN ('corporate', 'personal', 'none')),
      group_id    TEXT REFERENCES groups(id) ON DELETE SET NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      expires_at  TEXT,
      legal_hold  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- Partial indexes: most contacts have no email and no name index, so those rows cost no index entry.
    CREATE INDEX contacts_url_index ON contacts(url_index) WHERE url_index IS NOT NULL;
    CREATE INDEX contacts_email_index ON contacts(email_index) WHERE email_index IS NOT NULL;
    CREATE INDEX contacts_name_index ON contacts(name_index) WHERE name_index IS NOT NULL;
    CREATE INDEX contacts_group ON contacts(group_id);
    CREATE INDEX contacts_expires ON contacts(expires_at) WHERE expires_at IS NOT NULL;

    CREATE TABLE suppressions (
      id          TEXT PRIMARY KEY,
      url_index   BLOB,
      email_index BLOB,
      reason      TEXT NOT NULL CHECK (reason IN ('erasure', 'objection')),
      created_at  TEXT NOT NULL,
      member_id   TEXT NOT NULL REFERENCES members(id)
    ) STRICT;
    CREATE INDEX suppressions_url ON suppressions(url_index) WHERE url_index IS NOT NULL;
    CREATE INDEX suppressions_email ON suppressions(email_index) WHERE email_index IS NOT NULL;

    CREATE TABLE audit_log (
      seq        INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      member_id  TEXT,
      action     TEXT NOT NULL,
      outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
      details    TEXT NOT NULL,              -- JSON of ids, counts and enums only
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    ) STRICT;
    -- Append-only: the application never edits or removes an entry.
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
