// Scheduled destruction: due from the expiry instant unless held, and the month-by-month chart.
import { describe, expect, it } from 'vitest';
import { dueCalendar, isDue } from '../../src/retention/schedule.js';

describe('isDue', () => {
  const now = new Date('2026-03-01T00:00:00.000Z');

  it('is due from the expiry instant onwards', () => {
    expect(isDue('2026-03-01T00:00:00.000Z', false, now)).toBe(true);
    expect(isDue('2026-02-01T00:00:00.000Z', false, now)).toBe(true);
    expect(isDue('2026-03-01T00:00:00.001Z', false, now)).toBe(false);
    expect(isDue('2026-03-01', false, now)).toBe(true); // a bare date means its UTC midnight
  });

  it('is never due under a legal hold, nor when kept with no end', () => {
    expect(isDue('2020-01-01T00:00:00.000Z', true, now)).toBe(false);
    expect(isDue(null, false, now)).toBe(false);
  });

  it('refuses an expiry that is not ISO and an invalid now', () => {
    expect(() => isDue('01/03/2026', false, now)).toThrow(RangeError);
    expect(() => isDue('2026-03-01T00:00:00.000Z', false, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('dueCalendar', () => {
  const from = new Date('2026-11-15T12:00:00.000Z');
  const item = (expiresAt: string | null, legalHold = false) => ({ expiresAt, legalHold });

  it('counts what falls due per UTC month, listing months with none', () => {
    const items = [
      item('2026-11-20T00:00:00.000Z'),
      item('2026-11-30T23:59:59.000Z'),
      item('2027-01-01T00:00:00.000Z'),
      item('2027-01-31T00:00:00.000Z'),
      item('2027-01-16T00:00:00.000Z'),
    ];
    expect(dueCalendar(items, from, 3)).toEqual({
      overdue: 0,
      held: 0,
      months: [
        { month: '2026-11', due: 2 },
        { month: '2026-12', due: 0 },
        { month: '2027-01', due: 3 },
      ],
    });
  });

  it('counts contacts already due at `from` as overdue, not in its month', () => {
    const items = [item('2026-11-01T00:00:00.000Z'), item('2025-01-01T00:00:00.000Z'), item('2026-11-15T12:00:00.000Z'), item('2026-11-15T12:00:01.000Z')];
    const calendar = dueCalendar(items, from, 1);
    expect(calendar.overdue).toBe(3);
    expect(calendar.months).toEqual([{ month: '2026-11', due: 1 }]);
  });

  it('counts held contacts separately and never as due or overdue', () => {
    const items = [item('2025-01-01T00:00:00.000Z', true), item('2026-12-01T00:00:00.000Z', true), item(null, true), item('2026-12-01T00:00:00.000Z')];
    expect(dueCalendar(items, from, 2)).toEqual({
      overdue: 0,
      held: 3,
      months: [
        { month: '2026-11', due: 0 },
        { month: '2026-12', due: 1 },
      ],
    });
  });

  it('leaves out contacts kept with no end and those due after the last month', () => {
    const calendar = dueCalendar([item(null), item('2027-02-01T00:00:00.000Z')], from, 2);
    expect(calendar).toEqual({ overdue: 0, held: 0, months: [{ month: '2026-11', due: 0 }, { month: '2026-12', due: 0 }] });
  });

  it('gives zero months for a window of 0, still counting overdue and held', () => {
    expect(dueCalendar([item('2020-01-01T00:00:00.000Z'), item('2027-01-01T00:00:00.000Z', true)], from, 0)).toEqual({ overdue: 1, held: 1, months: [] });
  });

  it('names the months across a year end and over ten years', () => {
    const months = dueCalendar([], new Date('2026-12-31T23:59:59.999Z'), 121).months;
    expect(months).toHaveLength(121);
    expect(months[0]!.month).toBe('2026-12');
    expect(months[1]!.month).toBe('2027-01');
    expect(months[120]!.month).toBe('2036-12');
  });

  it('refuses a window that is not a whole number of months', () => {
    expect(() => dueCalendar([], from, -1)).toThrow(RangeError);
    expect(() => dueCalendar([], from, 1.5)).toThrow(RangeError);
  });
});
