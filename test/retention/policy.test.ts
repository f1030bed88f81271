// Retention policies: readable validation errors, which policy applies to a contact, and the plain-English summary.
import { describe, expect, it } from 'vitest';
import { describeRetention, parseRetentionPolicy, policyFor, type RetentionPolicy } from '../../src/retention/policy.js';

const groupPolicy = (groupId: string, months = 24): RetentionPolicy => ({ scope: { type: 'group', groupId }, months, anchor: 'connected' });
const basisPolicy = (basis: 'consent' | 'legitimate-interests', months = 12): RetentionPolicy => ({ scope: { type: 'basis', basis }, months, anchor: 'imported' });

const errorsOf = (input: unknown): string[] => {
  const result = parseRetentionPolicy(input);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
};

describe('parseRetentionPolicy', () => {
  const valid = { scope: { type: 'group', groupId: 'g1' }, months: 24, anchor: 'connected' };

  it('accepts a group policy and a lawful basis policy', () => {
    expect(parseRetentionPolicy(valid)).toEqual({ ok: true, policy: valid });
    const byBasis = { scope: { type: 'basis', basis: 'consent' }, months: 120, anchor: 'last-review' };
    expect(parseRetentionPolicy(byBasis)).toEqual({ ok: true, policy: byBasis });
  });

  it('refuses a period of 0 or more than 120 months, or part of a month, saying why', () => {
    expect(errorsOf({ ...valid, months: 0 })).toEqual(['months: the retention period must be at least 1 month']);
    expect(errorsOf({ ...valid, months: 121 })).toEqual(['months: the retention period must be at most 120 months (10 years)']);
    expect(errorsOf({ ...valid, months: 1.5 })).toEqual(['months: the retention period must be a whole number of months']);
    expect(errorsOf({ ...valid, months: '24' })).toEqual(['months: the retention period (months) must be a number of months']);
  });

  it('refuses an unknown anchor and lists the choices', () => {
    expect(errorsOf({ ...valid, anchor: 'created' })).toEqual([
      'anchor: choose the date the period counts from (anchor): imported, connected, basis-assigned, last-review',
    ]);
  });

  it('refuses a missing or unknown scope, an empty group id and an unknown basis', () => {
    const scopeMissing = errorsOf({ months: 24, anchor: 'connected' });
    expect(scopeMissing).toEqual(["scope: say what the policy applies to: a group ({ type: 'group', groupId }) or a lawful basis ({ type: 'basis', basis })"]);
    expect(errorsOf({ ...valid, scope: { type: 'contact' } })).toEqual([scopeMissing[0]!.replace(/^scope:/, 'scope.type:')]);
    expect(errorsOf({ ...valid, scope: { type: 'group', groupId: '' } })).toEqual(['scope.groupId: a group policy needs the group it applies to (groupId)']);
    expect(errorsOf({ ...valid, scope: { type: 'basis', basis: 'because' } })[0]).toMatch(/^scope\.basis: .*Art\. 6\(1\).*legitimate-interests/);
  });

  it('reports every problem at once, and a missing policy as a whole', () => {
    expect(errorsOf({ months: 0, anchor: 'x' })).toHaveLength(3);
    expect(errorsOf(undefined)).toEqual(['policy: a retention policy (scope, months, anchor) is required']);
  });
});

describe('policyFor', () => {
  const policies = [basisPolicy('consent'), groupPolicy('g1'), groupPolicy('g2', 6)];

  it("prefers the group's own policy to the policy for its lawful basis", () => {
    expect(policyFor(policies, { groupId: 'g1', basis: 'consent' })).toBe(policies[1]);
    expect(policyFor(policies, { groupId: 'g2', basis: 'consent' })).toBe(policies[2]);
  });

  it('falls back to the policy for the lawful basis when the group has none', () => {
    expect(policyFor(policies, { groupId: 'g3', basis: 'consent' })).toBe(policies[0]);
  });

  it('returns null when neither the group nor its basis has a policy', () => {
    expect(policyFor(policies, { groupId: 'g3', basis: 'legitimate-interests' })).toBeNull();
    expect(policyFor(policies, { groupId: null, basis: null })).toBeNull();
    expect(policyFor([], { groupId: 'g1', basis: 'consent' })).toBeNull();
  });

  it('still finds a group policy for a group with no basis (expiryOf quarantines it anyway)', () => {
    expect(policyFor(policies, { groupId: 'g1', basis: null })).toBe(policies[1]);
  });
});

describe('describeRetention', () => {
  it('says whose policy it is, how long and from when', () => {
    expect(describeRetention(groupPolicy('g1'))).toBe('Group policy: 24 months from the date connected');
    expect(describeRetention(basisPolicy('legitimate-interests', 1))).toBe('Lawful basis policy (legitimate interests): 1 month from import');
    expect(describeRetention({ scope: { type: 'basis', basis: 'consent' }, months: 36, anchor: 'basis-assigned' })).toBe(
      'Lawful basis policy (consent): 36 months from the date the lawful basis was assigned',
    );
    expect(describeRetention({ scope: { type: 'group', groupId: 'g' }, months: 12, anchor: 'last-review' })).toBe('Group policy: 12 months from the last review');
  });
});
