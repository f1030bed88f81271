// `contact-sanitizer attention`: what needs attention in the vault, in sentences, as the desktop's home screen shows
// it; each part only for a member whose roles may see it (home.summary).
import type { Command } from 'commander';
import type { Response } from '../api/contract.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

type Summary = Response<'home.summary'>;

const n = (x: number, noun: string, plural = `${noun}s`) => `${x.toLocaleString('en-GB')} ${x === 1 ? noun : plural}`;
const isAre = (x: number) => (x === 1 ? 'is' : 'are');
const day = (iso: string) => iso.slice(0, 10);

/** One sentence per thing that needs attention, most urgent first; empty when nothing does. */
export function attentionSentences(s: Summary): string[] {
  const out: string[] = [];
  const d = s.destruction;
  if (d) {
    if (d.overdue > 0) out.push(`${n(d.overdue, 'contact')} ${isAre(d.overdue)} past their date and will be destroyed at the next run (purge --due).`);
    if (d.overdueHeld > 0) out.push(`${n(d.overdueHeld, 'contact')} past their date ${isAre(d.overdueHeld)} kept by a legal hold.`);
    if (d.next && d.dueSoon > 0) {
      out.push(`${n(d.next.contacts, 'contact')} ${isAre(d.next.contacts)} due for destruction on ${day(d.next.at)}; ${n(d.dueSoon, 'contact')} in the next ${s.soonDays} days.`);
    }
  }
  const q = s.quarantine;
  if (q && q.contacts > 0) {
    const next = q.next ? `; the next ${q.next.contacts === 1 ? 'goes' : `${q.next.contacts.toLocaleString('en-GB')} go`} on ${day(q.next.at)}` : '';
    out.push(`${n(q.contacts, 'contact')} ${isAre(q.contacts)} quarantined (no lawful basis; kept ${q.days} days)${next}.`);
  }
  const t = s.notices;
  if (t) {
    if (t.overdue > 0) out.push(`${n(t.overdue, 'person', 'people')} ${isAre(t.overdue)} overdue their Art. 14 notice.`);
    if (t.due > 0) out.push(`${n(t.due, 'person', 'people')} still ${t.due === 1 ? 'needs' : 'need'} their Art. 14 notice${t.nextDue ? `, the first by ${t.nextDue}` : ''}.`);
    if (t.unconfirmed > 0) out.push(`${n(t.unconfirmed, 'carried-over notice')} ${t.unconfirmed === 1 ? 'waits' : 'wait'} for a data owner to confirm ${t.unconfirmed === 1 ? 'it' : 'them'} (notice confirm).`);
  }
  const l = s.liaReviews;
  if (l) {
    const lia = (x: number) => `The legitimate interests ${x === 1 ? 'assessment' : 'assessments'} of ${n(x, 'group')} ${isAre(x)}`;
    if (l.overdue > 0) out.push(`${lia(l.overdue)} past ${l.overdue === 1 ? 'its' : 'their'} review date.`);
    if (l.dueSoon > 0) out.push(`${lia(l.dueSoon)} due for review within ${s.soonDays} days${l.nextReview ? `, the first by ${l.nextReview}` : ''}.`);
  }
  return out;
}

/** The last destruction run in one sentence, or null when the member may not see it. */
export function lastRunSentence(s: Summary): string | null {
  if (s.lastRun === undefined) return null;
  if (s.lastRun === null) return 'No destruction has run yet.';
  const r = s.lastRun;
  const by = r.by.kind === 'member' ? `member ${r.by.name ?? r.by.memberId}` : `destruction token ${r.by.tokenId}`;
  return `The last destruction run was on ${day(r.at)} by ${by}: ${n(r.destroyed, 'contact')} destroyed${r.certificateId ? ` (certificate ${r.certificateId})` : ''}.`;
}

export function registerAttention(program: Command): void {
  command(program, 'attention', ['home.summary'])
    .description('Say what needs attention: destruction due, quarantine, Art. 14 notices, LIA reviews, the last destruction run (as far as your roles may see).')
    .action(async (opts: VaultOptions) => {
      const summary = await withVault(opts, (call) => call('home.summary', {}));
      await print(opts, summary, () => {
        const items = attentionSentences(summary);
        const last = lastRunSentence(summary);
        return [...(items.length > 0 ? items : ['Nothing needs your attention.']), ...(last ? [last] : [])].join('\n');
      });
    });
}
