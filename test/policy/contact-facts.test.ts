// ContactFacts is a type only: pin its shape, so a change is a decision and not an accident.
import { describe, expectTypeOf, it } from 'vitest';
import type { ContactFacts } from '../../src/policy/contact-facts.js';
import type { SubscriberConfirmation } from '../../src/policy/subscriber-type.js';

describe('ContactFacts', () => {
  it('has the fields the rules and guardrails read', () => {
    expectTypeOf<ContactFacts>().toEqualTypeOf<{
      id: string;
      company: string;
      position: string;
      emailKind: 'corporate' | 'personal' | 'none';
      connectedOn: string | null;
      soleTrader: boolean;
      subscriberConfirmed?: SubscriberConfirmation | null;
      specialCategories: string[];
    }>();
  });
});
