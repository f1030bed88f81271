// No change silently brings destruction forward. A change that recomputes due dates (removing a group, setting or
// removing a retention policy, changing the quarantine) is applied inside its use case's transaction, then measured:
// how many contacts it makes due now, and due within 30 days, that were not before (held contacts do not count:
// a hold suspends destruction). A dry run rolls the change back and reports; a change that brings any destruction
// forward is refused until it is confirmed.
import { ServiceError } from '../../shared/errors.js';
import type { Session } from '../../vault/session.js';

export interface Impact {
  /** Contacts that become due now: the next scheduled destruction would destroy them. */
  dueNow: number;
  /** Contacts that become due within the next 30 days (and not now). */
  dueWithin30Days: number;
}

export interface ChangeOptions {
  /** Measure and report only; change nothing. */
  dryRun?: boolean;
  /** Go ahead although the change brings destruction forward. */
  confirm?: boolean;
}

const SOON_DAYS = 30;

/** Whether nothing is brought forward. */
export const harmless = (impact: Impact) => impact.dueNow === 0 && impact.dueWithin30Days === 0;

/**
 * Apply `change` (inside the caller's transaction), measure its impact, and undo it for a dry run. Throws
 * 'unconfirmed' (rolling the caller's transaction back) when it brings destruction forward without `confirm`.
 */
export function applyMeasured<T>(session: Session, what: string, change: () => T, options: ChangeOptions): { value: T; impact: Impact; applied: boolean } {
  const db = session.db;
  const now = session.vault.now();
  const times = { now: now.toISOString(), soon: new Date(now.getTime() + SOON_DAYS * 86_400_000).toISOString() };
  db.exec('CREATE TEMP TABLE IF NOT EXISTS due_before (id TEXT PRIMARY KEY, expires_at TEXT)');
  db.exec('DELETE FROM due_before');
  // Only contacts not due now can be brought forward: their ids and due dates (no personal data) are kept aside.
  db.prepare('INSERT INTO due_before SELECT id, expires_at FROM contacts WHERE expires_at IS NULL OR expires_at > @now').run(times);
  db.exec('SAVEPOINT measured_change');
  let value: T;
  let impact: Impact;
  try {
    value = change();
    const counts = db
      .prepare(
        `SELECT
           sum(c.expires_at <= @now) AS dueNow,
           sum(c.expires_at > @now AND c.expires_at <= @soon AND (b.expires_at IS NULL OR b.expires_at > @soon)) AS dueSoon
         FROM due_before b JOIN contacts c ON c.id = b.id
         WHERE c.expires_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND (h.contact_id = c.id OR h.group_id = c.group_id))`,
      )
      .get(times) as { dueNow: number | null; dueSoon: number | null };
    impact = { dueNow: counts.dueNow ?? 0, dueWithin30Days: counts.dueSoon ?? 0 };
  } catch (err) {
    db.exec('ROLLBACK TO measured_change');
    db.exec('RELEASE measured_change');
    throw err;
  }
  if (options.dryRun) db.exec('ROLLBACK TO measured_change');
  db.exec('RELEASE measured_change');
  db.exec('DELETE FROM due_before');
  if (!options.dryRun && !options.confirm && !harmless(impact)) {
    throw new ServiceError(
      'unconfirmed',
      `${what} makes ${impact.dueNow} contact(s) due now and ${impact.dueWithin30Days} more within ${SOON_DAYS} days: the next scheduled destruction would destroy them. Nothing was changed: confirm to go ahead.`,
      impact,
    );
  }
  return { value, impact, applied: !options.dryRun };
}
