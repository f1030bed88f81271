// Day fields are date pickers (renderer/lib/date-field.ts): a real calendar day is recognised, and a problem speaks of
// picking the day, never of a format (the picker shows the computer's own, 30/11/2026 in the UK).
import { describe, expect, it } from 'vitest';
import { dayFieldProblem, isDay } from '../../renderer/lib/date-field.js';

const FORMAT = /yyyy|mm|dd|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/i;

describe('isDay', () => {
  it('is a real calendar day as a date picker gives it', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('30/11/2026')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});

describe('dayFieldProblem', () => {
  it('asks to pick the day when none is picked (an unfinished date reads as none)', () => {
    expect(dayFieldProblem('', 'the day the notice was sent')).toBe('Pick the day the notice was sent.');
    expect(dayFieldProblem('  ', 'the day the notice was sent')).toBe('Pick the day the notice was sent.');
  });

  it('asks again for a day that is not of the calendar', () => {
    expect(dayFieldProblem('2027-02-29', 'the day')).toBe('Pick the day again: that is not a day of the calendar.');
  });

  it('has nothing to say of a real day', () => {
    expect(dayFieldProblem('2026-11-30', 'the day')).toBeNull();
  });

  it('never names a format or writes a day in figures', () => {
    for (const value of ['', '2027-02-29', '30/11/2026', 'tomorrow']) expect(dayFieldProblem(value, 'the day') ?? '').not.toMatch(FORMAT);
  });
});
