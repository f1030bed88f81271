// The facts the law attaches to each person rather than to a group (issue 10): consent records (Art. 7(1)), Art. 14
// notices, the recipients register and the disclosure log (Art. 15(1)(c), Art. 30(1)(d)), Art. 19 notification tasks,
// the controller's details, and suppression by purpose and lifting with a reason. Text a person typed (wording, proof,
// names, reasons, identities for an Art. 19 task) is an AES-GCM blob (`*_ct`); the rest is ids, enums, dates, counts.
//
// What needs the vault key cannot be done here, since a migration runs before anyone unlocks: group-level consent and
// notice records are encrypted, and so are the names every contact row now keeps a name + company index of. So this
// schema only marks a vault that holds contacts or group policies 'carry_over_pending', and the first unlock by a
// member finishes the move (src/app/use-cases/carry-over.ts): name indexes for every row, group records copied to
// each member marked "carried over from the group record" until a data owner confirms them, and the count of exports
// made before the disclosure log existed (their recipients are unknown).
import type { Migration } from './types.js';

export const personFacts: Migration = {
  version: 6,
  name: 'person-facts',
  sql: `
    CREATE TABLE consents (
      id                TEXT PRIMARY KEY,
      contact_id        TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      purpose           TEXT NOT NULL,
      channels          TEXT NOT NULL,              -- comma-separated enums: email,sms,phone,post,linkedin
      obtained_at       TEXT NOT NULL,              -- yyyy-mm-dd
      method            TEXT NOT NULL,
      record_ct         BLOB NOT NULL,              -- wording, its version, proof reference (AD consent:<id>)
      withdrawn_at      TEXT,
      withdrawal_method TEXT,
      carried_over      INTEGER NOT NULL DEFAULT 0 CHECK (carried_over IN (0, 1)),
      confirmed_at      TEXT,                       -- a carried-over record counts only once confirmed
      confirmed_by      TEXT REFERENCES members(id),
      created_at        TEXT NOT NULL,
      created_by        TEXT REFERENCES members(id)
    ) STRICT;
    CREATE INDEX consents_contact ON consents(contact_id);

    CREATE TABLE notices (
      contact_id   TEXT PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
      status       TEXT NOT NULL CHECK (status IN ('sent', 'exempt')),
      day          TEXT NOT NULL,                   -- sent on, or exemption decided on (yyyy-mm-dd)
      channel      TEXT,                            -- how it was sent
      exemption    TEXT,                            -- the Art. 14(5) ground
      detail_ct    BLOB NOT NULL,                   -- notice version, DPIA reference, reason, where published
      carried_over INTEGER NOT NULL DEFAULT 0 CHECK (carried_over IN (0, 1)),
      confirmed_at TEXT,
      confirmed_by TEXT REFERENCES members(id),
      recorded_at  TEXT NOT NULL,
      recorded_by  TEXT REFERENCES members(id)
    ) STRICT;

    CREATE TABLE recipients (
      id            TEXT PRIMARY KEY,
      role          TEXT NOT NULL CHECK (role IN ('processor', 'controller')),
      contract_date TEXT,                           -- the Art. 28 contract (processors)
      transfer      TEXT NOT NULL,                  -- the Chapter V mechanism, or none
      detail_ct     BLOB NOT NULL,                  -- name, hosting region, contact (AD recipient:<id>)
      created_at    TEXT NOT NULL,
      created_by    TEXT NOT NULL REFERENCES members(id)
    ) STRICT;

    CREATE TABLE disclosures (
      id           TEXT PRIMARY KEY,
      recipient_id TEXT NOT NULL REFERENCES recipients(id),
      at           TEXT NOT NULL,
      member_id    TEXT NOT NULL REFERENCES members(id),
      purpose      TEXT NOT NULL,
      notice_run   INTEGER NOT NULL DEFAULT 0 CHECK (notice_run IN (0, 1)),
      contacts     INTEGER NOT NULL
    ) STRICT;
    -- Which contacts went: removed with the contact (an erasure first turns them into Art. 19 tasks).
    CREATE TABLE disclosed_contacts (
      disclosure_id TEXT NOT NULL REFERENCES disclosures(id),
      contact_id    TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      PRIMARY KEY (disclosure_id, contact_id)
    ) STRICT;
    CREATE INDEX disclosed_contacts_contact ON disclosed_contacts(contact_id);

    CREATE TABLE art19_tasks (
      id           TEXT PRIMARY KEY,
      recipient_id TEXT NOT NULL REFERENCES recipients(id),
      kind         TEXT NOT NULL CHECK (kind IN ('erasure', 'rectification')),
      created_at   TEXT NOT NULL,
      subject_ct   BLOB,                            -- who, for the recipient to find them; wiped when done
      done_at      TEXT,
      done_by      TEXT REFERENCES members(id)
    ) STRICT;

    CREATE TABLE controller_details (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      detail_ct  BLOB NOT NULL,                     -- name, contact, DPO (AD controller)
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES members(id)
    ) STRICT;

    -- The suppression list gains a purpose (NULL: every use; a withdrawn consent: its purpose only), a third reason,
    -- and lifting with a reason instead of deleting. A CHECK cannot be altered in SQLite: the table is rebuilt.
    CREATE TABLE suppressions_v6 (
      id             TEXT PRIMARY KEY,
      url_index      BLOB,
      email_index    BLOB,
      name_index     BLOB,
      reason         TEXT NOT NULL CHECK (reason IN ('erasure', 'objection', 'consent-withdrawn')),
      purpose        TEXT,
      created_at     TEXT NOT NULL,
      member_id      TEXT NOT NULL REFERENCES members(id),
      lifted_at      TEXT,
      lifted_by      TEXT REFERENCES members(id),
      lift_reason_ct BLOB,
      CHECK ((reason = 'consent-withdrawn') = (purpose IS NOT NULL))
    ) STRICT;
    INSERT INTO suppressions_v6 (id, url_index, email_index, name_index, reason, created_at, member_id)
      SELECT id, url_index, email_index, name_index, reason, created_at, member_id FROM suppressions;
    DROP TABLE suppressions;
    ALTER TABLE suppressions_v6 RENAME TO suppressions;
    CREATE INDEX suppressions_url ON suppressions(url_index) WHERE url_index IS NOT NULL AND lifted_at IS NULL;
    CREATE INDEX suppressions_email ON suppressions(email_index) WHERE email_index IS NOT NULL AND lifted_at IS NULL;
    CREATE INDEX suppressions_name ON suppressions(name_index) WHERE name_index IS NOT NULL AND lifted_at IS NULL;

    INSERT INTO vault_meta (key, value)
      SELECT 'carry_over_pending', '1' WHERE EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM group_policies);
  `,
};
