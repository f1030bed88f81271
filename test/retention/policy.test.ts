// Retention policies: readable validation errors (a rationale required), which policy applies to a contact, and the
// plain-English summary with the rationale; the vault's default retention.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  DefaultRetentionSchema,
  describeDefaultRetention,
  describeRetention,
  describeWithRationale,
  parseRetentionPolicy,
  policyFor,
  type RetentionRule,
} from '../../src/retention/policy.js';

const groupPolicy = (groupId: string, months = 24): RetentionRule => ({ scope: { type: 'group', groupId }, months, anchor: 'connected' });
const basisPolicy = (basis: 'consent' | 'legitimate-interests', months = 12): RetentionRule => ({ scope: { type: 'basis', basis }, months, anchor: 'imported' });

const errorsOf = (input: unknown): string[] => {
  const result = parseRetentionPolicy(input);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
};

describe('parseRetentionPolicy', () => {
  const rationale = 'Our enterprise sales cycle runs up to two years.';
  const valid = { scope: { type: 'group', groupId: 'g1' }, months: 24, anchor: 'connected', rationale };

  it('accepts a group policy and a lawful basis policy', () => {
    expect(parseRetentionPolicy(valid)).toEqual({ ok: true, policy: valid });
    const byBasis = { scope: { type: 'basis', basis: 'consent' }, months: 120, anchor: 'last-review', rationale: 'Consent is refreshed at every annual event' };
    expect(parseRetentionPolicy(byBasis)).toEqual({ ok: true, policy: byBasis });
  });

  it('requires a rationale that says why the period, trimmed', () => {
    const { rationale: _, ...withoutRationale } = valid;
    expect(errorsOf(withoutRationale)).toEqual(['rationale: say why this period (rationale), e.g. the sales cycle or the contract term it follows']);
    expect(errorsOf({ ...valid, rationale: '   short   ' })).toEqual(['rationale: the rationale must say why this period, in at least 10 characters']);
    expect(parseRetentionPolicy({ ...valid, rationale: `  ${rationale}\n` })).toEqual({ ok: true, policy: valid });
    expect(errorsOf({ ...valid, rationale: `${rationale} `.repeat(50) })).toEqual(['rationale: the rationale is too long (at most 2000 characters)']);
  });

  it.each(['TBC once legal have looked', 'to be decided later', 'placeholder text here', 'N/A for this group', '----------', 'xxxxxxxxxxxx', 'not applicable', 'aaaaaaaaaaaa', 'Default.'.padEnd(10, '.')])(
    'refuses the placeholder %j as a rationale',
    (placeholder) => {
      expect(errorsOf({ ...valid, rationale: placeholder })).toEqual([
        expect.stringMatching(/^rationale: (the rationale is a placeholder|the rationale must say why)/),
      ]);
    },
  );

  it.each(['Sales cycle of 18 months', 'Contract term plus six months for claims', 'Annual event series: two editions'])('accepts the reason %j', (reason) => {
    expect(parseRetentionPolicy({ ...valid, rationale: reason })).toMatchObject({ ok: true });
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
    const scopeMissing = errorsOf({ months: 24, anchor: 'connected', rationale });
    expect(scopeMissing).toEqual(["scope: say what the policy applies to: a group ({ type: 'group', groupId }) or a lawful basis ({ type: 'basis', basis })"]);
    expect(errorsOf({ ...valid, scope: { type: 'contact' } })).toEqual([scopeMissing[0]!.replace(/^scope:/, 'scope.type:')]);
    expect(errorsOf({ ...valid, scope: { type: 'group', groupId: '' } })).toEqual(['scope.groupId: a group policy needs the group it applies to (groupId)']);
    expect(errorsOf({ ...valid, scope: { type: 'basis', basis: 'because' } })[0]).toMatch(/^scope\.basis: .*Art\. 6\(1\).*legitimate-interests/);
  });

  it('reports every problem at once, and a missing policy as a whole', () => {
    expect(errorsOf({ months: 0, anchor: 'x', rationale })).toHaveLength(3);
    expect(errorsOf({ months: 0, anchor: 'x', rationale: 'tbc' })).toHaveLength(4);
    expect(errorsOf(undefined)).toEqual(['policy: a retention policy (scope, months, anchor, rationale) is required']);
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

describe('rationale and default in words', () => {
  it('adds why the period, or says none was recorded (a policy set before schema 7)', () => {
    expect(describeWithRationale(groupPolicy('g1'), 'Our sales cycle is two years')).toBe('Group policy: 24 months from the date connected. Why: Our sales cycle is two years');
    expect(describeWithRationale(basisPolicy('consent'), null)).toBe('Lawful basis policy (consent): 12 months from import. Why: no rationale recorded (set before schema 7)');
  });

  it('describes the default retention, and the app’s own is 24 months from the last review', () => {
    expect(DEFAULT_RETENTION).toEqual({ months: 24, anchor: 'last-review' });
    expect(describeDefaultRetention(DEFAULT_RETENTION)).toBe('Default retention: 24 months from the last review');
    expect(describeDefaultRetention({ months: 1, anchor: 'imported' })).toBe('Default retention: 1 month from import');
  });

  it('validates a default retention as it does a policy’s period', () => {
    expect(DefaultRetentionSchema.safeParse({ months: 36, anchor: 'connected' }).success).toBe(true);
    expect(DefaultRetentionSchema.safeParse({ months: 0, anchor: 'connected' }).success).toBe(false);
    expect(DefaultRetentionSchema.safeParse({ months: 121, anchor: 'last-review' }).success).toBe(false);
    expect(DefaultRetentionSchema.safeParse({ months: 12, anchor: 'created' }).success).toBe(false);
  });
});
