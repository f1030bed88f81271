// Heuristics that read the data owner's free-text evidence: is a "consent" only a LinkedIn connection, is a
// legitimate interests answer only a placeholder. They err towards asking for more words, never towards accepting.

// Mentions of the LinkedIn relationship itself: the site, connecting, an invitation or request accepted, following.
const LINKEDIN_CONNECTION = new RegExp(
  [
    String.raw`\blinked\s*-?\s*in\b`,
    String.raw`\bconnect(?:ed|ion|ions|ing)?\b`,
    String.raw`\binvit(?:ation|ations|e|ed)\b`,
    String.raw`\baccept(?:ed|s)?\s+(?:(?:my|our|the|a|an|your)\s+)?(?:request|invite)\b`,
    String.raw`\bfollow(?:ed|s|ing)?\s+(?:us|me|our|my)\b`,
    String.raw`\bfollowers?\b`,
  ].join('|'),
  'i',
);

// A separate, affirmative act that is about the purpose, not about the connection: an opt-in, a tick box, a
// sign-up or subscription, a form, a reply saying yes, a request by the person, a first-person statement.
const CONSENT_MECHANISM = new RegExp(
  [
    String.raw`\bopt(?:ed|s)?[- ]?in\b`,
    String.raw`\bdouble[- ]opt\b`,
    String.raw`\bti(?:ck|cked|cks)\b`,
    String.raw`\bcheck[- ]?box(?:es)?\b`,
    String.raw`\bsign(?:ed|s)?[- ]?up\b`,
    String.raw`\bsubscri(?:be|bed|bes|ption)\b`,
    String.raw`\b(?:web|online|sign-?up|consent|registration|booking|contact|lead\s+gen(?:eration)?)\s+forms?\b`,
    String.raw`\breplied\b`,
    String.raw`\bresponded\b`,
    String.raw`\byes,?\s+please\b`,
    String.raw`\b(?:asked|requested)\s+(?:us\s+)?(?:to|for)\b`,
    String.raw`\bI\s+(?:agree|consent|would like|want)\b`,
    String.raw`\bconfirm(?:ed|s)?\s+(?:by|in|via)\b`,
    String.raw`\bconfirmation\s+(?:email|message|link)\b`,
    String.raw`\bin\s+writing\b`,
    String.raw`\brecorded\s+(?:call|phone|verbal)\b`,
  ].join('|'),
  'i',
);

// Consent inferred from the connection itself, whatever else is said: "by connecting you agree to …", implied or
// deemed consent. Art. 4(11) needs a clear affirmative act; ICO: silence, inactivity and bundling are not consent.
const CONSENT_BY_CONNECTING = new RegExp(
  [
    String.raw`\bby\s+(?:connecting|following)\b`,
    String.raw`\bby\s+accepting\s+(?:(?:my|our|the|a|an)\s+)?(?:invitation|invite|connection|request)\b`,
    String.raw`\bby\s+joining\s+(?:my|our)\s+network\b`,
    String.raw`\b(?:connecting|connection|accepting)\s+(?:means|implies|counts\s+as|is\s+(?:consent|agreement))\b`,
    String.raw`\b(?:implied|implicit|deemed|assumed|inferred)\b`,
  ].join('|'),
  'i',
);

/**
 * UK GDPR Art. 4(11), Art. 7; ICO: "a LinkedIn connection is not consent to marketing". True when the consent
 * record mentions the LinkedIn relationship (the site, connecting, an invitation accepted, following) and names
 * no separate affirmative act for the purpose (opt-in, tick box, sign-up, subscription, form, a reply or request
 * from the person, "I agree"), or infers consent from the connection ("by connecting you agree", implied or
 * deemed consent), which a mechanism named elsewhere does not cure. "Connected on LinkedIn" fires; "Replied 'yes
 * please' to a LinkedIn message asking to join our newsletter" does not: a message can carry consent, a connection
 * cannot.
 */
export function consentIsOnlyLinkedInConnection(method: string, wording: string): boolean {
  const text = `${method}\n${wording}`;
  if (!LINKEDIN_CONNECTION.test(text)) return false;
  return CONSENT_BY_CONNECTING.test(text) || !CONSENT_MECHANISM.test(text);
}

// An answer that begins as a placeholder stays one whatever follows ('TBC once legal have looked at it').
const PLACEHOLDER_START = /^(?:tbc|tbd|todo|to-?do|to be (?:confirmed|completed|decided|done)|lorem ipsum|placeholder)(?![\p{L}\p{N}])/iu;
const PLACEHOLDER_WHOLE = /^(?:n\/?a|none|nil|see above|[-–—.?x*_\s]+)[.!]*$/iu;
export const LIA_MIN_ANSWER_LENGTH = 20;

/**
 * A short reference that is only a placeholder: empty, 'n/a', '-', '…', or one that starts as one ('TBC', 'todo').
 * For references that may be short but must be real (a DPA 2018 Sch. 1 paragraph, a policy document's reference).
 */
export function isPlaceholderText(value: string): boolean {
  const text = value.trim();
  return text === '' || PLACEHOLDER_START.test(text) || PLACEHOLDER_WHOLE.test(text);
}

/**
 * ICO legitimate interests guidance: each of the three tests needs a real answer. A placeholder is shorter than
 * 20 characters, is only a placeholder ('n/a', '-', '…'), starts as one ('TBC once legal have looked', 'todo',
 * 'lorem ipsum'), or has fewer than three different words.
 */
export function isPlaceholderAnswer(answer: string): boolean {
  const text = answer.trim();
  if (text.length < LIA_MIN_ANSWER_LENGTH || isPlaceholderText(text)) return true;
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.size < 3;
}
