// Vault-wide settings an admin changes: for now, how long unassigned contacts stay quarantined.
import { DEFAULT_QUARANTINE_DAYS, quarantineExpiry } from '../../policy/index.js';
import { ServiceError } from '../../api/service-error.js';
import type { Db } from '../database.js';
import type { Session } from '../session.js';

export function quarantineDays(db: Db): number {
  const row = db.prepare("SELECT value FROM vault_meta WHERE key = 'quarantine_days'").get() as { value: string } | undefined;
  return row ? Number(row.value) : DEFAULT_QUARANTINE_DAYS;
}

/** Change the quarantine period; contacts already quarantined get the new expiry counted from their import. */
export function setQuarantineDays(session: Session, days: number): void {
  session.perform('quarantine-set', ['admin'], () => {
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new ServiceError('invalid', 'The quarantine period is a whole number of days from 1 to 365.');
    session.db.prepare("INSERT INTO vault_meta (key, value) VALUES ('quarantine_days', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(days));
    const rows = session.db.prepare('SELECT c.id, i.imported_at FROM contacts c JOIN imports i ON i.id = c.import_id WHERE c.expires_at IS NOT NULL').all() as { id: string; imported_at: string }[];
    const update = session.db.prepare('UPDATE contacts SET expires_at = ? WHERE id = ?');
    for (const r of rows) update.run(quarantineExpiry(r.imported_at, days), r.id);
    return { value: undefined, details: { days, contacts: rows.length } };
  });
}
