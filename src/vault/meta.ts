// Vault-wide values kept in vault_meta.
import { DEFAULT_QUARANTINE_DAYS } from '../policy/index.js';
import { ANCHORS, DEFAULT_RETENTION, type Anchor, type DefaultRetention } from '../retention/index.js';
import type { Db } from './database.js';

const read = (db: Db, key: string): string | undefined => (db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const write = (db: Db, key: string, value: string): void => {
  db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
};

export function quarantineDays(db: Db): number {
  const value = read(db, 'quarantine_days');
  return value === undefined ? DEFAULT_QUARANTINE_DAYS : Number(value);
}

/**
 * The default retention for contacts with a lawful basis that no policy covers. Every vault of schema 7 has one
 * (written at creation, or by src/vault/migrations/0007-retention-default.ts); the app's default stands in otherwise.
 */
export function defaultRetention(db: Db): DefaultRetention {
  const months = Number(read(db, 'default_retention_months'));
  const anchor = read(db, 'default_retention_anchor');
  if (!Number.isInteger(months) || months < 1 || !(ANCHORS as readonly string[]).includes(anchor ?? '')) return DEFAULT_RETENTION;
  return { months, anchor: anchor as Anchor };
}

export function setDefaultRetention(db: Db, d: DefaultRetention): void {
  write(db, 'default_retention_months', String(d.months));
  write(db, 'default_retention_anchor', d.anchor);
}

/**
 * The instant before which the default makes nobody due. A vault that gained the default by upgrade holds
 * UNCONFIRMED_DEFAULT until an admin confirms the default (retention default, measured): destruction the app chose
 * for people it already held waits for a person's decision.
 */
export function defaultNotBefore(db: Db): string | null {
  return read(db, 'default_retention_not_before') ?? null;
}

/** "Not before an admin confirms it": later than any real date, so no default-derived date falls before it. */
export const UNCONFIRMED_DEFAULT = '9999-12-31T00:00:00.000Z';

export function setDefaultNotBefore(db: Db, at: string | null): void {
  if (at === null) db.prepare("DELETE FROM vault_meta WHERE key = 'default_retention_not_before'").run();
  else write(db, 'default_retention_not_before', at);
}
