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

const MonthsSchema = z
  .number({ error: 'the retention period (months) must be a number of months' })
  .int({ error: 'the retention period must be a whole number of months' })
  .min(1, { error: 'the retention period must be at least 1 month' })
  .max(MAX_MONTHS, { error: `the retention period must be at most ${MAX_MONTHS} months (10 years)` });
const AnchorSchema = z.enum(ANCHORS, { error: `choose the date the period counts from (anchor): ${ANCHORS.join(', ')}` });

// An answer that begins as a placeholder stays one whatever follows ('TBC by legal'); one of only dashes, dots or x's
// says nothing either.
const PLACEHOLDER_START = /^(?:tbc|tbd|todo|to-?do|to be (?:confirmed|completed|decided|agreed|done)|lorem ipsum|placeholder|n\/?a\b)(?![\p{L}\p{N}])/iu;
const PLACEHOLDER_WHOLE = /^(?:none|nil|see above|not applicable|no reason|default|standard|[-–—.?x*_\s]+)[.!]*$/iu;
export const RATIONALE_MIN_LENGTH = 10;

/**
 * Why this period (Art. 5(1)(e), Art. 5(2)): at least 10 characters and two different words, not a placeholder
 * ('TBC', 'to be decided', '-----'). What a person typed, so the vault keeps it encrypted.
 */
export const RationaleSchema = z
  .string({ error: 'say why this period (rationale), e.g. the sales cycle or the contract term it follows' })
  .trim()
  .min(RATIONALE_MIN_LENGTH, { error: `the rationale must say why this period, in at least ${RATIONALE_MIN_LENGTH} characters` })
  .max(2000, { error: 'the rationale is too long (at most 2000 characters)' })
  .refine((text) => text.length < RATIONALE_MIN_LENGTH || (!PLACEHOLDER_START.test(text) && !PLACEHOLDER_WHOLE.test(text) && new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).size >= 2), {
    error: 'the rationale is a placeholder: say why this period (e.g. the sales cycle or the contract term it follows)',
  });

/** A period and what it applies to: all the expiry computation needs (the rationale is encrypted; it needs no key). */
export const RetentionRuleSchema = z.object(
  { scope: ScopeSchema, months: MonthsSchema, anchor: AnchorSchema },
  { error: 'a retention policy (scope, months, anchor) is required' },
);
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;

/** A retention policy as an admin sets it: the rule and why this period (required for every new policy). */
export const RetentionPolicySchema = z.object(
  { ...RetentionRuleSchema.shape, rationale: RationaleSchema },
  { error: 'a retention policy (scope, months, anchor, rationale) is required' },
);
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/**
 * The vault-wide default: the period for every contact with a lawful basis that no policy covers, so that every
 * contact has a due date (Art. 5(1)(e)). Set at creation, changed by an admin (retention.default).
 */
export const DefaultRetentionSchema = z.object(
  { months: MonthsSchema, anchor: AnchorSchema },
  { error: 'a default retention (months, anchor) is required' },
);
export type DefaultRetention = z.infer<typeof DefaultRetentionSchema>;

/** 24 months from the last review (from import while never reviewed): the default a vault starts with. */
export const DEFAULT_RETENTION: DefaultRetention = { months: 24, anchor: 'last-review' };

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
export function policyFor<P extends RetentionRule>(policies: readonly P[], facts: Pick<RetentionFacts, 'groupId' | 'basis'>): P | null {
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
export function describeRetention(policy: RetentionRule): string {
  const scope = policy.scope.type === 'group' ? 'Group policy' : `Lawful basis policy (${basisText(policy.scope.basis)})`;
  return `${scope}: ${monthsText(policy.months)} from ${ANCHOR_LABELS[policy.anchor]}`;
}

/** 'Default retention: 24 months from the last review': for contacts with a lawful basis that no policy covers. */
export function describeDefaultRetention(d: DefaultRetention): string {
  return `Default retention: ${monthsText(d.months)} from ${ANCHOR_LABELS[d.anchor]}`;
}

/** What a policy set before rationales were recorded (schema 7) shows instead of one. */
export const NO_RATIONALE = 'no rationale recorded (set before schema 7)';

/** The policy and why: 'Group policy: 24 months from import. Why: our sales cycle is …'. */
export function describeWithRationale(policy: RetentionRule, rationale: string | null): string {
  return `${describeRetention(policy)}. Why: ${rationale ?? NO_RATIONALE}`;
}
