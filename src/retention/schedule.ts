// Scheduled destruction: whether a contact is due now, and what falls due month by month for the UI's chart.
// Reads only the plaintext expiry and legal-hold flag, so it runs without any key (storage limitation, Art. 5(1)(e)).
import { toIsoDay } from '../policy/dates.js';

/** Milliseconds of an ISO date (its UTC midnight) or timestamp; RangeError for anything else. */
function instant(value: string): number {
  toIsoDay(value); // throws RangeError unless an ISO date or timestamp
  return Date.parse(value.length === 10 ? `${value}T00:00:00.000Z` : value);
}

function checkDate(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

/** Is the contact due at `now`? Due from the expiry instant itself; a legal hold suspends destruction (Art. 17(3)(e)). */
export function isDue(expiresAt: string | null, legalHold: boolean, now: Date): boolean {
  const at = checkDate(now, 'now');
  if (legalHold || expiresAt === null) return false;
  return instant(expiresAt) <= at;
}

/** 'yyyy-mm' of a UTC month index (year * 12 + month - 1). */
const monthKey = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * What falls due per UTC calendar month, starting with `from`'s month, for `months` months (0 gives none); months
 * with nothing due are listed with 0. `overdue` counts contacts already due at `from` (as isDue); `held` counts every
 * contact under a legal hold, which is never counted as due. Contacts kept with no end, or due after the last month,
 * are not counted.
 */
export function dueCalendar(
  items: { expiresAt: string | null; legalHold: boolean }[],
  from: Date,
  months: number,
): { overdue: number; held: number; months: { month: string; due: number }[] } {
  const fromMs = checkDate(from, 'from');
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be a whole number ≥ 0: ${months}`);
  const first = from.getUTCFullYear() * 12 + from.getUTCMonth();
  const out = Array.from({ length: months }, (_, i) => ({ month: monthKey(first + i), due: 0 }));
  let overdue = 0;
  let held = 0;
  for (const item of items) {
    if (item.legalHold) {
      held++;
      continue;
    }
    if (item.expiresAt === null) continue;
    const at = instant(item.expiresAt);
    if (at <= fromMs) {
      overdue++;
      continue;
    }
    const d = new Date(at);
    const slot = out[d.getUTCFullYear() * 12 + d.getUTCMonth() - first];
    if (slot) slot.due++;
  }
  return { overdue, held, months: out };
}
