// Expiry: quarantine first, then the group's or the basis's policy, else the vault's default retention, counted in
// calendar months from its anchor, falling back to the import date (and saying so) when the anchor date is missing.
import { describe, expect, it } from 'vitest';
import { expiryOf, explainExpiry, type RetentionRules } from '../../src/retention/expiry.js';
import { DEFAULT_RETENTION, type Anchor, type DefaultRetention, type RetentionFacts, type RetentionRule } from '../../src/retention/policy.js';

const facts = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  groupId: 'g1',
  basis: 'legitimate-interests',
  importedAt: '2025-01-15T09:00:00.000Z',
  connectedOn: '2025-03-08',
  basisAssignedAt: '2025-02-01T12:00:00.000Z',
  lastReviewAt: '2025-06-20T16:45:00.000Z',
  ...overrides,
});
const group = (months: number, anchor: Anchor, groupId = 'g1'): RetentionRule => ({ scope: { type: 'group', groupId }, months, anchor });
const byBasis = (months: number, anchor: Anchor): RetentionRule => ({ scope: { type: 'basis', basis: 'legitimate-interests' }, months, anchor });
/** The vault's settings: its policies, its quarantine and its default retention (the app's own unless given). */
const rules = (policies: RetentionRule[], quarantineDays: number, defaultRetention: DefaultRetention = DEFAULT_RETENTION, defaultNotBefore: string | null = null): RetentionRules => ({
  policies,
  quarantineDays,
  defaultRetention,
  defaultNotBefore,
});

describe('quarantine', () => {
  const everyPolicy = [group(24, 'imported'), byBasis(12, 'imported')];

  it('destroys a contact in no group quarantineDays after import, whatever policies exist', () => {
    const f = facts({ groupId: null, basis: null, importedAt: '2026-11-29T10:00:00.000Z' });
    expect(expiryOf(f, rules(everyPolicy, 30))).toBe('2026-12-29T10:00:00.000Z');
    expect(explainExpiry(f, rules(everyPolicy, 30))).toBe('quarantined: not in any group; destroyed 30 days after import (2026-12-29)');
  });

  it("destroys a contact whose group has no lawful basis, even when the group has its own policy", () => {
    const f = facts({ basis: null, importedAt: '2026-11-29T10:00:00.000Z' });
    expect(expiryOf(f, rules(everyPolicy, 30))).toBe('2026-12-29T10:00:00.000Z');
    expect(explainExpiry(f, rules(everyPolicy, 30))).toBe('quarantined: no lawful basis; destroyed 30 days after import (2026-12-29)');
  });

  it('gives a full timestamp for an import recorded as a date, and says "1 day"', () => {
    const f = facts({ groupId: null, basis: null, importedAt: '2025-12-31' });
    expect(expiryOf(f, rules([], 1))).toBe('2026-01-01T00:00:00.000Z');
    expect(explainExpiry(f, rules([], 1))).toBe('quarantined: not in any group; destroyed 1 day after import (2026-01-01)');
  });

  it('refuses a quarantine that is not a whole number of days', () => {
    expect(() => expiryOf(facts({ basis: null }), rules([], -1))).toThrow(RangeError);
  });
});

