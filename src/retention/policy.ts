// Retention policies: how many calendar months a group's contacts (or every contact under one lawful basis) are kept,
// counted from which date. Storage limitation, UK GDPR Art. 5(1)(e): no personal data kept longer than necessary.
import { z } from 'zod';
import { LAWFUL_BASES, type LawfulBasis } from '../policy/index.js';

import { ANCHORS, type Anchor } from '../shared/vocabulary.js';

export { ANCHORS, type Anchor };

/** Ten years: a longer period is almost certainly a typo (e.g. days typed as months). */
const MAX_MONTHS = 120;

const ScopeSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('group'),
      groupId: z.string({ error: 'a group policy needs the group it applies to (groupId)' }).min(1, { error: 'a group policy needs the group it applies to (groupId)' }),
    }),
    z.object({
      type: z.literal('basis'),
      basis: z.enum(LAWFUL_BASES, { error: `a lawful basis policy needs one of the Art. 6(1) lawful bases: ${LAWFUL_BASES.join(', ')}` }),
    }),
  ],
  { error: "say what the policy applies to: a group ({ type: 'group', groupId }) or a lawful basis ({ type: 'basis', basis })" },
);

export const RetentionPolicySchema = z.object(
  {
    scope: ScopeSchema,
    months: z
      .number({ error: 'the retention period (months) must be a number of months' })
      .int({ error: 'the retention period must be a whole number of months' })
      .min(1, { error: 'the retention period must be at least 1 month' })
      .max(MAX_MONTHS, { error: `the retention period must be at most ${MAX_MONTHS} months (10 years)` }),
    anchor: z.enum(ANCHORS, { error: `choose the date the period counts from (anchor): ${ANCHORS.join(', ')}` }),
  },
  { error: 'a retention policy (scope, months, anchor) is required' },
);
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/** 'scope.groupId', or 'policy' for the whole object. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || 'policy';
}

/** Validate a policy from outside (IPC, CLI, the database); failures become sentences a user can act on. */
export function parseRetentionPolicy(input: unknown): { ok: true; policy: RetentionPolicy } | { ok: false; errors: string[] } {
  const result = RetentionPolicySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`) };
}

/** The dates a contact's expiry may be anchored on (ISO yyyy-mm-dd or full ISO timestamps). */
export interface RetentionFacts {
  groupId: string | null;
  /** Its group's basis, null when the group has none. */
  basis: LawfulBasis | null;
  /** ISO timestamp. */
  importedAt: string;
  /** ISO date. */
  connectedOn: string | null;
  /** ISO timestamp. */
  basisAssignedAt: string | null;
  /** ISO timestamp. */
  lastReviewAt: string | null;
}

/**
 * The policy that applies: the group's own policy first, else the policy for its lawful basis, else none.
 * The vault keeps one policy per group and per basis (unique indexes); should a list hold two, the first wins.
 */
export function policyFor(policies: RetentionPolicy[], facts: Pick<RetentionFacts, 'groupId' | 'basis'>): RetentionPolicy | null {
  const { groupId, basis } = facts;
  const own = groupId === null ? undefined : policies.find((p) => p.scope.type === 'group' && p.scope.groupId === groupId);
  if (own) return own;
  return (basis === null ? undefined : policies.find((p) => p.scope.type === 'basis' && p.scope.basis === basis)) ?? null;
}

/** How each anchor reads after 'from': 'from the date connected'. */
export const ANCHOR_LABELS: Record<Anchor, string> = {
  imported: 'import',
  connected: 'the date connected',
  'basis-assigned': 'the date the lawful basis was assigned',
  'last-review': 'the last review',
};

export const monthsText = (months: number): string => (months === 1 ? '1 month' : `${months} months`);
export const basisText = (basis: LawfulBasis): string => basis.replace(/-/g, ' ');

/** 'Group policy: 24 months from the date connected'; 'Lawful basis policy (consent): 6 months from import'. */
export function describeRetention(policy: RetentionPolicy): string {
  const scope = policy.scope.type === 'group' ? 'Group policy' : `Lawful basis policy (${basisText(policy.scope.basis)})`;
  return `${scope}: ${monthsText(policy.months)} from ${ANCHOR_LABELS[policy.anchor]}`;
}
