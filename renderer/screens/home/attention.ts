// What the home screen says needs attention, in words and dates, from home.summary: one item per thing to do, each
// naming the screen that resolves it when the member's roles may use that screen (mayCall), most urgent first. Pure.
import { SCREENS, mayCall, type ScreenId } from '../../lib/nav.js';
import { count, longDay } from '../../lib/format.js';
import type { Response } from '../../../src/api/contract.js';
import type { Role } from '../../../src/shared/vocabulary.js';

/** What needs attention, as far as the member's roles may see it (home.summary). */
export type HomeSummary = Response<'home.summary'>;

export interface AttentionItem {
  key: string;
  /** 'urgent': past a date the law or a policy sets; 'soon': within the next days. */
  tone: 'urgent' | 'soon';
  text: string;
  /** The screen that resolves it, and the link's words; null when the member's roles may not use that screen. */
  link: { screen: ScreenId; label: string } | null;
}

const isAre = (n: number) => (n === 1 ? 'is' : 'are');

/** A link to `screen` only if the member may use it (the screen's own channel admits one of their roles). */
function linkTo(screen: ScreenId, label: string, roles: readonly Role[]): AttentionItem['link'] {
  const info = SCREENS.find((s) => s.id === screen);
  return info && mayCall(info.channel, roles) ? { screen, label } : null;
}

export function attentionItems(s: HomeSummary, roles: readonly Role[]): AttentionItem[] {
  const out: AttentionItem[] = [];
  const retention = linkTo('retention', 'Open Retention', roles);
  const d = s.destruction;
  if (d) {
    if (d.overdue > 0) {
      out.push({ key: 'overdue', tone: 'urgent', text: `${count(d.overdue, 'contact')} ${isAre(d.overdue)} past their retention date and will be destroyed at the next run.`, link: retention });
    }
    if (d.overdueHeld > 0) {
      out.push({ key: 'held', tone: 'soon', text: `${count(d.overdueHeld, 'contact')} past their date ${isAre(d.overdueHeld)} kept by a legal hold. Lift the hold when it is no longer needed.`, link: retention });
    }
    if (d.next && d.dueSoon > 0) {
      const more = d.dueSoon > d.next.contacts ? ` (${count(d.dueSoon, 'contact')} in the next ${s.soonDays} days)` : '';
      out.push({ key: 'due-soon', tone: 'soon', text: `${count(d.next.contacts, 'contact')} ${isAre(d.next.contacts)} due for destruction on ${longDay(d.next.at)}${more}.`, link: retention });
    }
  }
  const q = s.quarantine;
  if (q && q.contacts > 0) {
    const next = q.next ? ` The next ${q.next.contacts === 1 ? 'goes' : `${q.next.contacts.toLocaleString('en-GB')} go`} on ${longDay(q.next.at)}.` : '';
    const overdue = q.overdue > 0 ? ` ${count(q.overdue, 'contact')} ${isAre(q.overdue)} past the ${q.days} days.` : '';
    out.push({
      key: 'quarantine',
      tone: q.overdue > 0 ? 'urgent' : 'soon',
      text: `${count(q.contacts, 'contact')} ${isAre(q.contacts)} in quarantine: in no group with a lawful basis, so destroyed ${q.days} days after import.${overdue}${next}`,
      link: linkTo('groups', 'Assign a lawful basis', roles),
    });
  }
  const n = s.notices;
  if (n) {
    const notices = linkTo('notices', 'Open Notices', roles);
    if (n.overdue > 0) out.push({ key: 'notices-overdue', tone: 'urgent', text: `${count(n.overdue, 'person', 'people')} ${isAre(n.overdue)} past the date for their Art. 14 privacy notice.`, link: notices });
    if (n.due > 0) {
      const by = n.nextDue ? `, the first by ${longDay(n.nextDue)}` : '';
      out.push({ key: 'notices-due', tone: 'soon', text: `${count(n.due, 'person', 'people')} still ${n.due === 1 ? 'needs' : 'need'} their Art. 14 privacy notice${by}.`, link: notices });
    }
    if (n.unconfirmed > 0) {
      out.push({ key: 'notices-unconfirmed', tone: 'soon', text: `${count(n.unconfirmed, 'notice')} carried over from a group record ${n.unconfirmed === 1 ? 'does' : 'do'} not count until a data owner confirms ${n.unconfirmed === 1 ? 'it' : 'them'}.`, link: notices });
    }
  }
  const l = s.liaReviews;
  if (l) {
    const groups = linkTo('groups', 'Review the assessment', roles);
    const lia = (x: number) => `The legitimate interests ${x === 1 ? 'assessment' : 'assessments'} of ${count(x, 'group')} ${isAre(x)}`;
    if (l.overdue > 0) out.push({ key: 'lia-overdue', tone: 'urgent', text: `${lia(l.overdue)} past ${l.overdue === 1 ? 'its' : 'their'} review date: marketing on it stops until it is reviewed.`, link: groups });
    if (l.dueSoon > 0) {
      const by = l.nextReview ? `, the first by ${longDay(l.nextReview)}` : '';
      out.push({ key: 'lia-soon', tone: 'soon', text: `${lia(l.dueSoon)} due for review within ${s.soonDays} days${by}.`, link: groups });
    }
  }
  return out.sort((a, b) => (a.tone === b.tone ? 0 : a.tone === 'urgent' ? -1 : 1));
}

/** The last destruction run in words, or null when the member may not see runs. */
export function lastRunText(s: HomeSummary, memberId: string): string | null {
  if (s.lastRun === undefined) return null;
  if (s.lastRun === null) return 'No destruction has run yet.';
  const r = s.lastRun;
  const by = r.by.kind === 'token' ? 'the unattended job (a destruction token)' : r.by.memberId === memberId ? 'you' : (r.by.name ?? 'a former member');
  return `The last destruction run was on ${longDay(r.at)} at ${r.at.slice(11, 16)} UTC, by ${by}: ${count(r.destroyed, 'contact')} destroyed.`;
}