describe('which policy applies', () => {
  it("uses the group's own policy rather than the policy for its basis", () => {
    expect(expiryOf(facts(), rules([byBasis(12, 'imported'), group(24, 'connected')], 30))).toBe('2027-03-09T00:00:00.000Z');
  });

  it("uses the basis's policy when the group has none", () => {
    const policies = [group(24, 'connected', 'other'), byBasis(12, 'imported')];
    expect(expiryOf(facts(), rules(policies, 30))).toBe('2026-01-16T00:00:00.000Z');
    expect(explainExpiry(facts(), rules(policies, 30))).toBe('kept 12 months from import (2025-01-15), until 2026-01-15');
  });

  it("falls back to the vault's default retention when neither its group nor its basis has a policy, and says so", () => {
    // The default: 24 months from the last review (2025-06-20).
    expect(expiryOf(facts(), rules([group(6, 'imported', 'other')], 30))).toBe('2027-06-21T00:00:00.000Z');
    expect(explainExpiry(facts({ basis: 'consent' }), rules([], 30))).toBe(
      "kept 24 months from the last review (2025-06-20), until 2027-06-20: the vault's default retention (no retention policy for its group or its lawful basis, consent)",
    );
    // Never reviewed: from import, and said so.
    expect(expiryOf(facts({ lastReviewAt: null }), rules([], 30))).toBe('2027-01-16T00:00:00.000Z');
    expect(explainExpiry(facts({ lastReviewAt: null }), rules([], 30))).toMatch(/^kept 24 months from import \(never reviewed\) on 2025-01-15, until 2027-01-15: the vault's default/);
  });

  it('uses the vault’s own default (months and anchor), and never when a policy applies', () => {
    const sixFromConnection = { months: 6, anchor: 'connected' } as const;
    expect(expiryOf(facts(), rules([], 30, sixFromConnection))).toBe('2025-09-09T00:00:00.000Z');
    expect(expiryOf(facts(), rules([byBasis(12, 'imported')], 30, sixFromConnection))).toBe('2026-01-16T00:00:00.000Z');
    expect(explainExpiry(facts(), rules([byBasis(12, 'imported')], 30, sixFromConnection))).not.toMatch(/default/);
  });

  it('gives every contact a date: quarantined, covered by a policy, or by the default', () => {
    for (const f of [facts({ groupId: null, basis: null }), facts({ basis: null }), facts(), facts({ basis: 'consent', lastReviewAt: null, connectedOn: null })]) {
      expect(new Date(expiryOf(f, rules([], 30))).toISOString()).toBe(expiryOf(f, rules([], 30)));
    }
  });

  it("defers the default's date to its not-before instant (an upgraded vault's grace), and says so", () => {
    const grace = '2027-03-01T10:00:00.000Z';
    // 24 months from import (never reviewed) ends 2027-01-15: moved to the grace's end.
    const f = facts({ lastReviewAt: null });
    expect(expiryOf(f, rules([], 30, DEFAULT_RETENTION, grace))).toBe(grace);
    expect(explainExpiry(f, rules([], 30, DEFAULT_RETENTION, grace))).toMatch(/; not destroyed before 2027-03-01 \(the grace given when the vault gained its default retention\)$/);
    // A date already later than the grace, a policy's date and quarantine are left as they are.
    expect(expiryOf(facts(), rules([], 30, DEFAULT_RETENTION, grace))).toBe('2027-06-21T00:00:00.000Z');
    expect(explainExpiry(facts(), rules([], 30, DEFAULT_RETENTION, grace))).not.toMatch(/grace/);
    expect(expiryOf(f, rules([byBasis(1, 'imported')], 30, DEFAULT_RETENTION, grace))).toBe('2025-02-16T00:00:00.000Z');
    expect(expiryOf(facts({ groupId: null, basis: null, importedAt: '2026-11-29T10:00:00.000Z' }), rules([], 30, DEFAULT_RETENTION, grace))).toBe('2026-12-29T10:00:00.000Z');
  });
});

describe('anchors', () => {
  it('connected: counts from the connection date and keeps the whole last day', () => {
    const policies = [group(24, 'connected')];
    expect(expiryOf(facts(), rules(policies, 30))).toBe('2027-03-09T00:00:00.000Z');
    expect(explainExpiry(facts(), rules(policies, 30))).toBe('kept 24 months from the date connected (2025-03-08), until 2027-03-08');
  });

  it('basis-assigned: counts from the UTC day the lawful basis was assigned', () => {
    const policies = [group(6, 'basis-assigned')];
    const f = facts({ basisAssignedAt: '2025-06-30T23:30:00-02:00' }); // 1 July in UTC
    expect(expiryOf(f, rules(policies, 30))).toBe('2026-01-02T00:00:00.000Z');
    expect(explainExpiry(f, rules(policies, 30))).toBe('kept 6 months from the date the lawful basis was assigned (2025-07-01), until 2026-01-01');
  });

  it('last-review: counts from the last review', () => {
    const policies = [group(12, 'last-review')];
    expect(expiryOf(facts(), rules(policies, 30))).toBe('2026-06-21T00:00:00.000Z');
    expect(explainExpiry(facts(), rules(policies, 30))).toBe('kept 12 months from the last review (2025-06-20), until 2026-06-20');
  });

  it('imported: counts from the import', () => {
    expect(expiryOf(facts(), rules([group(1, 'imported')], 30))).toBe('2025-02-16T00:00:00.000Z');
    expect(explainExpiry(facts(), rules([group(1, 'imported')], 30))).toBe('kept 1 month from import (2025-01-15), until 2025-02-15');
  });

  it.each([
    ['connected', { connectedOn: null }, 'no connection date'],
    ['connected', { connectedOn: '  ' }, 'no connection date'],
    ['basis-assigned', { basisAssignedAt: null }, 'no date the lawful basis was assigned'],
    ['last-review', { lastReviewAt: null }, 'never reviewed'],
  ] as const)('%s: falls back to the import date when missing (%j) and says so', (anchor, missing, reason) => {
    const f = facts(missing);
    expect(expiryOf(f, rules([group(24, anchor)], 30))).toBe('2027-01-16T00:00:00.000Z');
    expect(explainExpiry(f, rules([group(24, anchor)], 30))).toBe(`kept 24 months from import (${reason}) on 2025-01-15, until 2027-01-15`);
  });

  it('refuses an anchor date that is not ISO', () => {
    expect(() => expiryOf(facts({ connectedOn: '08 Mar 2025' }), rules([group(24, 'connected')], 30))).toThrow(RangeError);
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
    expect(expiryOf(f, rules([group(months, 'connected')], 30))).toBe(expected);
    expect(explainExpiry(f, rules([group(months, 'connected')], 30))).toContain(`until ${lastDay}`);
  });

  it.each([
    ['2024-01-31', 1, '2024-03-01T00:00:00.000Z'], // 29 February 2024 is kept
    ['2024-02-29', 12, '2025-03-01T00:00:00.000Z'], // no 29 February in 2025: kept until the 28th
    ['2024-02-29', 48, '2028-03-01T00:00:00.000Z'], // kept until 29 February 2028
    ['2027-02-28', 12, '2028-02-29T00:00:00.000Z'], // 28 February + 1 year stays the 28th in a leap year
    ['2099-02-28', 12, '2100-03-01T00:00:00.000Z'], // 2100 is not a leap year
  ])('leap years: %s + %i months is due at %s', (connectedOn, months, expected) => {
    expect(expiryOf(facts({ connectedOn }), rules([group(months, 'connected')], 30))).toBe(expected);
  });
});
