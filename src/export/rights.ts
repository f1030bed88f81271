// The rights a person is told of, by lawful basis (UK GDPR Art. 14(2)(c)-(e), Art. 15(1)(e)-(f)): one list for the
// subject access report and the privacy notice, so the two never disagree about who may object or port their data.
import type { GroupPolicy } from '../policy/lawful-basis.js';

export const ICO_COMPLAINTS_URL = 'https://ico.org.uk/make-a-complaint/';

export type RightId =
  | 'access'
  | 'rectification'
  | 'erasure'
  | 'restriction'
  | 'portability'
  | 'object'
  | 'object-direct-marketing'
  | 'withdraw-consent'
  | 'complaint';

export interface Right {
  id: RightId;
  text: string;
  /** Words a person typed (the way to withdraw consent), to follow `text`: the caller escapes them. */
  typed?: string;
}

/**
 * The rights for a group's policy (null: no basis, the contact is in quarantine). Portability only where the basis is
 * consent or contract (Art. 20(1)(a)); the Art. 21(1) objection only where it is legitimate interests or public task;
 * the absolute right to object to direct marketing always (Art. 21(2)-(3)); withdrawing consent only under consent,
 * and only when the person's own consent is in force (Art. 7(3)); complaints to us, which DPA 2018 s.164A (as
 * inserted by the Data (Use and Access) Act 2025) obliges us to handle, and the right to complain to the ICO (Art.
 * 77), which the ICO usually expects to come after the complaint to us but which nothing makes conditional on it.
 */
export function rightsFor(policy: GroupPolicy | null, consentInForce = policy?.basis === 'consent'): Right[] {
  const basis = policy?.basis;
  const rights: Right[] = [
    { id: 'access', text: 'Access: to a copy of your personal data and how it is used (Art. 15)' },
    { id: 'rectification', text: 'Rectification: to have inaccurate or incomplete data corrected (Art. 16)' },
    { id: 'erasure', text: 'Erasure: to have your data deleted (Art. 17)' },
    { id: 'restriction', text: 'Restriction: to have the use of your data limited (Art. 18)' },
  ];
  if (basis === 'consent' || basis === 'contract') {
    rights.push({ id: 'portability', text: 'Portability: to receive the data you provided in a machine-readable form, or have it sent to another organisation (Art. 20)' });
  }
  if (basis === 'legitimate-interests' || basis === 'public-task') {
    const ground = basis === 'public-task' ? 'a task in the public interest' : 'legitimate interests';
    rights.push({
      id: 'object',
      text: `Objection: to object, on grounds relating to your particular situation, to the use of your data based on ${ground}; it must then stop unless there are compelling legitimate grounds that override your interests (Art. 21(1))`,
    });
  }
  rights.push({ id: 'object-direct-marketing', text: 'Objection to direct marketing: to object at any time to the use of your data for direct marketing, which then stops (Art. 21(2)-(3))' });
  if (policy?.basis === 'consent' && consentInForce) {
    rights.push({ id: 'withdraw-consent', text: 'Withdrawing consent: at any time, without affecting what was done before (Art. 7(3)). How: ', typed: policy.evidence.withdrawalRoute });
  }
  rights.push({
    id: 'complaint',
    text:
      'Complaint: you can complain to us, the controller, and we must acknowledge it within 30 days and deal with it without undue delay (Data Protection Act 2018 s.164A, as inserted by the Data (Use and Access) Act 2025); ' +
      `you also have the right to complain to the Information Commissioner's Office (ICO), ${ICO_COMPLAINTS_URL} (Art. 77), which usually expects you to raise it with us first`,
  });
  return rights;
}
