// A vault as an earlier version of the app left it: each later migration undone on a copy, newest first. Used by
// the tests that open an old vault with today's app (test/vault/carry-over-migration.test.ts,
// test/vault/audit-chain.test.ts). A new migration adds its undo here.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { PASSPHRASE } from './vault.js';
import { LATEST_VERSION } from '../../src/vault/migrations/migration.js';
import { auditLog } from './audit.js';

/** Undo schema N+1 on a copy of a vault at schema N+1: what a vault written by the app of schema N looked like. */
export const DOWNGRADE: Record<number, string> = {
  8: `DROP TABLE subscriber_types; DROP TABLE company_subscriber_types; DROP TABLE soft_opt_ins; DROP TABLE tps_screenings;
      ALTER TABLE consents DROP COLUMN explicit;`,
  // Before schema 7 a contact with a basis and no policy had no due date.
  7: `
    UPDATE contacts SET expires_at = NULL
      WHERE group_id IN (SELECT p.group_id FROM group_policies p
        WHERE NOT EXISTS (SELECT 1 FROM retention_policies r WHERE r.group_id = p.group_id OR r.basis = p.basis));
    ALTER TABLE retention_policies DROP COLUMN rationale_ct;
    DELETE FROM vault_meta WHERE key IN ('default_retention_months', 'default_retention_anchor', 'default_retention_pending', 'default_retention_not_before');`,
  6: `
    DROP TABLE disclosed_contacts; DROP TABLE disclosures; DROP TABLE art19_tasks; DROP TABLE recipients;
    DROP TABLE consents; DROP TABLE notices; DROP TABLE controller_details;
    CREATE TABLE suppressions_v5 (
      id TEXT PRIMARY KEY, url_index BLOB, email_index BLOB,
      reason TEXT NOT NULL CHECK (reason IN ('erasure', 'objection')),
      created_at TEXT NOT NULL, member_id TEXT NOT NULL REFERENCES members(id), name_index BLOB
    ) STRICT;
    INSERT INTO suppressions_v5 SELECT id, url_index, email_index, reason, created_at, member_id, name_index FROM suppressions;
    DROP TABLE suppressions; ALTER TABLE suppressions_v5 RENAME TO suppressions;
    CREATE INDEX suppressions_url ON suppressions(url_index) WHERE url_index IS NOT NULL;
    CREATE INDEX suppressions_email ON suppressions(email_index) WHERE email_index IS NOT NULL;
    CREATE INDEX suppressions_name ON suppressions(name_index) WHERE name_index IS NOT NULL;
    DELETE FROM vault_meta WHERE key = 'carry_over_pending';`,
  5: `
    DROP TRIGGER audit_legacy_seq_no_insert; DROP TRIGGER audit_legacy_seq_no_update; DROP TRIGGER audit_legacy_seq_no_delete;
    ALTER TABLE audit_log DROP COLUMN mac; ALTER TABLE destruction_tokens DROP COLUMN audit_key;
    DELETE FROM vault_meta WHERE key = 'audit_legacy_seq';`,
  4: `DROP INDEX suppressions_name; ALTER TABLE suppressions DROP COLUMN name_index;`,
  3: `PRAGMA application_id = 0;`,
  2: `DROP TABLE legal_holds; DROP TABLE destruction_tokens; DROP TABLE certificates; DROP TABLE retention_policies;
      ALTER TABLE contacts DROP COLUMN last_review_at;`,
};

/** A copy of the vault at `original` (at the latest schema), taken back to schema `version`: its path, in `tmp`. */
export function copyAtSchema(original: string, tmp: { path(name: string): string }, version: number): string {
  const path = tmp.path(`schema-${version}-${randomUUID()}.vault`);
  copyFileSync(original, path);
  downgrade(path, version);
  return path;
}

/** Take the vault file at `path` (at the latest schema) back to schema `version`, in place. */
export function downgrade(path: string, version: number): void {
  const db = new Database(path);
  try {
    for (let v = LATEST_VERSION; v > version; v--) {
      const sql = DOWNGRADE[v];
      if (sql === undefined) throw new Error(`No undo for schema ${v}: add it to DOWNGRADE in test/support/downgrade.ts`);
      db.exec(sql);
      db.pragma(`user_version = ${v - 1}`);
    }
  } finally {
    db.close();
  }
}

type Call = <C extends Channel>(channel: C, request: Request<C>) => Promise<Response<C>>;

/**
 * The upgrade step audited as `action` ran exactly once, and only once: after locking and unlocking again (as
 * `member`), the log still holds one such entry, and it verifies.
 */
export async function ranOnceAcrossUnlocks(call: Call, path: string, member: string, action: string): Promise<void> {
  await call('vault.lock', {});
  await call('vault.unlock', { path, name: member, passphrase: PASSPHRASE });
  expect((await auditLog({ call })).filter((e) => e.action === action)).toHaveLength(1);
  expect(await call('audit.verify', {})).toMatchObject({ ok: true });
}
