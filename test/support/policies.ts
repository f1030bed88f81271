// A complete legitimate interests assessment and Art. 14 notice, for tests that need a basis to assign.
export const LIA = {
  purposeTest: 'Offering our payroll service to finance leaders we met, a commercial interest',
  necessityTest: 'Writing to people we already know professionally is the least intrusive way to offer it',
  balancingTest: 'Business contacts expect relevant professional offers; one email with an easy opt-out is fair',
  optOut: 'An unsubscribe link and reply-to-stop in every message',
  assessedAt: '2026-11-20',
  assessedBy: 'The data protection officer',
};
