// Builders for the policy tests: a contact's facts and a valid policy for each lawful basis, to vary one field at a time.
import type { ContactFacts } from '../../src/policy/contact-facts.js';
import { parseGroupPolicy, type GroupPolicy, type LawfulBasis } from '../../src/policy/lawful-basis.js';

let next = 0;
export function contact(overrides: Partial<ContactFacts> = {}): ContactFacts {
  next += 1;
  return {
    id: `c${next}`,
    company: 'Acme Ltd',
    position: 'Head of Sales',
    emailKind: 'corporate',
    connectedOn: '2020-06-15',
    soleTrader: false,
    specialCategories: [],
    ...overrides,
  };
}

export const EVIDENCE: Record<LawfulBasis, Record<string, string>> = {
  consent: {
    method: 'Newsletter sign-up form on our website, unticked opt-in box',
    obtainedAt: '2024-03-01',
    wording: 'Yes, send me the monthly Acme product newsletter by email.',
    withdrawalRoute: 'Unsubscribe link in every email, or write to privacy@acme.example',
  },
  'legitimate-interests': {
    purposeTest: 'Telling business contacts about our accounting software, which they may buy for their firm.',
    necessityTest: 'Email to a work address is the least intrusive way to reach them; we send at most one a month.',
    balancingTest: 'Work contacts expect relevant B2B offers; low impact; an opt-out in every message; no special data.',
    optOut: 'Unsubscribe link in every message, honoured within 48 hours',
    assessedAt: '2025-01-10',
    assessedBy: 'Jane Smith, DPO',
    version: '2025-01',
    signedOffBy: 'Sam Patel, data owner',
    signedOffAt: '2025-01-12',
  },
  contract: {
    contract: 'Our services agreement with each client firm named in the group',
    necessity: 'We must email the account contacts to deliver the service and send invoices.',
  },
  'legal-obligation': {
    law: 'Money Laundering Regulations 2017, reg. 28',
    justification: 'We must keep customer due diligence contacts for five years after the relationship ends.',
  },
  'vital-interests': {
    justification: 'Emergency contact list for people on our site visit, used only if someone is hurt on site.',
  },
  'public-task': {
    justification: 'The council contacts local employers to run its statutory apprenticeship scheme for the area.',
    legalBasisReference: 'Apprenticeships, Skills, Children and Learning Act 2009, s. 1',
  },
};

/** A plain input object (as the UI would send) for `basis`, valid unless overridden. */
export function policyInput(basis: LawfulBasis, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    basis,
    purpose: basis === 'consent' || basis === 'legitimate-interests' ? 'email-marketing' : 'account-management',
    purposeDescription: 'Monthly product news to the people in this group.',
    evidence: { ...EVIDENCE[basis] },
    art14Notice: { status: 'sent', date: '2025-01-15', method: 'Email with our privacy notice' },
    ...overrides,
  };
}

/** A parsed policy; throws with the errors when the input is not valid, so a test never checks an invalid one. */
export function policy(basis: LawfulBasis, overrides: Record<string, unknown> = {}): GroupPolicy {
  const result = parseGroupPolicy(policyInput(basis, overrides));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

/** The same policy with some evidence fields replaced. */
export function withEvidence(basis: LawfulBasis, evidence: Record<string, string>, overrides: Record<string, unknown> = {}): GroupPolicy {
  return policy(basis, { evidence: { ...EVIDENCE[basis], ...evidence }, ...overrides });
}
