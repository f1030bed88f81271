// Small sentences the People's requests parts say: how a suppression entry recognises a person, whether a consent
// counts, and line numbers of a consent file. Pure.
import type { Response } from '../../../src/api/contract.js';
import { day } from '../../lib/format.js';
import { CONSENT_METHOD_LABELS } from '../../lib/labels-requests.js';

type Entry = Response<'suppression.list'>[number];
type Consent = Response<'consent.list'>[number];

/** How an entry recognises the person, in words. */
export function matchedBy(e: Pick<Entry, 'byEmail' | 'byProfileUrl' | 'byName'>): string {
  const ways = [e.byEmail ? 'email' : null, e.byProfileUrl ? 'profile URL' : null, e.byName ? 'name and company' : null].filter((w): w is string => w !== null);
  return ways.length === 0 ? 'not recorded' : ways.join(', ');
}

/** Whether the record counts, in words. */
export function consentState(c: Pick<Consent, 'withdrawnAt' | 'withdrawalMethod' | 'carriedOver' | 'confirmed'>): string {
  if (c.withdrawnAt) return `Withdrawn on ${day(c.withdrawnAt)}${c.withdrawalMethod ? ` (${CONSENT_METHOD_LABELS[c.withdrawalMethod].toLowerCase()})` : ''}`;
  if (c.carriedOver && !c.confirmed) return 'Carried over from a group record: not relied on until confirmed';
  return 'In force';
}

/** Line numbers in words: 'lines 4, 7 and 9'; the first 20, then how many more. */
export function linesText(lines: readonly number[]): string {
  if (lines.length === 0) return 'none';
  const head = lines.slice(0, 20);
  const more = lines.length - head.length;
  const list = head.length === 1 ? `line ${head[0]}` : `lines ${head.slice(0, -1).join(', ')} and ${head[head.length - 1]}`;
  return more > 0 ? `${list}, and ${more} more` : list;
}
