// What the grouping rules and the guardrails may know about a contact: a small, decrypted view held in memory
// only, built by the vault. Nothing here is stored.
import type { EmailKind } from '../shared/vocabulary.js';
import type { SubscriberConfirmation } from './subscriber-type.js';

/** What grouping rules and guardrails may know about a contact (decrypted, in memory only). */
export interface ContactFacts {
  id: string;
  /** Normalised text, may be ''. */
  company: string;
  position: string;
  /** 'personal' is a free-mail domain: an individual subscriber under PECR reg. 22. */
  emailKind: EmailKind;
  /** ISO date yyyy-mm-dd. */
  connectedOn: string | null;
  /** Self-employed / freelance / sole trader: an individual subscriber under PECR whatever their address. */
  soleTrader: boolean;
  /** The subscriber type a person confirmed for the contact or its company (PECR reg. 2); left out, only the inference counts. */
  subscriberConfirmed?: SubscriberConfirmation | null;
  /** Categories of special-category (Art. 9) or criminal-offence (Art. 10) findings still present, e.g. ['health']. */
  specialCategories: string[];
}
