// The module's public surface, and its purity: no Node built-ins, no clock, no I/O (callers pass `now`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as retention from '../../src/retention/index.js';

const SRC = join(import.meta.dirname, '..', '..', 'src', 'retention');

describe('src/retention', () => {
  it('exports the API the vault is written against', () => {
    expect(Object.keys(retention).sort()).toEqual(
      [
        'ANCHORS',
        'DEFAULT_RETENTION',
        'DefaultRetentionSchema',
        'NO_RATIONALE',
        'RetentionPolicySchema',
        'RetentionRuleSchema',
        'describeDefaultRetention',
        'describeRetention',
        'describeWithRationale',
        'dueCalendar',
        'expiryOf',
        'explainExpiry',
        'isDue',
        'parseRetentionPolicy',
        'policyFor',
      ].sort(),
    );
    expect(retention.ANCHORS).toEqual(['imported', 'connected', 'basis-assigned', 'last-review']);
  });

  it('works end to end: a policy from outside gives an expiry the purge acts on', () => {
    const parsed = retention.parseRetentionPolicy({ scope: { type: 'basis', basis: 'consent' }, months: 24, anchor: 'connected', rationale: 'Consent is refreshed every two years at our conference' });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const facts = { groupId: 'g1', basis: 'consent' as const, importedAt: '2025-01-15T09:00:00Z', connectedOn: '2025-03-08', basisAssignedAt: null, lastReviewAt: null };
    const expiresAt = retention.expiryOf(facts, { policies: [parsed.policy], quarantineDays: 30, defaultRetention: retention.DEFAULT_RETENTION });
    expect(expiresAt).toBe('2027-03-09T00:00:00.000Z');
    expect(retention.isDue(expiresAt, false, new Date('2027-03-08T23:59:59Z'))).toBe(false);
    expect(retention.isDue(expiresAt, false, new Date('2027-03-09T00:00:00Z'))).toBe(true);
    expect(retention.isDue(expiresAt, true, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('is pure: no Node built-ins, no clock reads', () => {
    for (const file of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(SRC, file), 'utf8');
      expect(code, file).not.toMatch(/from ['"](node:|fs|path|os|crypto|util|stream)/);
      expect(code, file).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now/);
    }
  });
});
