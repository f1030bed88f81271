// Art. 14(3)(a): people whose data was not collected from them must be told within a reasonable period, at the
// latest one month after the data was obtained. Dates are UTC calendar days; a missing day clamps to month-end.
import { addMonths, dayOf, toIsoDay } from './dates.js';
import type { GroupPolicy } from './lawful-basis.js';

export type Art14Notice = GroupPolicy['art14Notice'];

/**
 * The last day (yyyy-mm-dd) for the Art. 14 notice: one calendar month after the import, as the ICO counts a
 * month (3 Sep → 3 Oct; 31 Jan → 28 or 29 Feb). `importedAt` is an ISO date or timestamp; RangeError otherwise.
 */
export function art14Due(importedAt: string): string {
  return addMonths(toIsoDay(importedAt), 1);
}

/**
 * A planned notice is overdue when it is planned for after the due day, or the due day has passed and it still
 * has not been sent. A sent notice or an Art. 14(5) exemption is never overdue.
 */
export function art14Overdue(notice: Art14Notice, importedAt: string, now: Date): boolean {
  if (notice.status !== 'planned') return false;
  const due = art14Due(importedAt);
  return notice.date > due || dayOf(now) > due;
}
