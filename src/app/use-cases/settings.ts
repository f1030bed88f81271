// Vault-wide settings an admin changes: for now, how long unassigned contacts stay quarantined.
import { ServiceError } from '../../shared/errors.js';
import type { Session } from '../../vault/session.js';
import { regroup } from './groups.js';

/** Change the quarantine period; every contact's due date is computed again. */
export function setQuarantineDays(session: Session, days: number): void {
  session.perform('quarantine-set', () => {
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new ServiceError('invalid', 'The quarantine period is a whole number of days from 1 to 365.');
    session.db.prepare("INSERT INTO vault_meta (key, value) VALUES ('quarantine_days', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(days));
    regroup(session);
    return { value: undefined, details: { days } };
  });
}
