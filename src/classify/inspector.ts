// Looks at each record once as it streams past: fills column counts, and collects the findings of its cells and
// of the record as a whole (empty, duplicate). Holds no record after it has looked at it.
import type { CountryCode } from 'libphonenumber-js';
import type { ColumnBinding, FieldRole } from '../import/formats.js';
import { canonicalProfileUrl, normaliseEmail, normaliseText, parseConnectedOn } from '../import/normalise.js';
import type { RawRecord, RecordError } from '../import/records.js';
import {
  findEmailsInText,
  findPhonesInText,
  findSpecialCategoryHints,
  isFormula,
  isSoleTrader,
} from './cell-scanners.js';
import { DuplicateIndex } from './duplicate-index.js';
import { mailboxKind } from './free-mail.js';
import type { Finding, FindingKind } from './findings.js';
import { SPECIAL_CATEGORY_LABELS } from './special-category-lexicon.js';

export interface InspectorOptions {
  /** Country assumed for phone numbers written without +country code. */
  defaultCountry: CountryCode;
}

export interface InspectionResult {
  records: number;
  filled: number[];
  findings: Finding[];
  errors: RecordError[];
  contactsWithEmail: number;
}

const FREE_TEXT: ReadonlySet<FieldRole> = new Set(['first-name', 'last-name', 'other-name', 'company', 'position', 'location', 'unknown']);
const SPECIAL_TEXT: ReadonlySet<FieldRole> = new Set(['company', 'position', 'unknown']);
const IDENTITY: ReadonlySet<FieldRole> = new Set(['first-name', 'last-name', 'other-name', 'profile-url', 'email', 'company', 'position', 'phone']);

const personalDetail = new Map<string, string>();
const corporateDetail = new Map<string, string>();

function mailboxFinding(line: number, column: string, domain: string, span?: { start: number; end: number }): Finding {
  const kind = mailboxKind(domain);
  let detail: string;
  if (kind === 'personal') {
    detail = personalDetail.get(domain) ?? `${domain} is a free-mail domain: an individual subscriber under PECR reg. 22, so email marketing needs their consent`;
    personalDetail.set(domain, detail);
  } else {
    detail = corporateDetail.get(domain) ?? `work address at ${domain}: a corporate subscriber under PECR; still personal data under GDPR`;
    corporateDetail.set(domain, detail);
  }
  return { line, column, kind: kind === 'personal' ? 'personal-mailbox' : 'corporate-mailbox', detail, ...span };
}

export class Inspector {
  private records = 0;
  private readonly filled: number[];
  private readonly findings: Finding[] = [];
  private readonly errors: RecordError[] = [];
  private readonly duplicates = new DuplicateIndex();
  private contactsWithEmail = 0;

  constructor(
    private readonly columns: ColumnBinding[],
    private readonly options: InspectorOptions,
  ) {
    this.filled = columns.map(() => 0);
  }

  error(error: RecordError): void {
    this.errors.push(error);
  }

  record(record: RawRecord): void {
    this.records++;
    const { line, cells } = record;
    const findings = this.findings;
    let identity = false;
    let hasEmail = false;
    let url: string | null = null;
    let email: string | null = null;
    let first = '';
    let last = '';
    let company = '';
    let soleTrader: string | null = null;
    for (const col of this.columns) {
      const raw = cells[col.index]!;
      if (raw === '') continue;
      if (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) {
        if (raw.trim() === '') continue;
      }
      this.filled[col.index]!++;
      const role = col.role;
      const column = col.header;
      if (IDENTITY.has(role)) identity = true;
      if (isFormula(raw)) findings.push({ line, column, kind: 'formula', detail: `starts with ${describeTrigger(raw)}: a spreadsheet would run it as a formula` });
      switch (role) {
        case 'email':
          for (const part of raw.includes(',') || raw.includes(';') ? raw.split(/[,;]/) : [raw]) {
            const e = normaliseEmail(part);
            if (!e.value) continue;
            if (!e.valid) {
              findings.push({ line, column, kind: 'invalid-email', detail: 'not a well-formed email address' });
              continue;
            }
            hasEmail = true;
            email ??= e.value;
            findings.push(mailboxFinding(line, column, e.domain));
          }
          break;
        case 'profile-url':
          url = canonicalProfileUrl(raw);
          if (url === null) findings.push({ line, column, kind: 'invalid-url', detail: 'not a web address' });
          break;
        case 'connected-on': {
          const d = parseConnectedOn(raw);
          if ('error' in d) findings.push({ line, column, kind: 'invalid-date', detail: d.error });
          break;
        }
        case 'first-name':
          first = raw;
          break;
        case 'last-name':
          last = raw;
          break;
        case 'company':
          company = raw;
          break;
      }
      if (soleTrader === null && (role === 'company' || role === 'position') && isSoleTrader(raw)) soleTrader = column;
      if (FREE_TEXT.has(role)) hasEmail = this.scanFreeText(line, column, role, raw) || hasEmail;
    }
    if (hasEmail) this.contactsWithEmail++;
    if (soleTrader !== null) {
      findings.push({ line, column: soleTrader, kind: 'sole-trader', detail: 'self-employed or sole trader: an individual subscriber under PECR, so email marketing needs consent' });
    }
    if (!identity) {
      findings.push({ line, column: null, kind: 'empty-record', detail: 'no name, profile, email, company or position: nothing to keep' });
      return;
    }
    const key = url
      ? `u:${url}`
      : email
        ? `e:${email}`
        : first || last
          ? `n:${normaliseText(first).toLowerCase()}\u0000${normaliseText(last).toLowerCase()}\u0000${normaliseText(company).toLowerCase()}`
          : null;
    if (key) {
      const seen = this.duplicates.firstSeen(key, line);
      if (seen) {
        const by = key[0] === 'u' ? 'profile URL' : key[0] === 'e' ? 'email address' : 'name and company';
        findings.push({ line, column: null, kind: 'duplicate', detail: `same ${by} as the record on line ${seen}` });
      }
    }
  }

  /** Emails, phone numbers and special-category hints inside free text. Returns whether an email was found. */
  private scanFreeText(line: number, column: string, role: FieldRole, raw: string): boolean {
    const findings = this.findings;
    const emails = findEmailsInText(raw);
    for (const e of emails) {
      const span = { start: e.start, end: e.end };
      findings.push({ line, column, kind: 'email-address', detail: `an email address inside ${column}`, ...span });
      findings.push(mailboxFinding(line, column, e.domain, span));
    }
    for (const p of findPhonesInText(raw, this.options.defaultCountry)) {
      if (emails.some((e) => p.start < e.end && e.start < p.end)) continue;
      findings.push({ line, column, kind: 'phone-number', detail: `a phone number (${p.country}) inside ${column}`, start: p.start, end: p.end });
    }
    if (SPECIAL_TEXT.has(role)) {
      for (const h of findSpecialCategoryHints(raw)) {
        findings.push({
          line,
          column,
          kind: 'special-category',
          category: h.category,
          detail: `"${h.term}" may reveal ${SPECIAL_CATEGORY_LABELS[h.category]}: for a person to review`,
          start: h.start,
          end: h.end,
        });
      }
    }
    return emails.length > 0;
  }

  finish(): InspectionResult {
    return {
      records: this.records,
      filled: this.filled,
      findings: this.findings,
      errors: this.errors,
      contactsWithEmail: this.contactsWithEmail,
    };
  }
}

function describeTrigger(raw: string): string {
  const c = raw[0];
  return c === '\t' ? 'a tab' : c === '\r' || c === '\n' ? 'a line break' : `"${c}"`;
}

export type { FindingKind };
