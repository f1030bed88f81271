// The shape of a guardrail and what the checks are given, shared by src/policy/guardrails.ts and
// src/policy/lia-guardrails.ts.
import type { ContactFacts } from './contact-facts.js';

export interface GroupFacts {
  /** The contacts currently in the group. */
  contacts: ContactFacts[];
}

export interface Guardrail {
  id: string;
  severity: 'block' | 'warn';
  message: string;
  /** The source, e.g. 'PECR reg. 22'. */
  rule: string;
  contactIds?: string[];
}

export interface GuardrailOptions {
  /** Needed by the time-based checks (stale consent, an LIA due for review): skipped without it. */
  now?: Date;
  /**
   * How many of the group's members have not been told (Art. 14) and are past their own due day, and the earliest of
   * those days (src/policy/art14.ts, personNoticeStatus): the Art. 14 check is skipped without it.
   */
  noticesOverdue?: { count: number; earliestDue: string };
  /**
   * The ids of the group's contacts with their own live explicit consent (UK GDPR Art. 9(2)(a)) for the policy's
   * purpose; left out, nobody has one.
   */
  explicitConsents?: ReadonlySet<string>;
}
