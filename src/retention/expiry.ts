// When a contact is due for destruction, and why: from its group's retention policy, its lawful basis's, the vault's
// default retention, or its quarantine. Storage limitation, UK GDPR Art. 5(1)(e): every contact has an end date.
import { quarantineExpiry } from '../policy/index.js';
import { addMonths, toIsoDay } from '../policy/dates.js';
import { ANCHOR_LABELS, basisText, monthsText, policyFor, type Anchor, type DefaultRetention, type RetentionFacts, type RetentionRule } from './policy.js';

const DAY_MS = 86_400_000;

/** Everything the expiry of a contact depends on besides its own dates: the vault's retention settings. */
export interface RetentionRules {
  policies: readonly RetentionRule[];
  quarantineDays: number;
  /** The last fallback, for a contact with a lawful basis that no policy covers. */
  defaultRetention: DefaultRetention;
  /**
   * An instant before which the default never makes a contact due, or null: set once when a vault created before
   * the default existed gains it (src/app/use-cases/carry-over.ts), so that the upgrade destroys nobody unannounced.
   */
  defaultNotBefore?: string | null;
}

/** Why an anchor date can be missing, as the explanation says it. */
const MISSING: Record<Exclude<Anchor, 'imported'>, string> = {
  connected: 'no connection date',
  'basis-assigned': 'no date the lawful basis was assigned',
  'last-review': 'never reviewed',
};

/** The one decision both expiryOf and explainExpiry report, so the date and its explanation cannot disagree. */
type Decision =
  | { kind: 'quarantine'; reason: 'no-group' | 'no-basis'; days: number; expiresAt: string }
  | {
      kind: 'retention';
      /** The policy that applies, or null for the vault's default retention. */
      policy: RetentionRule | null;
      months: number;
      anchor: Anchor;
      basis: string;
      anchorDay: string;
      missing: string | null;
      lastDay: string;
      expiresAt: string;
      /** The default's date was moved to defaultNotBefore. */
      deferred: boolean;
    };

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

function decide(facts: RetentionFacts, rules: RetentionRules): Decision {
  // Art. 5(1)(e), Art. 6(1): no lawful basis, no keeping: quarantine wins over any policy (even the group's own).
  if (facts.groupId === null || facts.basis === null) {
    const reason = facts.groupId === null ? 'no-group' : 'no-basis';
    return { kind: 'quarantine', reason, days: rules.quarantineDays, expiresAt: asTimestamp(quarantineExpiry(facts.importedAt, rules.quarantineDays)) };
  }
  const policy = policyFor(rules.policies, facts);
  // No policy: the vault's default retention, so that no contact is kept without an end.
  const { months, anchor } = policy ?? rules.defaultRetention;
  const raw = anchorValue(facts, anchor);
  // A blank date (e.g. an empty 'Connected On' cell) is a missing date, not an error.
  const anchored = raw === null || raw.trim() === '' ? null : raw;
  // A missing anchor date counts from import, the one date every contact has; explainExpiry says so.
  const anchorDay = toIsoDay(anchored ?? facts.importedAt);
  // Calendar months with month-end clamping (31 Jan + 1 month = 28/29 Feb); the period's last day is kept whole.
  const lastDay = addMonths(anchorDay, months);
  // Art. 5(1)(e): due at the start of the UTC day after the period ends, so the contact is kept for the whole period.
  let expiresAt = new Date(Date.parse(`${lastDay}T00:00:00.000Z`) + DAY_MS).toISOString();
  const notBefore = policy === null && rules.defaultNotBefore ? new Date(Date.parse(rules.defaultNotBefore)).toISOString() : null;
  const deferred = notBefore !== null && expiresAt < notBefore;
  if (deferred) expiresAt = notBefore;
  const missing = anchored === null && anchor !== 'imported' ? MISSING[anchor] : null;
  return { kind: 'retention', policy, months, anchor, basis: basisText(facts.basis), anchorDay, missing, lastDay, expiresAt, deferred };
}

/** When the contact is due for destruction, as an ISO timestamp. RangeError for a date that is not ISO. */
export function expiryOf(facts: RetentionFacts, rules: RetentionRules): string {
  return decide(facts, rules).expiresAt;
}

/** A one-line, plain-English explanation of expiryOf's answer, for the contact list and the records of processing. */
export function explainExpiry(facts: RetentionFacts, rules: RetentionRules): string {
  const d = decide(facts, rules);
  if (d.kind === 'quarantine') {
    const why = d.reason === 'no-group' ? 'not in any group' : 'no lawful basis';
    return `quarantined: ${why}; destroyed ${d.days === 1 ? '1 day' : `${d.days} days`} after import (${d.expiresAt.slice(0, 10)})`;
  }
  const from = d.missing === null ? `${ANCHOR_LABELS[d.anchor]} (${d.anchorDay})` : `import (${d.missing}) on ${d.anchorDay}`;
  const kept = `kept ${monthsText(d.months)} from ${from}, until ${d.lastDay}`;
  if (d.policy !== null) return kept;
  const byDefault = `${kept}: the vault's default retention (no retention policy for its group or its lawful basis, ${d.basis})`;
  if (!d.deferred) return byDefault;
  // 9999-12-31: the default waits for an admin's confirmation (src/vault/meta.ts, UNCONFIRMED_DEFAULT).
  return d.expiresAt.startsWith('9999-')
    ? `${byDefault}; not destroyed until an admin confirms the default retention (retention default), which the vault gained by an upgrade`
    : `${byDefault}; not destroyed before ${d.expiresAt.slice(0, 10)} (the grace given when the vault gained its default retention)`;
}
