// Calendar arithmetic: real dates only, UTC days, month addition clamped to the month's end.
import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, isIsoDay, toIsoDay } from '../../src/policy/dates.js';

describe('isIsoDay', () => {
  it('accepts real dates and refuses the rest', () => {
    expect(['2024-02-29', '2000-02-29', '1999-12-31'].every(isIsoDay)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-1', '2024-01-01T00:00:00Z'].some(isIsoDay)).toBe(false);
  });
});

describe('toIsoDay and dayOf', () => {
  it('reads dates and timestamps as UTC days', () => {
    expect(toIsoDay('2024-05-06')).toBe('2024-05-06');
    expect(toIsoDay('2024-05-06T23:30:00-02:00')).toBe('2024-05-07');
    expect(dayOf(new Date('2024-05-06T00:00:00Z'))).toBe('2024-05-06');
    expect(() => toIsoDay('May 6, 2024')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2023-02-28', 24, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-15', 0, '2025-01-15'],
    ['2025-11-30', 3, '2026-02-28'],
  ])('%s + %i months → %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});
