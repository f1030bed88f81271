// The kinds of thing a sanitizer must notice in a cell or a record, and the sentence that tells a person why.
import type { SpecialCategory } from './special-category/categories.js';

import { FINDING_KINDS, type FindingKind } from '../shared/vocabulary.js';

export { FINDING_KINDS, type FindingKind };

export interface Finding {
  /** Line on which the record starts in the source file. */
  line: number;
  /** Header of the column, or null for a finding about the whole record. */
  column: string | null;
  kind: FindingKind;
  detail: string;
  /** Where in the raw cell the finding sits (for stripping a fragment), when it is part of a cell. */
  start?: number;
  end?: number;
  /** For special-category findings: which Art. 9/10 category. */
  category?: SpecialCategory;
}

/** One line per kind for summaries and the UI. */
export const KIND_EXPLANATIONS: Record<FindingKind, string> = {
  'email-address': 'an email address written where it does not belong (a name, company or job title)',
  'phone-number': 'a phone number written into free text',
  'personal-mailbox':
    'a personal mailbox (free-mail domain): an individual subscriber under PECR reg. 22, so email marketing needs consent or the soft opt-in (reg. 22(3))',
  'corporate-mailbox':
    'a work address: suggests a corporate subscriber under PECR, but sole traders and (outside Scotland) partnerships are individual subscribers, so confirm the person’s type before marketing to them. Every marketing email still needs the sender named and an opt-out (reg. 23)',
  'sole-trader': 'self-employed or sole trader: an individual subscriber under PECR, whatever their address',
  'special-category': 'a hint of special-category data (Art. 9) or criminal-offence data (Art. 10): review by a person',
  formula: 'starts like a spreadsheet formula: neutralised on export (CSV injection)',
  duplicate: 'the same person again',
  'empty-record': 'a record with no name, profile, email, company or position',
  'invalid-email': 'an email address that is not well formed',
  'invalid-date': 'a connection date that cannot be read',
  'invalid-url': 'a profile address that is not a web address',
};
