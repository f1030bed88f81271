// Vault-wide values kept in vault_meta.
import { DEFAULT_QUARANTINE_DAYS } from '../policy/index.js';
import type { Db } from './database.js';

export function quarantineDays(db: Db): number {
  const row = db.prepare("SELECT value FROM vault_meta WHERE key = 'quarantine_days'").get() as { value: string } | undefined;
  return row ? Number(row.value) : DEFAULT_QUARANTINE_DAYS;
}
