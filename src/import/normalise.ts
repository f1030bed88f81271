// Normalised forms, kept beside the raw values: what dedupe, blind indexes and validity checks compare.
// Pure functions, no Node imports; the common shapes take a fast path so that a million rows stay cheap.

const ASCII = /^[\x20-\x7e]*$/;

/** Names and free text: trimmed, Unicode NFC (so "Zoë" typed two ways compares equal). */
export function normaliseText(raw: string): string {
  const t = raw.trim();
  return ASCII.test(t) ? t : t.normalize('NFC');
}

// Permissive on purpose: flags what cannot be an address, not every RFC 5322 corner.
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

export interface NormalisedEmail {
  value: string;
  valid: boolean;
  domain: string;
}

/** Lower-cased, trimmed, NFC; `valid` says whether it has the shape of an address. */
// The common all-ASCII shape, tested first because a Unicode-aware expression is several times slower.
const ASCII_EMAIL = /^[a-z0-9._%+'-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

export function normaliseEmail(raw: string): NormalisedEmail {
  const value = normaliseText(raw).toLowerCase();
  const valid = (ASCII_EMAIL.test(value) || EMAIL.test(value)) && !value.includes('..');
  return { value, valid, domain: valid ? value.slice(value.lastIndexOf('@') + 1) : '' };
}

// LinkedIn's own form, already canonical. A regular expression beats a character loop here: V8 reads the parser's
// sliced strings much faster natively than through charCodeAt.
const CANONICAL_LINKEDIN = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-]+$/;

/**
 * Canonical profile URL: percent-decoded (NFC), no query or fragment, lower-case host, no trailing slash. LinkedIn
 * hosts (uk.linkedin.com, linkedin.com) become www.linkedin.com over https, and the profile slug is lower-cased,
 * as LinkedIn treats it. Returns null when the value is not a URL.
 */
export function canonicalProfileUrl(raw: string): string | null {
  if (CANONICAL_LINKEDIN.test(raw)) return raw;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return null;
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed percent-escapes stay as they are.
  }
  path = path.normalize('NFC').replace(/\/+$/, '');
  const host = url.hostname.toLowerCase();
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return `https://www.linkedin.com${path.toLowerCase()}`;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${path}`;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
// LinkedIn's own spelling, looked up without allocating: "08 Feb 2023".
const EXACT_MONTHS = new Map(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [m, i + 1]));

const LINKEDIN_LAUNCH = 20030505;
const DMY = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateResult = { iso: string } | { error: string };

const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
};

/** Year, month and day of a `Connected On` value, or a sentence saying why it cannot be read. */
function readConnectedOn(raw: string): number | string {
  let y: number, m: number, d: number;
  // Fast path for LinkedIn's exact form; everything else goes through the regular expressions.
  if (raw.length === 11 && raw.charCodeAt(2) === 32 && raw.charCodeAt(6) === 32 && (m = EXACT_MONTHS.get(raw.slice(3, 6)) ?? 0) > 0) {
    d = digit(raw, 0) * 10 + digit(raw, 1);
    y = digit(raw, 7) * 1000 + digit(raw, 8) * 100 + digit(raw, 9) * 10 + digit(raw, 10);
    if (d < 0 || y < 0) return 'not a date in the form 08 Feb 2023';
  } else {
    const t = raw.trim();
    const dmy = DMY.exec(t);
    if (dmy) {
      d = Number(dmy[1]);
      m = MONTHS[dmy[2]!.toLowerCase()] ?? 0;
      y = Number(dmy[3]) + (dmy[3]!.length === 2 ? 2000 : 0);
    } else {
      const iso = ISO.exec(t);
      if (!iso) return /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(t) ? 'a numeric date: day and month order is ambiguous' : 'not a date in the form 08 Feb 2023';
      y = Number(iso[1]);
      m = Number(iso[2]);
      d = Number(iso[3]);
    }
    if (m < 1 || m > 12) return 'unknown month';
  }
  if (d < 1 || d > daysIn(y, m)) return 'no such day in that month';
  const ymd = y * 10000 + m * 100 + d;
  if (ymd < LINKEDIN_LAUNCH) return 'earlier than LinkedIn itself (launched 5 May 2003)';
  return ymd;
}

/** Why a `Connected On` value cannot be read, or null when it can (no allocation on the common path). */
export function connectedOnProblem(raw: string): string | null {
  const r = readConnectedOn(raw);
  return typeof r === 'string' ? r : null;
}

/**
 * `Connected On` as an ISO date. LinkedIn writes `08 Feb 2023`; Excel re-saves may give `8-Feb-23` or ISO.
 * Numeric day/month orders (`08/02/2023`) are refused as ambiguous rather than guessed.
 */
export function parseConnectedOn(raw: string): DateResult {
  const r = readConnectedOn(raw);
  if (typeof r === 'string') return { error: r };
  const s = String(r);
  return { iso: `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` };
}
