// The retention module: policies, expiry dates and the destruction schedule (UK GDPR Art. 5(1)(e)). Pure: no Node
// built-ins, no I/O, no clock (callers pass `now`).
export { ANCHORS, RetentionPolicySchema, describeRetention, parseRetentionPolicy, policyFor } from './policy.js';
export type { Anchor, RetentionFacts, RetentionPolicy } from './policy.js';
export { expiryOf, explainExpiry } from './expiry.js';
export { dueCalendar, isDue } from './schedule.js';
