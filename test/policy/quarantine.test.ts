// Quarantine: when it ends, and that only a contact in a group with a policy is usable.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUARANTINE_DAYS, quarantineExpiry, usable } from '../../src/policy/quarantine.js';

describe('quarantineExpiry', () => {
  it('defaults to 30 days', () => {
    expect(DEFAULT_QUARANTINE_DAYS).toBe(30);
    expect(quarantineExpiry('2025-01-15')).toBe('2025-02-14');
  });

  it('keeps a date a date and a timestamp a UTC timestamp', () => {
    expect(quarantineExpiry('2025-02-20', 10)).toBe('2025-03-02');
    expect(quarantineExpiry('2024-02-20', 10)).toBe('2024-03-01');
    expect(quarantineExpiry('2025-12-25', 7)).toBe('2026-01-01');
    expect(quarantineExpiry('2025-01-15T10:30:00.000Z')).toBe('2025-02-14T10:30:00.000Z');
    expect(quarantineExpiry('2025-03-29T10:30:00+01:00', 1)).toBe('2025-03-30T09:30:00.000Z');
    expect(quarantineExpiry('2025-01-15', 0)).toBe('2025-01-15');
  });

  it('counts whole days across a clock change (UTC, no local time)', () => {
    expect(quarantineExpiry('2025-03-29T23:00:00.000Z', 2)).toBe('2025-03-31T23:00:00.000Z');
  });

  it('refuses bad input', () => {
    expect(() => quarantineExpiry('2025-02-30')).toThrow(RangeError);
    expect(() => quarantineExpiry('15/01/2025')).toThrow(RangeError);
    expect(() => quarantineExpiry('2025-01-15', -1)).toThrow(RangeError);
    expect(() => quarantineExpiry('2025-01-15', 1.5)).toThrow(RangeError);
    expect(() => quarantineExpiry('2025-01-15', Number.NaN)).toThrow(RangeError);
  });
});

describe('usable', () => {
  it('is true only for a contact in a group that has a policy', () => {
    expect(usable('g1', true)).toBe(true);
    expect(usable('g1', false)).toBe(false);
    expect(usable(null, false)).toBe(false);
    expect(usable(null, true)).toBe(false);
  });
});
