// Calendar arithmetic on ISO dates for the policy rules, in UTC and without reading the clock.
// A month is a calendar month; a day that does not exist in the target month becomes its last day.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!);

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The UTC calendar day of a date. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC calendar day of an ISO date or timestamp; RangeError when it is neither. */
export function toIsoDay(value: string): string {
  if (ISO_DAY.test(value)) {
    if (!isIsoDay(value)) throw new RangeError(`Not a calendar date: ${value}`);
    return value;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw new RangeError(`Not an ISO date or timestamp: ${value}`);
  return dayOf(new Date(ms));
}

/** `day` plus `months` calendar months; 31 Jan + 1 month is 28 Feb (29 in a leap year). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = toIsoDay(day).split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const date = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** `day` plus `days` calendar days (negative: earlier). */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${toIsoDay(day)}T00:00:00Z`) + days * 86_400_000));
}
