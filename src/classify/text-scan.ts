// Everything the scanners find in one free-text value, computed once per distinct value: job titles and company
// names repeat across an export ("Software Engineer", a large employer), so a bounded memo turns most cells into a
// single lookup.
import type { CountryCode } from 'libphonenumber-js';
import {
  detach,
  findEmailsInText,
  findPhonesInText,
  isSoleTrader,
  type Span,
} from './cell-scanners.js';
import { findSpecialCategoryHints, type SpecialCategoryHint } from './special-category/detect.js';

export interface TextScan {
  emails: (Span & { domain: string })[];
  phones: (Span & { country: string })[];
  hints: SpecialCategoryHint[];
  soleTrader: boolean;
}

const NOTHING: TextScan = Object.freeze({ emails: [], phones: [], hints: [], soleTrader: false }) as TextScan;

/** Scan one value. `special`: also look for Art. 9/10 hints and sole traders (company and position columns). */
export function scanText(text: string, special: boolean, country: CountryCode): TextScan {
  const emails = findEmailsInText(text);
  let phones = findPhonesInText(text, country);
  // A phone number inside an email address ("john.smith1234567@…") is part of the address.
  if (phones.length > 0 && emails.length > 0) phones = phones.filter((p) => !emails.some((e) => p.start < e.end && e.start < p.end));
  const hints = special ? findSpecialCategoryHints(text) : NOTHING.hints;
  const soleTrader = special && isSoleTrader(text);
  return emails.length || phones.length || hints.length || soleTrader ? { emails, phones, hints, soleTrader } : NOTHING;
}

const MAX_ENTRIES = 100_000;
const MAX_KEY_CHARS = 200;

export class TextScanCache {
  private readonly memo = new Map<string, TextScan>();

  constructor(private readonly country: CountryCode) {}

  scan(text: string, special: boolean): TextScan {
    if (!special || text.length > MAX_KEY_CHARS) return scanText(text, special, this.country);
    let result = this.memo.get(text);
    if (result === undefined) {
      result = scanText(text, special, this.country);
      // Keep a copy of the key: the parser's strings are slices of a whole chunk, which they would keep alive.
      if (this.memo.size < MAX_ENTRIES) this.memo.set(detach(text), result);
    }
    return result;
  }
}
