// What hides inside one cell: addresses and numbers in free text, special-category hints, spreadsheet formulas.
// Each scanner has a cheap pre-filter so that a million ordinary cells cost almost nothing.
import { PhoneNumberMatcher, type CountryCode } from 'libphonenumber-js';
import { SPECIAL_CATEGORY_TERMS, type SpecialCategory } from './special-category-lexicon.js';

export interface Span {
  start: number;
  end: number;
}

/**
 * A copy of `s` that does not share memory with the string it was cut from. The parser's cells are slices of a
 * 256 KiB chunk; anything kept after the record has passed (a memo key, a domain in a finding) must be detached,
 * or it keeps the whole chunk alive.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+'-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/gu;

/** Email addresses written into free text. */
const NONE: never[] = [];

export function findEmailsInText(text: string): (Span & { domain: string })[] {
  if (text.indexOf('@') === -1) return NONE;
  const found: (Span & { domain: string })[] = [];
  for (const m of text.matchAll(EMAIL_IN_TEXT)) {
    const value = m[0].replace(/^[.'-]+/, '');
    const start = m.index + (m[0].length - value.length);
    found.push({ start, end: start + value.length, domain: detach(value.slice(value.indexOf('@') + 1).toLowerCase()) });
  }
  return found;
}

// Seven or more digits in one run of digits and phone punctuation: anything shorter is not a phone number.
const PHONE_PREFILTER = /\d[\d\s().\-/]{5,}\d/;

function hasSevenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits === 7) return true;
  }
  return false;
}

/**
 * Phone numbers in free text, found by libphonenumber-js. Leniency "possible" (right length for the country)
 * rather than "valid": a number in a reserved or unknown range is still a phone number someone wrote down.
 */
export function findPhonesInText(text: string, defaultCountry: CountryCode): (Span & { country: string })[] {
  if (!hasSevenDigits(text) || !PHONE_PREFILTER.test(text)) return NONE;
  // `leniency` is supported at run time but missing from the package's types.
  const options = { defaultCountry, v2: true, leniency: 'POSSIBLE' } as { defaultCountry: CountryCode; v2: true };
  const matcher = new PhoneNumberMatcher(text, options);
  const found: (Span & { country: string })[] = [];
  while (matcher.hasNext()) {
    const m = matcher.next()!;
    found.push({ start: m.startsAt, end: m.endsAt, country: m.number.country ?? `+${m.number.countryCallingCode}` });
  }
  return found;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TERMS = new Map<string, { term: string; category: SpecialCategory }>();
for (const [category, terms] of Object.entries(SPECIAL_CATEGORY_TERMS) as [SpecialCategory, string[]][]) {
  for (const term of terms) TERMS.set(term, { term, category });
}
// Longest terms first, so "lgbtq+" wins over "lgbt". Whole words only ("Christiansen" is not "christian"): \b
// starts the match (V8 runs this form several times faster than a Unicode lookbehind) and the end is checked by hand.
const SPECIAL = new RegExp(`\\b(?:${[...TERMS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'gi');
const WORD_CHAR = /[\p{L}\p{N}+]/u;

export interface SpecialCategoryHint extends Span {
  category: SpecialCategory;
  term: string;
}

/** Hints of Art. 9/10 data, at most one per category and cell. */
export function findSpecialCategoryHints(text: string): SpecialCategoryHint[] {
  SPECIAL.lastIndex = 0;
  let m = SPECIAL.exec(text);
  if (!m) return NONE;
  const hints: SpecialCategoryHint[] = [];
  for (; m; m = SPECIAL.exec(text)) {
    const end = m.index + m[0].length;
    if (end < text.length && WORD_CHAR.test(text[end]!)) continue;
    // The lexicon's own string, not a slice of the cell.
    const { term, category } = TERMS.get(m[0].toLowerCase())!;
    if (!hints.some((h) => h.category === category)) hints.push({ category, term, start: m.index, end });
  }
  return hints;
}

/**
 * A cell a spreadsheet would run as a formula (CSV injection, OWASP): it starts with =, +, -, @, tab, CR or LF.
 */
export function isFormula(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 10;
}

const SOLE_TRADER = /\b(?:self[- ]?employed|freelancer?|sole trader|sole proprietor|independent consultant|contractor)\b/i;

/** Self-employed, freelance, sole trader: an individual subscriber under PECR, whatever their address. */
export function isSoleTrader(text: string): boolean {
  return SOLE_TRADER.test(text);
}
