// What the home screen says needs attention, in words and dates, from home.summary: one item per thing to do (the
// same people never in two items), each linking to the screen that resolves it, or, when the member's roles may not
// use that one (mayCall), to the nearest screen they may use; most urgent first. Pure.
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
  /** The screen that resolves it, and the link's words; null only when the member's roles may use no screen about it. */
  link: { screen: ScreenId; label: string } | null;
}

const isAre = (n: number) => (n === 1 ? 'is' : 'are');

/** A link to `screen` only if the member may use it (the screen's own channel admits one of their roles). */
function linkTo(screen: ScreenId, label: string, roles: readonly Role[]): AttentionItem['link'] {
  const info = SCREENS.find((s) => s.id === screen);
  return info && mayCall(info.channel, roles) ? { screen, label } : null;
}

/** The first link the member may follow, in order of where the item is best acted on. */
const firstLink = (...links: AttentionItem['link'][]): AttentionItem['link'] => links.find((l) => l !== null) ?? null;

export function attentionItems(s: HomeSummary, roles: readonly Role[]): AttentionItem[] {
  const out: AttentionItem[] = [];
  // Every item links to where it is acted on; a member who may not open that screen is sent where they can see who.
  const contacts = linkTo('contacts', 'See the contacts', roles);
  const retention = firstLink(linkTo('retention', 'Open Retention', roles), contacts);
  const assignBasis = linkTo('groups', 'Assign a lawful basis', roles);
  const d = s.destruction;
  const q = s.quarantine;
  // The quarantined contacts past their date (not held) are among those destruction takes at the next run (home.ts
  // counts both with the same test): said once, in the destruction item, never twice.
  const quarantineOverdue = d && q ? q.overdue : 0;
  if (d) {
    if (d.overdue > 0) {
      const inQuarantine = quarantineOverdue;
      const text =
        inQuarantine === 0
          ? `${count(d.overdue, 'contact')} ${isAre(d.overdue)} past their retention date and will be destroyed at the next run.`
          : inQuarantine === d.overdue
            ? `${count(d.overdue, 'contact')} ${isAre(d.overdue)} past the ${q!.days}-day quarantine (in no group with a lawful basis) and will be destroyed at the next run.`
            : `${count(d.overdue, 'contact')} will be destroyed at the next run: ${(d.overdue - inQuarantine).toLocaleString('en-GB')} past their retention date and ${inQuarantine.toLocaleString('en-GB')} past the ${q!.days}-day quarantine (in no group with a lawful basis).`;
      // A data owner cannot run destruction, but can still give the quarantined a lawful basis first.
      out.push({ key: 'overdue', tone: 'urgent', text, link: firstLink(linkTo('retention', 'Open Retention', roles), inQuarantine > 0 ? assignBasis : null, contacts) });
    }
    if (d.overdueHeld > 0) {
      out.push({ key: 'held', tone: 'soon', text: `${count(d.overdueHeld, 'contact')} past their date ${isAre(d.overdueHeld)} kept by a legal hold. Lift the hold when it is no longer needed.`, link: retention });
    }
    if (d.next && d.dueSoon > 0) {
      const more = d.dueSoon > d.next.contacts ? ` (${count(d.dueSoon, 'contact')} in the next ${s.soonDays} days)` : '';
      out.push({ key: 'due-soon', tone: 'soon', text: `${count(d.next.contacts, 'contact')} ${isAre(d.next.contacts)} due for destruction on ${longDay(d.next.at)}${more}.`, link: retention });
    }
  }
  // The rest of the quarantine: those past its end are in the destruction item above.
  const waiting = q ? q.contacts - quarantineOverdue : 0;
  if (q && waiting > 0) {
    // The quarantine's next day is the destruction's next day when nothing else falls due first: said so, not as news.
    const sameAsDue = d?.next && q.next && d.next.at.slice(0, 10) === q.next.at.slice(0, 10) && d.dueSoon > 0;
    const next = q.next
      ? ` The next ${q.next.contacts === 1 ? 'goes' : `${q.next.contacts.toLocaleString('en-GB')} go`} on ${longDay(q.next.at)}${sameAsDue ? ' (among those due then, above)' : ''}.`
      : '';
    const overdue = !d && q.overdue > 0 ? ` ${count(q.overdue, 'contact')} ${isAre(q.overdue)} past the ${q.days} days.` : '';
    const more = quarantineOverdue > 0 ? ' more' : '';
    out.push({
      key: 'quarantine',
      tone: !d && q.overdue > 0 ? 'urgent' : 'soon',
      text: `${waiting.toLocaleString('en-GB')}${more} ${waiting === 1 ? 'contact is' : 'contacts are'} in quarantine: in no group with a lawful basis, so destroyed ${q.days} days after import.${overdue}${next}`,
      link: firstLink(assignBasis, retention),
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
    // Only a data owner reviews an assessment: a member who may not sees who can.
    const groups = firstLink(linkTo('groups', 'Review the assessment', roles), linkTo('members', 'See who the data owners are', roles));
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
