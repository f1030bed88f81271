// Expiry: quarantine first, then the group's or the basis's policy counted in calendar months from its anchor,
// falling back to the import date (and saying so) when the anchor date is missing.
import { describe, expect, it } from 'vitest';
import { expiryOf, explainExpiry } from '../../src/retention/expiry.js';
import type { Anchor, RetentionFacts, RetentionPolicy } from '../../src/retention/policy.js';

const facts = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  groupId: 'g1',
  basis: 'legitimate-interests',
  importedAt: '2025-01-15T09:00:00.000Z',
  connectedOn: '2025-03-08',
  basisAssignedAt: '2025-02-01T12:00:00.000Z',
  lastReviewAt: '2025-06-20T16:45:00.000Z',
  ...overrides,
});
const group = (months: number, anchor: Anchor, groupId = 'g1'): RetentionPolicy => ({ scope: { type: 'group', groupId }, months, anchor });
const byBasis = (months: number, anchor: Anchor): RetentionPolicy => ({ scope: { type: 'basis', basis: 'legitimate-interests' }, months, anchor });

describe('quarantine', () => {
  const everyPolicy = [group(24, 'imported'), byBasis(12, 'imported')];

  it('destroys a contact in no group quarantineDays after import, whatever policies exist', () => {
    const f = facts({ groupId: null, basis: null, importedAt: '2026-11-29T10:00:00.000Z' });
    expect(expiryOf(f, everyPolicy, 30)).toBe('2026-12-29T10:00:00.000Z');
    expect(explainExpiry(f, everyPolicy, 30)).toBe('quarantined: not in any group; destroyed 30 days after import (2026-12-29)');
  });

  it("destroys a contact whose group has no lawful basis, even when the group has its own policy", () => {
    const f = facts({ basis: null, importedAt: '2026-11-29T10:00:00.000Z' });
    expect(expiryOf(f, everyPolicy, 30)).toBe('2026-12-29T10:00:00.000Z');
    expect(explainExpiry(f, everyPolicy, 30)).toBe('quarantined: no lawful basis; destroyed 30 days after import (2026-12-29)');
  });

  it('gives a full timestamp for an import recorded as a date, and says "1 day"', () => {
    const f = facts({ groupId: null, basis: null, importedAt: '2025-12-31' });
    expect(expiryOf(f, [], 1)).toBe('2026-01-01T00:00:00.000Z');
    expect(explainExpiry(f, [], 1)).toBe('quarantined: not in any group; destroyed 1 day after import (2026-01-01)');
  });

  it('refuses a quarantine that is not a whole number of days', () => {
    expect(() => expiryOf(facts({ basis: null }), [], -1)).toThrow(RangeError);
  });
});

describe('which policy applies', () => {
  it("uses the group's own policy rather than the policy for its basis", () => {
    expect(expiryOf(facts(), [byBasis(12, 'imported'), group(24, 'connected')], 30)).toBe('2027-03-09T00:00:00.000Z');
  });

  it("uses the basis's policy when the group has none", () => {
    const policies = [group(24, 'connected', 'other'), byBasis(12, 'imported')];
    expect(expiryOf(facts(), policies, 30)).toBe('2026-01-16T00:00:00.000Z');
    expect(explainExpiry(facts(), policies, 30)).toBe('kept 12 months from import (2025-01-15), until 2026-01-15');
  });

  it('keeps a contact with a basis but no policy with no end, and says an admin must set one', () => {
    expect(expiryOf(facts(), [group(6, 'imported', 'other')], 30)).toBeNull();
    expect(explainExpiry(facts({ basis: 'consent' }), [], 30)).toBe(
      'kept with no end date: no retention policy for its group or its lawful basis (consent); an admin must set one',
    );
  });
});

