// Looks at each record once as it streams past: fills column counts, and collects the findings of its cells and
// of the record as a whole (empty, duplicate). Holds no record after it has looked at it.
import type { CountryCode } from 'libphonenumber-js';
import type { ColumnBinding, FieldRole } from '../import/formats.js';
import { canonicalProfileUrl, connectedOnProblem, normaliseEmail, normaliseText } from '../import/normalise.js';
import type { RawRecord, RecordError } from '../import/records.js';
import { detach, isFormula } from './cell-scanners.js';
import { DuplicateIndex, type Duplicate } from './duplicate-index.js';
import { mailboxKind } from './free-mail.js';
import type { Finding } from './findings.js';
import { SPECIAL_CATEGORY_LABELS } from './special-category/categories.js';
import { TextScanCache, type TextScan } from './text-scan.js';

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


/** What to do with one column, decided once from its role rather than for every cell. */
interface ColumnPlan {
  index: number;
  header: string;
  role: FieldRole;
  /** Free text: look for emails and phone numbers in it. */
  free: boolean;
  /** Also look for special-category hints and sole traders. */
  special: boolean;
  /** Filled, it makes the record about someone (not an empty record). */
  identity: boolean;
}

const FREE_TEXT: ReadonlySet<FieldRole> = new Set(['first-name', 'last-name', 'other-name', 'company', 'position', 'location', 'unknown']);
const SPECIAL_TEXT: ReadonlySet<FieldRole> = new Set(['company', 'position', 'unknown']);
const IDENTITY: ReadonlySet<FieldRole> = new Set(['first-name', 'last-name', 'other-name', 'profile-url', 'email', 'company', 'position', 'phone']);

const PROFILE_PREFIX = 'https://www.linkedin.com/in/';
const MAYBE_CONTACT = /[@\d]/;
const SOLE_TRADER_DETAIL = 'self-employed or sole trader: an individual subscriber under PECR, so email marketing needs consent or the soft opt-in (PECR reg. 22(3))';
const EMPTY_DETAIL = 'no name, profile, email, company or position: nothing to keep';

/** Domain-specific sentences, made once per domain and shared by every finding that needs them. */
class MailboxDetails {
  private readonly personal = new Map<string, string>();
  private readonly corporate = new Map<string, string>();

  finding(line: number, column: string, domain: string, span?: { start: number; end: number }): Finding {
    const personal = mailboxKind(domain) === 'personal';
    const cache = personal ? this.personal : this.corporate;
    let detail = cache.get(domain);
    if (detail === undefined) {
      domain = detach(domain);
      detail = personal
        ? `${domain} is a free-mail domain: an individual subscriber under PECR reg. 22, so email marketing needs their consent or the soft opt-in (PECR reg. 22(3))`
        : `work address at ${domain}: suggests a corporate subscriber under PECR, but sole traders and (outside Scotland) partnerships are individual subscribers, so confirm the person’s type before marketing to them. Still personal data under GDPR`;
      cache.set(domain, detail);
    }
    return { line, column, kind: personal ? 'personal-mailbox' : 'corporate-mailbox', detail, ...span };
  }
}

export class Inspector {
  private records = 0;
  private readonly plans: ColumnPlan[];
  private readonly filled: number[];
  private readonly findings: Finding[] = [];
  private readonly errors: RecordError[] = [];
  private readonly duplicates = new DuplicateIndex();
  private readonly scans: TextScanCache;
  private readonly mailboxes = new MailboxDetails();
  private contactsWithEmail = 0;

  constructor(columns: ColumnBinding[], options: InspectorOptions) {
    this.plans = columns.map((c) => ({
      index: c.index,
      header: c.header,
      role: c.role,
      free: FREE_TEXT.has(c.role),
      special: SPECIAL_TEXT.has(c.role),
      identity: IDENTITY.has(c.role),
    }));
    this.filled = columns.map(() => 0);
    this.scans = new TextScanCache(options.defaultCountry);
  }

  error(error: RecordError): void {
    this.errors.push(error);
  }

