// Numbers in headlines that libphonenumber-js, at leniency POSSIBLE (right length, nothing more), takes for phone
// numbers: years, standards, versions, rankings, dates, amounts, registered numbers. Each rule reads the match's own
// text and the few characters around it, never a list of known strings, so "ISO 9001:2015" and "IEC 62443-3-3" fall
// to the same two rules. Strongest signal the other way: a number written in international form ("+44 …") is never
// filtered, and one with a national trunk "0" ("07700 …", "(020) …") only when it is a date or a label names it.

const SEPS = '\\s,;:|/\\-\\u2010-\\u2015'; // what may stand between two numbers written one after the other

/**
 * Where a new number starts right after another one, with only spaces or punctuation between ("since 2019 07700
 * 900123", "ISO 27001:2022 0161 496 0000"). libphonenumber reads the two as one over-long number and finds neither,
 * so each part is scanned on its own. A new number is "+" and a digit, or a trunk "0" with nine digits or more, unless
 * the number before is its own international prefix ("+44 020 7946 0958", "0044 20 …", "+44 (0)20 …").
 */
const NEXT_NUMBER = new RegExp(`(?<=\\d[${SEPS}]*\\s)(?:\\+\\d|\\(?0\\d(?:[\\s().\\-]*\\d){7})`, 'g');

export function numberStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(NEXT_NUMBER)) {
    let i = m.index;
    while (i > 0 && /[\d\s().\-/+]/.test(text[i - 1]!)) i--;
    const before = text.slice(i, m.index).trimStart();
    if (!before.startsWith('+') && !before.startsWith('00')) starts.push(m.index);
  }
  return starts;
}

