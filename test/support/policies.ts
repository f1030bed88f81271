// A complete legitimate interests assessment (versioned and signed off) and Art. 14 notice, for tests that need a
// basis to assign.
export const LIA = {
  purposeTest: 'Offering our payroll service to finance leaders we met, a commercial interest',
  necessityTest: 'Writing to people we already know professionally is the least intrusive way to offer it',
  balancingTest: 'Business contacts expect relevant professional offers; one email with an easy opt-out is fair',
  optOut: 'An unsubscribe link and reply-to-stop in every message',
  assessedAt: '2026-11-20',
  assessedBy: 'The data protection officer',
  version: '1',
  signedOffBy: 'Head of operations (data owner)',
  signedOffAt: '2026-11-21',
};

/** A whole lawful-basis policy under legitimate interests, with that assessment and a sent Art. 14 notice. */
export const LI_POLICY = {
  basis: 'legitimate-interests',
  purpose: 'networking',
  purposeDescription: 'Invitations to our engineering meetups for these people.',
  evidence: LIA,
  art14Notice: { status: 'sent', date: '2026-11-25', method: 'Email with our privacy notice' },
};
