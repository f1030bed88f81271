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
export function normaliseEmail(raw: string): NormalisedEmail {
  const value = normaliseText(raw).toLowerCase();
  const valid = EMAIL.test(value) && !value.includes('..');
  return { value, valid, domain: valid ? value.slice(value.lastIndexOf('@') + 1) : '' };
}

const CANONICAL_LINKEDIN = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-]+$/;

/**
 * Canonical profile URL: percent-decoded (NFC), no query or fragment, lower-case host, no trailing slash. LinkedIn
 * hosts (uk.linkedin.com, linkedin.com) become www.linkedin.com over https, and the profile slug is lower-cased,
 * as LinkedIn treats it. Returns null when the value is not a URL.
 */
export function canonicalProfileUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (CANONICAL_LINKEDIN.test(trimmed)) return trimmed;
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

const LINKEDIN_LAUNCH = '2003-05-05';
const DMY = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateResult = { iso: string } | { error: string };

/**
 * `Connected On` as an ISO date. LinkedIn writes `08 Feb 2023`; Excel re-saves may give `8-Feb-23` or ISO.
 * Numeric day/month orders (`08/02/2023`) are refused as ambiguous rather than guessed.
 */
export function parseConnectedOn(raw: string): DateResult {
  const t = raw.trim();
  let y: number, m: number, d: number;
  const dmy = DMY.exec(t);
  if (dmy) {
    d = Number(dmy[1]);
    m = MONTHS[dmy[2]!.toLowerCase()] ?? 0;
    y = Number(dmy[3]);
    if (dmy[3]!.length === 2) y += 2000;
  } else {
    const iso = ISO.exec(t);
    if (!iso) {
      return { error: /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(t) ? 'a numeric date: day and month order is ambiguous' : 'not a date in the form 08 Feb 2023' };
    }
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  }
  if (m < 1 || m > 12) return { error: 'unknown month' };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return { error: 'no such day in that month' };
  const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  if (iso < LINKEDIN_LAUNCH) return { error: 'earlier than LinkedIn itself (launched 5 May 2003)' };
  return { iso };
}