// A label just before the number says what it is. Registered numbers may start with 0 ("Company no. 01234567"), so
// this label counts even against a trunk "0"; the other labels only against numbers that do not start with one.
const REGISTERED_BEFORE =
  /(?:\b(?:company|charity|registered|registration|reg|vat|crn|ein|tax|licen[cs]e|zip|post ?code|cep|plz|gmc|gphc|nmc|hcpc|gdc|goc|sra|icaew|acca|cima|duns|d-u-n-s|utr|ref|reference|invoice|inv|order|ticket|case|membership|pin)|\((?:eu|ec|eec)\)|\b(?:regulation|directive))\.?(?:\s*(?:no|nr|num|number|id|reg)\b)?[\s.:#-]*(?:[a-z]{2}[\s.:#-]*)?$/i;
// Standards bodies, in capitals as they are written, then the rest of a list of standards ("ISO 14001 & 45001",
// "ISO/IEC 27001:2022", "BS EN 1090-2", "NIST SP 800-53"). Capitals only: "en" and "bs" are words elsewhere.
const STANDARD_BEFORE = /\b(?:ISO|IEC|BS|EN|IEEE|RFC|NIST|SP|PCI|DSS|ANSI|DIN|ASTM|ETSI|IETF)(?:[\s:./&,+\-\u2010-\u2015\d]|\band\b)*$/;
// A version ("v2.3.1", "Release 2024.10.1") or a ranking ("Top 100 2023", "30 Under 30 2024").
const VERSION_OR_RANK_BEFORE = /\b(?:v|ver|version|release|rel|build|top|under)[\s.:#]*$/i;

// Dates: day, month and a four-digit year in either order, one separator throughout ("01/02/2023", "12.05.2021",
// "2023-05-01"). Nobody groups a phone number as 2-2-4 with a year for its last group, so a trunk "0" does not save
// it. A two-digit year is left alone: "21.12.34" is how the Faroes, Greenland or New Caledonia write a phone number.
const DATE = /^(?:\d{1,2}([./-])\d{1,2}\1(?:19|20)\d\d|(?:19|20)\d\d([./-])\d{1,2}\2\d{1,2})$/;
// Only years, ranges or lists of years ("2019-2023", "2019 – 2023", "1998/99", "2010 2015 2020"), maybe after a
// small count ("Top 100 2023", "30 Under 30 2024"): together they reach a phone number's length.
const YEARS = /^(?:[1-9]\d{0,2}\s+)?(?:19|20)\d\d(?:\s*[/\-\u2010-\u2015]\s*\d\d(?!\d)|[\s,&/\-\u2010-\u2015]+(?:19|20)\d\d)*$/;
// Versions and part numbers: dotted or dashed groups with a one-digit group after the first ("3.12.4", "4.0.1",
// "62443-3-3"), or a year then a short group ("2024.10.15"). Phone numbers are grouped in twos, threes and fours.
const VERSION = /^\d+(?:[.\-\u2010-\u2015]\d+)*[.\-\u2010-\u2015]\d(?:[.\-\u2010-\u2015]\d+)*$|^(?:19|20)\d\d\.\d{1,2}\./;
// A list of small numbers ("Java 8 / 11 / 17 / 21", "Levels 3, 4, 5 and 6"): versions or grades, never a phone.
const SMALL_LIST = /^\d{1,2}(?:\s*[/,&]\s*\d{1,2}){2,}$/;
// Thousands: groups of three after a first group of one to three digits, one separator throughout.
const THOUSANDS = /^[1-9]\d{0,2}([\s.,'])\d{3}(?:\1\d{3})*$/;
const CURRENCY_BEFORE = /(?:[£$€¥₹]|\b(?:GBP|USD|EUR|CHF))\s*$/;
const UNIT_AFTER =
  /^\s*(?:\+|(?:thousand|million|billion|users|followers|downloads|installs|customers|clients|members|subscribers|views|visitors|employees|people|students)\b)/i;
// A US ZIP+4 code after a state ("CA 94105-1234").
const ZIP4 = /^\d{5}-\d{4}$/;
const STATE_BEFORE = /\b[A-Z]{2},?\s+$/;
// A number glued to letters ("GB123456789", "v2024.10.1", "…1234567x") or cut out of a longer one ("27001:2022").
const LETTER_BEFORE = /\p{L}$/u;
const GLUED_AFTER = /^(?:\p{L}|[.:,]\d)/u;

export type NotAPhone = 'registered number' | 'date' | 'standard' | 'version or ranking' | 'years' | 'version' | 'amount' | 'postcode' | 'glued';

/** Why the number at [start, end) of `text` is not a phone number, or undefined if nothing says so. */
export function whyNotAPhone(text: string, start: number, end: number): NotAPhone | undefined {
  const raw = text.slice(start, end);
  if (/^\(?\+/.test(raw)) return undefined;
  const before = text.slice(Math.max(0, start - 40), start);
  if (REGISTERED_BEFORE.test(before)) return 'registered number';
  const shape = raw.replace(/[()]/g, '');
  if (DATE.test(shape)) return 'date';
  if (/^\(?0/.test(raw)) return undefined;
  if (STANDARD_BEFORE.test(before)) return 'standard';
  if (VERSION_OR_RANK_BEFORE.test(before)) return 'version or ranking';
  if (YEARS.test(shape)) return 'years';
  if (VERSION.test(shape) || SMALL_LIST.test(shape)) return 'version';
  const after = text.slice(end, end + 16);
  if (CURRENCY_BEFORE.test(before) || UNIT_AFTER.test(after)) return 'amount';
  const thousands = THOUSANDS.exec(shape);
  // Commas and apostrophes never group a phone number. Spaces and dots do ("612 345 678" in Spain, "21 234 567" in
  // Latvia), so there it takes round thousands ("1 250 000", "100 000") or a unit or currency (above).
  if (thousands && (',\''.includes(thousands[1]!) || shape.endsWith('000'))) return 'amount';
  if (ZIP4.test(shape) && STATE_BEFORE.test(before)) return 'postcode';
  if (LETTER_BEFORE.test(before) || GLUED_AFTER.test(after)) return 'glued';
  return undefined;
}
