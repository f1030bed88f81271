// Numbered schema migrations, applied in order inside one transaction each and recorded in `user_version`.
import type Database from 'better-sqlite3';
import { initial } from './0001-initial.js';
import { retention } from './0002-retention.js';
import { applicationId } from './0003-application-id.js';
import { suppressionNames } from './0004-suppression-names.js';
import { auditMac } from './0005-audit-mac.js';
import { personFacts } from './0006-person-facts.js';
import { retentionDefault } from './0007-retention-default.js';
import { marketingRules } from './0008-marketing-rules.js';
import type { Migration } from './types.js';

export type { Migration };

export const MIGRATIONS: Migration[] = [initial, retention, applicationId, suppressionNames, auditMac, personFacts, retentionDefault, marketingRules];
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

/** Bring the database to `target` (default: the latest). Refuses a vault written by a newer version of the app. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new Error(`This vault was written by a newer version of Contact Sanitizer (schema ${current}); update the app to open it.`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
