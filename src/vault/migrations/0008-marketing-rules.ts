// Marketing rules that follow the law (issue 11, points 1, 2 and 4):
// - subscriber types confirmed by a person, per contact or per company (PECR reg. 2: a corporate subscriber is a
//   company, an LLP or a Scottish partnership; a sole trader or another partnership is an individual subscriber), with
//   an optional Companies House number or note in `detail_ct`. A company is found by the blind index of its name.
// - soft opt-ins per person (PECR reg. 22(3)): the channels, when, in what context (a sale or negotiations), and in
//   `detail_ct` the products or services and how the chance to refuse was given.
// - TPS/CTPS screenings (PECR reg. 21(1)(b), 21(4)): when a list was screened against and its version; recorded, not fetched.
// - a consent record may be explicit (UK GDPR Art. 9(2)(a)): the only per-person ground for special-category data in
//   marketing besides data manifestly made public by the person.
import type { Migration } from './types.js';

export const marketingRules: Migration = {
  version: 8,
  name: 'marketing-rules',
  sql: `
    CREATE TABLE subscriber_types (
      contact_id   TEXT PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
      type         TEXT NOT NULL CHECK (type IN ('corporate', 'individual')),
      entity       TEXT NOT NULL CHECK (entity IN ('company', 'llp', 'scottish-partnership', 'sole-trader', 'partnership', 'other')),
      detail_ct    BLOB,                              -- Companies House number, note (AD subscriber:<contact id>)
      confirmed_at TEXT NOT NULL,
      confirmed_by TEXT NOT NULL REFERENCES members(id)
    ) STRICT;

    CREATE TABLE company_subscriber_types (
      company_index BLOB PRIMARY KEY,                 -- blind index of the normalised company name
      type          TEXT NOT NULL CHECK (type IN ('corporate', 'individual')),
      entity        TEXT NOT NULL CHECK (entity IN ('company', 'llp', 'scottish-partnership', 'sole-trader', 'partnership', 'other')),
      detail_ct     BLOB,                             -- Companies House number, note (AD company-subscriber:<hex index>)
      confirmed_at  TEXT NOT NULL,
      confirmed_by  TEXT NOT NULL REFERENCES members(id)
    ) STRICT;

    CREATE TABLE soft_opt_ins (
      id          TEXT PRIMARY KEY,
      contact_id  TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      channels    TEXT NOT NULL,                      -- comma-separated: email, sms
      obtained_at TEXT NOT NULL,                      -- yyyy-mm-dd
      context     TEXT NOT NULL CHECK (context IN ('sale', 'negotiation')),
      detail_ct   BLOB NOT NULL,                      -- the products or services, how refusal was offered (AD soft-opt-in:<id>)
      created_at  TEXT NOT NULL,
      created_by  TEXT REFERENCES members(id)
    ) STRICT;
    CREATE INDEX soft_opt_ins_contact ON soft_opt_ins(contact_id);

    CREATE TABLE tps_screenings (
      id          TEXT PRIMARY KEY,
      screened_at TEXT NOT NULL,                      -- yyyy-mm-dd
      list        TEXT NOT NULL CHECK (list IN ('tps', 'ctps', 'both')),
      detail_ct   BLOB NOT NULL,                      -- the list's version, the provider (AD tps:<id>)
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL REFERENCES members(id)
    ) STRICT;

    ALTER TABLE consents ADD COLUMN explicit INTEGER NOT NULL DEFAULT 0 CHECK (explicit IN (0, 1));
  `,
};
