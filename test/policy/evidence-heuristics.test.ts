// The free-text heuristics behind two guardrails: "consent" that is only a LinkedIn connection, LIA placeholders.
import { describe, expect, it } from 'vitest';
import { consentIsOnlyLinkedInConnection, isPlaceholderAnswer } from '../../src/policy/evidence-heuristics.js';

describe('consentIsOnlyLinkedInConnection', () => {
  it.each([
    ['Connected on LinkedIn', 'We are connected'],
    ['Linked-In', 'Accepted my invitation'],
    ['LinkedIn connection request accepted', 'Connection accepted 2023'],
    ['They follow us on LinkedIn', 'Follower of our company page'],
    ['By accepting my invitation they agreed', 'Yes'],
    ['LinkedIn sign-up form', 'By connecting you agree to receive our newsletter'],
    ['Deemed consent from LinkedIn', 'They connected, which we treat as an opt-in'],
  ])('flags "%s" / "%s"', (method, wording) => {
    expect(consentIsOnlyLinkedInConnection(method, wording)).toBe(true);
  });

  it.each([
    ['Replied to a LinkedIn message asking to join our newsletter', 'Yes please, add me to the Acme newsletter.'],
    ['Ticked the box on our LinkedIn Lead Gen form', 'Email me Acme product news.'],
    ['Subscribed through the newsletter page after we connected', 'Send me the monthly Acme newsletter.'],
    ['Asked us to send the brochure in a LinkedIn message', 'Please send me your events brochure by email.'],
    ['LinkedIn InMail', 'I agree to receive Acme event invitations by email.'],
    // No mention of LinkedIn at all: another guardrail's business, not this one's.
    ['Verbal, at the trade show', 'Happy to get emails'],
    ['Accepted the terms', 'Terms of business'],
  ])('leaves "%s" / "%s"', (method, wording) => {
    expect(consentIsOnlyLinkedInConnection(method, wording)).toBe(false);
  });
});

describe('isPlaceholderAnswer', () => {
  it.each(['', 'n/a', 'N/A', 'tbc', 'TODO', '-', '---------------------------', '...', "Yes, it's necessary",
    'TBC after the call with legal next week', 'To be completed by the marketing team', 'Lorem ipsum dolor sit amet, consectetur',
    'necessary necessary necessary necessary'])('"%s" is a placeholder', (answer) => {
    expect(isPlaceholderAnswer(answer)).toBe(true);
  });

  it.each([
    'None of them would be surprised: they are buyers of B2B software.',
    '- Work address only\n- one email a month\n- opt-out in every message',
    'Selling accounting software to finance teams that may buy it.',
  ])('"%s" is a real answer', (answer) => {
    expect(isPlaceholderAnswer(answer)).toBe(false);
  });
});
