// The retention module: policies, expiry dates and the destruction schedule (UK GDPR Art. 5(1)(e)). Pure: no Node
// built-ins, no I/O, no clock (callers pass `now`).
export {
  ANCHORS,
  DEFAULT_RETENTION,
  DefaultRetentionSchema,
  NO_RATIONALE,
  RetentionPolicySchema,
  RetentionRuleSchema,
  describeDefaultRetention,
  describeRetention,
  describeWithRationale,
  parseRetentionPolicy,
  policyFor,
} from './policy.js';
export type { Anchor, DefaultRetention, RetentionFacts, RetentionPolicy, RetentionRule } from './policy.js';
export { expiryOf, explainExpiry, type RetentionRules } from './expiry.js';
export { dueCalendar, isDue } from './schedule.js';
