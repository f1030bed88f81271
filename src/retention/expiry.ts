// When a contact is due for destruction, and why, from its group's retention policy or its quarantine.
// Storage limitation, UK GDPR Art. 5(1)(e): every contact with a lawful basis gets an end date once a policy applies.
import { quarantineExpiry } from '../policy/index.js';
import { addMonths, toIsoDay } from '../policy/dates.js';
import { ANCHOR_LABELS, basisText, monthsText, policyFor, type Anchor, type RetentionFacts, type RetentionPolicy } from './policy.js';

const DAY_MS = 86_400_000;

/** Why an anchor date can be missing, as the explanation says it. */
const MISSING: Record<Exclude<Anchor, 'imported'>, string> = {
  connected: 'no connection date',
  'basis-assigned': 'no date the lawful basis was assigned',
  'last-review': 'never reviewed',
};

/** The one decision both expiryOf and explainExpiry report, so the date and its explanation cannot disagree. */
type Decision =
  | { kind: 'quarantine'; reason: 'no-group' | 'no-basis'; days: number; expiresAt: string }
  | { kind: 'retention'; policy: RetentionPolicy; anchorDay: string; missing: string | null; lastDay: string; expiresAt: string }
  | { kind: 'no-policy'; basis: string };

/** The anchor's date, or null when the contact lacks it. */
function anchorValue(facts: RetentionFacts, anchor: Anchor): string | null {
  switch (anchor) {
    case 'imported':
      return facts.importedAt;
    case 'connected':
      return facts.connectedOn;
    case 'basis-assigned':
      return facts.basisAssignedAt;
    case 'last-review':
      return facts.lastReviewAt;
  }
}

/** A date stays a date in quarantineExpiry; stored expiries are always full UTC timestamps. */
const asTimestamp = (value: string): string => (value.length === 10 ? `${value}T00:00:00.000Z` : value);

function decide(facts: RetentionFacts, policies: RetentionPolicy[], quarantineDays: number): Decision {
  // Art. 5(1)(e), Art. 6(1): no lawful basis, no keeping: quarantine wins over any policy (even the group's own).
  if (facts.groupId === null || facts.basis === null) {
    const reason = facts.groupId === null ? 'no-group' : 'no-basis';
    return { kind: 'quarantine', reason, days: quarantineDays, expiresAt: asTimestamp(quarantineExpiry(facts.importedAt, quarantineDays)) };
  }
  const policy = policyFor(policies, facts);
  // No policy: kept with no end until an admin sets one; null rather than a guessed period that would destroy data.
  if (!policy) return { kind: 'no-policy', basis: basisText(facts.basis) };
  const raw = anchorValue(facts, policy.anchor);
  // A blank date (e.g. an empty 'Connected On' cell) is a missing date, not an error.
  const anchored = raw === null || raw.trim() === '' ? null : raw;
  // A missing anchor date counts from import, the one date every contact has; explainExpiry says so.
  const anchorDay = toIsoDay(anchored ?? facts.importedAt);
  // Calendar months with month-end clamping (31 Jan + 1 month = 28/29 Feb); the period's last day is kept whole.
  const lastDay = addMonths(anchorDay, policy.months);
  // Art. 5(1)(e): due at the start of the UTC day after the period ends, so the contact is kept for the whole period.
  const expiresAt = new Date(Date.parse(`${lastDay}T00:00:00.000Z`) + DAY_MS).toISOString();
  return { kind: 'retention', policy, anchorDay, missing: anchored === null && policy.anchor !== 'imported' ? MISSING[policy.anchor] : null, lastDay, expiresAt };
}

/**
 * When the contact is due for destruction, as an ISO timestamp, or null when no policy applies to a contact with a
 * lawful basis (kept with no end: an admin must set one). RangeError for a date that is not ISO.
 */
export function expiryOf(facts: RetentionFacts, policies: RetentionPolicy[], quarantineDays: number): string | null {
  const decision = decide(facts, policies, quarantineDays);
  return decision.kind === 'no-policy' ? null : decision.expiresAt;
}

/** A one-line, plain-English explanation of expiryOf's answer, for the contact list and the records of processing. */
export function explainExpiry(facts: RetentionFacts, policies: RetentionPolicy[], quarantineDays: number): string {
  const d = decide(facts, policies, quarantineDays);
  switch (d.kind) {
    case 'quarantine': {
      const why = d.reason === 'no-group' ? 'not in any group' : 'no lawful basis';
      return `quarantined: ${why}; destroyed ${d.days === 1 ? '1 day' : `${d.days} days`} after import (${d.expiresAt.slice(0, 10)})`;
    }
    case 'no-policy':
      return `kept with no end date: no retention policy for its group or its lawful basis (${d.basis}); an admin must set one`;
    case 'retention': {
      const { policy, anchorDay, lastDay } = d;
      const from = d.missing === null ? `${ANCHOR_LABELS[policy.anchor]} (${anchorDay})` : `import (${d.missing}) on ${anchorDay}`;
      return `kept ${monthsText(policy.months)} from ${from}, until ${lastDay}`;
    }
  }
}
