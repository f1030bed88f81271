// Words the CRM export and Records screens show for the export's and the recipients' vocabularies
// (src/shared/vocabulary.ts): typed by each vocabulary, so a word added there without a label here is a type error.
import type { CrmExclusion, CrmField, RecipientRole, TransferMechanism, WithheldReason } from '../../src/shared/vocabulary.js';

/** Why a person is held back from an export, as the person exporting reads it. */
export const EXCLUSION_LABELS: Record<CrmExclusion, string> = {
  'basis-not-for-marketing': 'Their group’s lawful basis does not allow direct marketing (contract, legal obligation, vital interests or public task)',
  suppressed: 'On the suppression list (erased, or objected to processing)',
  'consent-withdrawn': 'Withdrew consent for this purpose',
  'no-lawful-basis': 'No lawful basis yet (quarantined, or their group has none)',
  'purpose-differs': 'Their group’s basis is for another purpose',
  'no-consent-on-record': 'In a consent group, but no consent of their own is recorded',
  'notice-not-given': 'Not yet told about the processing (Art. 14 privacy notice)',
  'notice-already-given': 'Already told: a notice run is only for people not yet told',
  'lia-not-current': 'Their group’s legitimate interests assessment is not signed off, or is past its review date',
  'channel-not-allowed': 'PECR does not allow texting them (no consent or soft opt-in for SMS)',
  'special-category-without-condition': 'Their details hint at special-category or criminal-offence data with no condition that allows it (Art. 9, Art. 10)',
};

export const CRM_FIELD_LABELS: Record<CrmField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email address',
  company: 'Company',
  position: 'Job title',
  profileUrl: 'LinkedIn profile',
  connectedOn: 'Connected on',
};

export const WITHHELD_LABELS: Record<WithheldReason, string> = {
  'individual-subscriber-without-consent': 'An individual subscriber with no consent or soft opt-in for this channel',
  'consent-does-not-cover-email': 'Their consent does not cover email',
  'consent-does-not-cover-linkedin': 'Their consent does not cover LinkedIn messages',
};

export const RECIPIENT_ROLE_LABELS: Record<RecipientRole, string> = {
  processor: 'Processor (acts on your instructions, Art. 28)',
  controller: 'Controller (uses the data for its own purposes)',
};

export const TRANSFER_LABELS: Record<TransferMechanism, string> = {
  none: 'None: hosted in the UK',
  adequacy: 'UK adequacy regulations (e.g. the EU or EEA)',
  idta: 'International data transfer agreement (IDTA)',
  'uk-addendum': 'UK Addendum to the EU standard contractual clauses',
  'binding-corporate-rules': 'Binding corporate rules',
  'art49-derogation': 'A derogation for a specific situation (Art. 49)',
};