describe('anchors', () => {
  it('connected: counts from the connection date and keeps the whole last day', () => {
    const policies = [group(24, 'connected')];
    expect(expiryOf(facts(), policies, 30)).toBe('2027-03-09T00:00:00.000Z');
    expect(explainExpiry(facts(), policies, 30)).toBe('kept 24 months from the date connected (2025-03-08), until 2027-03-08');
  });

  it('basis-assigned: counts from the UTC day the lawful basis was assigned', () => {
    const policies = [group(6, 'basis-assigned')];
    const f = facts({ basisAssignedAt: '2025-06-30T23:30:00-02:00' }); // 1 July in UTC
    expect(expiryOf(f, policies, 30)).toBe('2026-01-02T00:00:00.000Z');
    expect(explainExpiry(f, policies, 30)).toBe('kept 6 months from the date the lawful basis was assigned (2025-07-01), until 2026-01-01');
  });

  it('last-review: counts from the last review', () => {
    const policies = [group(12, 'last-review')];
    expect(expiryOf(facts(), policies, 30)).toBe('2026-06-21T00:00:00.000Z');
    expect(explainExpiry(facts(), policies, 30)).toBe('kept 12 months from the last review (2025-06-20), until 2026-06-20');
  });

  it('imported: counts from the import', () => {
    expect(expiryOf(facts(), [group(1, 'imported')], 30)).toBe('2025-02-16T00:00:00.000Z');
    expect(explainExpiry(facts(), [group(1, 'imported')], 30)).toBe('kept 1 month from import (2025-01-15), until 2025-02-15');
  });

  it.each([
    ['connected', { connectedOn: null }, 'no connection date'],
    ['connected', { connectedOn: '  ' }, 'no connection date'],
    ['basis-assigned', { basisAssignedAt: null }, 'no date the lawful basis was assigned'],
    ['last-review', { lastReviewAt: null }, 'never reviewed'],
  ] as const)('%s: falls back to the import date when missing (%j) and says so', (anchor, missing, reason) => {
    const f = facts(missing);
    expect(expiryOf(f, [group(24, anchor)], 30)).toBe('2027-01-16T00:00:00.000Z');
    expect(explainExpiry(f, [group(24, anchor)], 30)).toBe(`kept 24 months from import (${reason}) on 2025-01-15, until 2027-01-15`);
  });

  it('refuses an anchor date that is not ISO', () => {
    expect(() => expiryOf(facts({ connectedOn: '08 Mar 2025' }), [group(24, 'connected')], 30)).toThrow(RangeError);
  });
});

describe('calendar months', () => {
  it.each([
    ['2025-01-31', 1, '2025-03-01T00:00:00.000Z', '2025-02-28'], // clamped to the end of February
    ['2025-03-31', 1, '2025-05-01T00:00:00.000Z', '2025-04-30'], // clamped to a 30-day month
    ['2025-12-31', 2, '2026-03-01T00:00:00.000Z', '2026-02-28'], // across a year end
    ['2025-08-31', 6, '2026-03-01T00:00:00.000Z', '2026-02-28'],
  ])('%s + %i months is kept until %s', (connectedOn, months, expected, lastDay) => {
    const f = facts({ connectedOn });
    expect(expiryOf(f, [group(months, 'connected')], 30)).toBe(expected);
    expect(explainExpiry(f, [group(months, 'connected')], 30)).toContain(`until ${lastDay}`);
  });

  it.each([
    ['2024-01-31', 1, '2024-03-01T00:00:00.000Z'], // 29 February 2024 is kept
    ['2024-02-29', 12, '2025-03-01T00:00:00.000Z'], // no 29 February in 2025: kept until the 28th
    ['2024-02-29', 48, '2028-03-01T00:00:00.000Z'], // kept until 29 February 2028
    ['2027-02-28', 12, '2028-02-29T00:00:00.000Z'], // 28 February + 1 year stays the 28th in a leap year
    ['2099-02-28', 12, '2100-03-01T00:00:00.000Z'], // 2100 is not a leap year
  ])('leap years: %s + %i months is due at %s', (connectedOn, months, expected) => {
    expect(expiryOf(facts({ connectedOn }), [group(months, 'connected')], 30)).toBe(expected);
  });
});
