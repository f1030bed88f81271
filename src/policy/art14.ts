// Art. 14(3): people whose data was not collected from them must be told within a reasonable period, at the latest
// one month after the data was obtained, or when their data is first disclosed if sooner. Per person (who was told is
// a fact about each person) and the group's plan. Dates are UTC calendar days; a missing day clamps to month-end.
import type { PersonNoticeStatus } from '../shared/vocabulary.js';
import { addMonths, dayOf, toIsoDay } from './dates.js';
import type { GroupPolicy } from './lawful-basis.js';

/** A group's planned notice (optional in a policy since schema 6). */
export type Art14Notice = NonNullable<GroupPolicy['art14Notice']>;

/**
 * The last day (yyyy-mm-dd) for the Art. 14 notice: one calendar month after the import, as the ICO counts a
 * month (3 Sep → 3 Oct; 31 Jan → 28 or 29 Feb). `importedAt` is an ISO date or timestamp; RangeError otherwise.
 */
export function art14Due(importedAt: string): string {
  return addMonths(toIsoDay(importedAt), 1);
}

/**
 * A group's planned notice is overdue when it is planned for after the due day, or the due day has passed and it
 * still has not been sent. A sent notice or an Art. 14(5) exemption is never overdue. This judges the group's plan
 * only: who was told is recorded per person (personNoticeStatus).
 */
export function art14Overdue(notice: Art14Notice | undefined, importedAt: string, now: Date): boolean {
  if (notice?.status !== 'planned') return false;
  const due = art14Due(importedAt);
  return notice.date > due || dayOf(now) > due;
}

/**
 * What a person's notice record says, without storage types: told (sent) or exempt (Art. 14(5)), and whether the
 * record counts (false for a record carried over from a group record and not yet confirmed by a data owner).
 */
export interface PersonNoticeRecord {
  status: 'sent' | 'exempt';
  counts: boolean;
}

export type { PersonNoticeStatus };

/**
 * The last day to tell one person (Art. 14(3)): one calendar month after their data was obtained (a), or the day
 * their data was first disclosed to a recipient if that comes sooner (c). `obtainedAt` is an ISO date or timestamp.
 */
export function personNoticeDue(obtainedAt: string, firstDisclosedOn: string | null): string {
  const month = art14Due(obtainedAt);
  if (firstDisclosedOn === null) return month;
  const disclosed = toIsoDay(firstDisclosedOn);
  return disclosed < month ? disclosed : month;
}

/**
 * Where one person's notice stands on `today` (yyyy-mm-dd). A record that counts says sent or exempt; a carried-over
 * record not yet confirmed says 'carried-over' and does not count as told. Someone not told is overdue once the due
 * day has passed, or once their data has been disclosed (Art. 14(3)(c): the notice comes at the latest with the first
 * disclosure), and due until then.
 */
export function personNoticeStatus(record: PersonNoticeRecord | null, dueBy: string, today: string, firstDisclosedOn: string | null = null): PersonNoticeStatus {
  if (record?.counts) return record.status;
  if (record) return 'carried-over';
  return personNoticeLate(null, dueBy, today, firstDisclosedOn) ? 'overdue' : 'due';
}

/** True when the person has not been told (no record that counts) and the notice is late, as personNoticeStatus judges. */
export function personNoticeLate(record: PersonNoticeRecord | null, dueBy: string, today: string, firstDisclosedOn: string | null = null): boolean {
  if (record?.counts) return false;
  return today > dueBy || (firstDisclosedOn !== null && toIsoDay(firstDisclosedOn) <= today);
}
