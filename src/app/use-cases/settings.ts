// Vault-wide settings an admin changes: for now, how long unassigned contacts stay quarantined.
import { ServiceError } from '../../shared/errors.js';
import type { Session } from '../../vault/session.js';
import { type Measured } from './groups.js';
import { regroup } from './regroup.js';
import { applyMeasured, type ChangeOptions } from './impact.js';

/** Change the quarantine period; every contact's due date is computed again (measured first: see impact.ts). */
export function setQuarantineDays(session: Session, days: number, options: ChangeOptions = {}): Measured {
  return session.perform(options.dryRun ? 'quarantine-set-dry-run' : 'quarantine-set', () => {
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new ServiceError('invalid', 'The quarantine period is a whole number of days from 1 to 365.');
    const { impact, applied } = applyMeasured(
      session,
      `A quarantine of ${days} days`,
      () => {
        session.db.prepare("INSERT INTO vault_meta (key, value) VALUES ('quarantine_days', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(days));
        regroup(session);
      },
      options,
    );
    return { value: { applied, impact }, details: { days, due: impact.dueNow } };
  });
}
