// Art. 14(3)(a): the notice is due one calendar month after the import; month-ends clamp; overdue planned notices.
import { describe, expect, it } from 'vitest';
import { art14Due, art14Overdue, type Art14Notice } from '../../src/policy/art14.js';

describe('art14Due', () => {
  it.each([
    ['2025-09-03', '2025-10-03'],
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2024-01-30', '2024-02-29'],
    ['2025-03-31', '2025-04-30'],
    ['2025-08-31', '2025-09-30'],
    ['2025-12-31', '2026-01-31'],
    ['2025-12-15', '2026-01-15'],
    ['2024-02-29', '2024-03-29'],
    ['2100-01-31', '2100-02-28'],
    ['2000-01-31', '2000-02-29'],
  ])('%s → %s', (importedAt, due) => {
    expect(art14Due(importedAt)).toBe(due);
  });

  it('takes a timestamp by its UTC day', () => {
    expect(art14Due('2025-01-31T23:59:59.999Z')).toBe('2025-02-28');
    expect(art14Due('2025-02-01T00:30:00+01:00')).toBe('2025-02-28');
  });

  it('refuses what is not a date', () => {
    expect(() => art14Due('2025-02-30')).toThrow(RangeError);
    expect(() => art14Due('yesterday')).toThrow(RangeError);
    expect(() => art14Due('')).toThrow(RangeError);
  });
});

describe('art14Overdue', () => {
  const notice = (status: Art14Notice['status'], date: string): Art14Notice => ({ status, date, method: 'Email' });
  const imported = '2025-01-31';
  const before = new Date('2025-02-28T23:00:00Z');
  const after = new Date('2025-03-01T00:00:01Z');

  it('is overdue when planned for after the due day', () => {
    expect(art14Overdue(notice('planned', '2025-03-01'), imported, before)).toBe(true);
  });

  it('is overdue when the due day has passed and it is still planned', () => {
    expect(art14Overdue(notice('planned', '2025-02-20'), imported, after)).toBe(true);
  });

  it('is not overdue on time, or once sent, or when exempt', () => {
    expect(art14Overdue(notice('planned', '2025-02-28'), imported, before)).toBe(false);
    expect(art14Overdue(notice('sent', '2025-04-01'), imported, after)).toBe(false);
    expect(art14Overdue({ ...notice('exempt', '2025-01-31'), exemption: 'Art. 14(5)(b) disproportionate effort' }, imported, after)).toBe(false);
  });
});
