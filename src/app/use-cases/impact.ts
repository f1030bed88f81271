// No change silently brings destruction forward. A change that recomputes due dates (removing a group, setting or
// removing a retention policy, changing the quarantine) is applied inside its use case's transaction, then measured:
// how many contacts it makes destroyable now (due and not held) that were not, and how many it brings earlier into
// the next 30 days (a hold suspends destruction; a change that releases one counts too). A dry run rolls the change back and reports; a change that brings any destruction
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

/** How far ahead a change is measured: what it brings into the next 30 days needs confirming too. */
export const SOON_DAYS = 30;

/** Whether an active legal hold protects contact `c` (on it, or on its group). */
const HELD = 'EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND (h.contact_id = c.id OR h.group_id = c.group_id))';

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
  // Every contact's due date and whether a hold protects it, before the change: ids, dates and flags, no personal data.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS due_before (id TEXT PRIMARY KEY, expires_at TEXT, held INTEGER NOT NULL)');
  db.exec('DELETE FROM due_before');
  db.prepare(`INSERT INTO due_before SELECT c.id, c.expires_at, ${HELD} FROM contacts c`).run();
  db.exec('SAVEPOINT measured_change');
  let value: T;
  let impact: Impact;
  try {
    value = change();
    // Destroyable now: due by now and not held. Brought into the next 30 days: not destroyable now, due within
    // them and not held, and due earlier than before (or destroyable before by no date at all).
    const counts = db
      .prepare(
        `WITH after AS (SELECT c.id, c.expires_at, ${HELD} AS held FROM contacts c)
         SELECT
           sum(a.expires_at <= @now AND NOT a.held AND NOT (b.expires_at IS NOT NULL AND b.expires_at <= @now AND NOT b.held)) AS dueNow,
           sum(a.expires_at > @now AND a.expires_at <= @soon AND NOT a.held
               AND (b.expires_at IS NULL OR b.held OR a.expires_at < b.expires_at)) AS dueSoon
         FROM after a JOIN due_before b ON b.id = a.id
         WHERE a.expires_at IS NOT NULL`,
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
