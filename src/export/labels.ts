// The words the exports use for our enums and a group's evidence, shared by the CRM export, the subject access
// report and the records of processing.
import type { GroupPolicy, LawfulBasis, Purpose } from '../policy/lawful-basis.js';
import { liaReviewDue } from '../policy/lia.js';

export const BASIS_WORDS: Record<LawfulBasis, string> = {
  consent: 'Consent (UK GDPR Art. 6(1)(a))',
  contract: 'Contract (UK GDPR Art. 6(1)(b))',
  'legal-obligation': 'Legal obligation (UK GDPR Art. 6(1)(c))',
  'vital-interests': 'Vital interests (UK GDPR Art. 6(1)(d))',
  'public-task': 'Public task (UK GDPR Art. 6(1)(e))',
  'legitimate-interests': 'Legitimate interests (UK GDPR Art. 6(1)(f))',
};

export const PURPOSE_WORDS: Record<Purpose, string> = {
  'email-marketing': 'Email marketing',
  prospecting: 'Prospecting',
  recruitment: 'Recruitment',
  networking: 'Networking',
  'account-management': 'Account management',
  events: 'Events',
  other: 'Other',
};

/** Art. 14(2)(f): where the personal data came from. */
export const SOURCE_WORDS = 'LinkedIn connections export';

/**
 * The source told truthfully per import (Art. 14(2)(f), Art. 15(1)(g)): people connected with the controller on
 * LinkedIn, or people in the address book the controller uploaded to LinkedIn, who never connected.
 */
export const SOURCE_BY_KIND: Record<string, string> = {
  'linkedin-connections': SOURCE_WORDS,
  'linkedin-imported-contacts': 'An address book the controller uploaded to LinkedIn (ImportedContacts.csv): you did not connect with the controller there',
};

/**
 * The evidence for a group's lawful basis as labelled lines, for people outside the team (the data subject, a
 * regulator). Left out on purpose: who made and who signed off a legitimate interests assessment (another person's
 * personal data, Art. 15(4)) and where the consent records are kept (internal).
 */
export function evidenceSummary(policy: GroupPolicy): [label: string, value: string][] {
  switch (policy.basis) {
    case 'consent':
      // Consent belongs to each person (Art. 7(1)): what they agreed to, when and how is their own record, listed
      // beside this; the group's record vouches for nobody.
      return [['How to withdraw consent', policy.evidence.withdrawalRoute]];
    case 'legitimate-interests':
      return [
        ['The legitimate interest pursued', policy.evidence.purposeTest],
        ['Why the processing is necessary', policy.evidence.necessityTest],
        ['Balancing of interests', policy.evidence.balancingTest],
        ['How to opt out', policy.evidence.optOut],
        ['Assessed on', policy.evidence.assessedAt],
        ['Assessment version', policy.evidence.version],
        ...(policy.evidence.signedOffAt !== undefined ? [['Signed off on', policy.evidence.signedOffAt] as [string, string]] : []),
        ['Next review by', liaReviewDue(policy.evidence)],
      ];
    case 'contract':
      return [
        ['The contract', policy.evidence.contract],
        ['Why the processing is necessary for it', policy.evidence.necessity],
      ];
    case 'legal-obligation':
      return [
        ['The law', policy.evidence.law],
        ['Justification', policy.evidence.justification],
      ];
    case 'vital-interests':
      return [['Justification', policy.evidence.justification]];
    case 'public-task':
      return [
        ['Justification', policy.evidence.justification],
        ['Statutory function or official authority', policy.evidence.legalBasisReference],
      ];
  }
}
