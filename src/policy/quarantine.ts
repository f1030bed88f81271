// Quarantine: a contact no group rule claims, or whose group has no lawful basis yet, may be neither exported nor
// used, and is destroyed when its quarantine expires (storage limitation, UK GDPR Art. 5(1)(e); Art. 6(1)).
import { isIsoDay } from './dates.js';

export const DEFAULT_QUARANTINE_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * When quarantine ends: `days` days after the import. A date (yyyy-mm-dd) gives a date; a timestamp gives a UTC
 * ISO timestamp. RangeError for anything else, or for `days` that is not a whole number of days, zero or more.
 */
export function quarantineExpiry(importedAt: string, days: number = DEFAULT_QUARANTINE_DAYS): string {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`Quarantine days must be a whole number ≥ 0: ${days}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(importedAt)) {
    if (!isIsoDay(importedAt)) throw new RangeError(`Not a calendar date: ${importedAt}`);
    return new Date(Date.parse(`${importedAt}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  }
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(importedAt) ? Date.parse(importedAt) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date or timestamp: ${importedAt}`);
  return new Date(ms + days * DAY_MS).toISOString();
}

/** Unassigned contacts cannot be exported or used: only a contact in a group with a saved policy is usable. */
export function usable(groupId: string | null, groupHasPolicy: boolean): boolean {
  return groupId !== null && groupHasPolicy;
}
