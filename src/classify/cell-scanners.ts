// What hides inside one cell: addresses and numbers in free text, spreadsheet formulas, sole traders. Special-category
// hints have a directory of their own (src/classify/special-category/).
// Each scanner has a cheap pre-filter so that a million ordinary cells cost almost nothing.
import { PhoneNumberMatcher, type CountryCode } from 'libphonenumber-js';
import { numberStarts, whyNotAPhone } from './not-a-phone.js';

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
 * rather than "valid": a number in a reserved or unknown range is still a phone number someone wrote down. Numbers
 * that merely have a phone number's length (years, standards, versions, dates, amounts) are dropped: not-a-phone.ts.
 */
export function findPhonesInText(text: string, defaultCountry: CountryCode): (Span & { country: string })[] {
  if (!hasSevenDigits(text) || !PHONE_PREFILTER.test(text)) return NONE;
  // `leniency` is supported at run time but missing from the package's types.
  const options = { defaultCountry, v2: true, leniency: 'POSSIBLE' } as { defaultCountry: CountryCode; v2: true };
  const found: (Span & { country: string })[] = [];
  // Each part on its own where one number follows another ("since 2019 07700 900123"); see not-a-phone.ts.
  const starts = numberStarts(text);
  for (let part = 0; part <= starts.length; part++) {
    const from = part === 0 ? 0 : starts[part - 1]!;
    const to = part === starts.length ? text.length : starts[part]!;
    const matcher = new PhoneNumberMatcher(to - from === text.length ? text : text.slice(from, to), options);
    while (matcher.hasNext()) {
      const m = matcher.next()!;
      let start = from + m.startsAt;
      const end = from + m.endsAt;
      // libphonenumber takes an opening bracket along even when the number closes none: "CTO (07700 900123)".
      if (text[start] === '(' && !text.slice(start, end).includes(')')) start++;
      // Years, standards, versions, dates, amounts and registered numbers have a phone number's length.
      if (whyNotAPhone(text, start, end) !== undefined) continue;
      found.push({ start, end, country: m.number.country ?? `+${m.number.countryCallingCode}` });
    }
  }
  return found;
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