  /** Look at one record and return its own findings (duplicates aside), without keeping them. */
  recordFindings(record: RawRecord): Finding[] {
    const start = this.findings.length;
    this.record(record);
    return this.findings.splice(start);
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
    for (let p = 0; p < this.plans.length; p++) {
      const plan = this.plans[p]!;
      const raw = cells[plan.index]!;
      if (raw.length === 0 || ((raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) && raw.trim() === '')) continue;
      this.filled[plan.index]!++;
      const column = plan.header;
      if (plan.identity) identity = true;
      if (isFormula(raw)) findings.push({ line, column, kind: 'formula', detail: `starts with ${describeTrigger(raw)}: a spreadsheet would run it as a formula` });
      switch (plan.role) {
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
            findings.push(this.mailboxes.finding(line, column, e.domain));
          }
          break;
        case 'profile-url':
          url = canonicalProfileUrl(raw);
          if (url === null) findings.push({ line, column, kind: 'invalid-url', detail: 'not a web address' });
          break;
        case 'connected-on': {
          const problem = connectedOnProblem(raw);
          if (problem !== null) findings.push({ line, column, kind: 'invalid-date', detail: problem });
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
      // A name with neither "@" nor a digit can hold neither an email address nor a phone number.
      if (plan.free && (plan.special || MAYBE_CONTACT.test(raw))) {
        const scan = this.scans.scan(raw, plan.special);
        if (scan.emails.length > 0) hasEmail = true;
        if (scan.soleTrader && soleTrader === null) soleTrader = column;
        this.report(line, column, scan);
      }
    }
    if (hasEmail) this.contactsWithEmail++;
    if (soleTrader !== null) findings.push({ line, column: soleTrader, kind: 'sole-trader', detail: SOLE_TRADER_DETAIL });
    if (!identity) {
      findings.push({ line, column: null, kind: 'empty-record', detail: EMPTY_DETAIL });
      return;
    }
    this.noteIdentity(line, url, email, first, last, company);
  }

  /** Note who this is, to find the same person again: by canonical profile URL, else email, else name and company. */
  private noteIdentity(line: number, url: string | null, email: string | null, first: string, last: string, company: string): void {
    if (url) this.duplicates.add(line, 1, url, url.startsWith(PROFILE_PREFIX) ? PROFILE_PREFIX.length : 0);
    else if (email) this.duplicates.add(line, 2, email);
    else if (first || last) {
      const fold = (s: string) => normaliseText(s).toLowerCase();
      this.duplicates.add(line, 3, fold(first), 0, fold(last), fold(company));
    }
  }

  private report(line: number, column: string, scan: TextScan): void {
    const findings = this.findings;
    for (const e of scan.emails) {
      const span = { start: e.start, end: e.end };
      findings.push({ line, column, kind: 'email-address', detail: `an email address inside ${column}`, ...span });
      findings.push(this.mailboxes.finding(line, column, e.domain, span));
    }
    for (const p of scan.phones) {
      findings.push({ line, column, kind: 'phone-number', detail: `a phone number (${p.country}) inside ${column}`, start: p.start, end: p.end });
    }
    // One finding per category and cell: a second clause about the same faith adds nothing for a reviewer.
    const reported = new Set<string>();
    for (const h of scan.hints) {
      if (reported.has(h.category)) continue;
      reported.add(h.category);
      findings.push({
        line,
        column,
        kind: 'special-category',
        category: h.category,
        detail: `${h.reason}: may reveal ${SPECIAL_CATEGORY_LABELS[h.category]}; for a person to review`,
        start: h.start,
        end: h.end,
      });
    }
  }

  finish(): InspectionResult {
    return {
      records: this.records,
      filled: this.filled,
      findings: withDuplicates(this.findings, this.duplicates.duplicates()),
      errors: this.errors,
      contactsWithEmail: this.contactsWithEmail,
    };
  }
}

const DUPLICATE_BY = ['', 'profile URL', 'email address', 'name and company'];

/** Merge the duplicates (found at the end) into the findings, each after the other findings of its record. */
function withDuplicates(findings: Finding[], duplicates: Duplicate[]): Finding[] {
  if (duplicates.length === 0) return findings;
  const merged: Finding[] = [];
  let d = 0;
  const flush = (beforeLine: number) => {
    for (; d < duplicates.length && duplicates[d]!.line < beforeLine; d++) {
      const { line, first, kind } = duplicates[d]!;
      merged.push({ line, column: null, kind: 'duplicate', detail: `same ${DUPLICATE_BY[kind]} as the record on line ${first}` });
    }
  };
  for (const f of findings) {
    flush(f.line);
    merged.push(f);
  }
  flush(Infinity);
  return merged;
}

function describeTrigger(raw: string): string {
  const c = raw[0];
  return c === '\t' ? 'a tab' : c === '\r' || c === '\n' ? 'a line break' : `"${c}"`;
}
