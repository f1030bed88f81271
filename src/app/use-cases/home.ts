// What needs attention in the vault, for the home screen and `contact-sanitizer attention`: contacts due for
// destruction, quarantine, Art. 14 notices, LIA reviews and the last destruction run. Counts and dates only, never a
// person; each part only for a member whose roles may call the channel it summarises (src/api/access.ts), so the
// home screen shows nobody more than their own screens would. Counts are taken in SQL, or one row at a time, never by
// holding every contact. Warnings are left out on purpose: a guardrail's warning is acknowledged when a basis is
// saved (policy.assign refuses it otherwise), so the vault keeps no unacknowledged ones.
import { rolesFor, type Channel, type Response } from '../../api/contract.js';
import { addDays, dayOf } from '../../policy/dates.js';
import { liaStanding } from '../../policy/lia.js';
import { findMember } from '../../vault/members.js';
import { quarantineDays } from '../../vault/meta.js';
import type { Session } from '../../vault/session.js';
import { untoldStates } from './notices.js';

export type HomeSummary = Response<'home.summary'>;

/** "Soon": within this many days. */
export const SOON_DAYS = 30;

const DAY_MS = 86_400_000;

/** Under a legal hold in force, or not: the same test destruction applies (src/vault/destruction.ts). */
const HELD = 'EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND (h.contact_id = c.id OR h.group_id = c.group_id))';
const NOT_HELD = `NOT ${HELD}`;
/** In quarantine: in no group, or in a group with no lawful basis (as contacts.list's status filter). */
const QUARANTINED = 'NOT (c.group_id IS NOT NULL AND c.group_id IN (SELECT group_id FROM group_policies))';

export function homeSummary(session: Session): HomeSummary {
  return session.repeatableRead('home-summary', () => {
    const roles = session.roles;
    const may = (channel: Channel) => rolesFor(channel)?.some((r) => roles.includes(r)) ?? true;
    const now = session.vault.now();
    const at = { now: now.toISOString(), soon: new Date(now.getTime() + SOON_DAYS * DAY_MS).toISOString() };
    const today = dayOf(now);
    // A count and a yes/no: what a new vault still needs (an import; the controller's details, which the privacy
    // notice and the Art. 30 record name), without any person in it.
    const setup = { contacts: session.contacts.count(), controllerRecorded: session.disclosures.controller() !== null };
    const summary: HomeSummary = { now: at.now, soonDays: SOON_DAYS, setup };
    // Each part is what the channel named beside it shows, so it is given to whoever may call that channel.
    if (may('retention.schedule')) summary.destruction = destruction(session, at);
    if (may('contacts.list')) summary.quarantine = quarantine(session, at);
    if (may('notices.list')) summary.notices = notices(session);
    if (may('groups.list')) summary.liaReviews = liaReviews(session, today);
    if (may('certificates.list')) summary.lastRun = lastRun(session);
    return {
      value: summary,
      details: {
        ...(summary.destruction ? { overdue: summary.destruction.overdue, due: summary.destruction.dueSoon } : {}),
        ...(summary.quarantine ? { quarantined: summary.quarantine.contacts } : {}),
        ...(summary.notices ? { notices: summary.notices.due + summary.notices.overdue } : {}),
        ...(summary.liaReviews ? { groups: summary.liaReviews.overdue + summary.liaReviews.dueSoon } : {}),
      },
    };
  });
}

type Instants = { now: string; soon: string };

/** The first day after now on which contacts matching `where` fall due (not held), and how many fall due that day. */
function firstDue(session: Session, where: string, now: string): { at: string; contacts: number } | null {
  const first = session.db.prepare(`SELECT min(c.expires_at) AS at FROM contacts c WHERE c.expires_at > @now AND ${NOT_HELD} AND ${where}`).get({ now }) as { at: string | null };
  if (first.at === null) return null;
  const day = first.at.slice(0, 10);
  // Every contact due that calendar day (from the first instant on), whatever its time.
  const { n } = session.db
    .prepare(`SELECT count(*) AS n FROM contacts c WHERE c.expires_at > @now AND substr(c.expires_at, 1, 10) = @day AND ${NOT_HELD} AND ${where}`)
    .get({ now, day }) as { n: number };
  return { at: first.at, contacts: n };
}

/** What destruction would take now, what a hold keeps, what falls due within SOON_DAYS, and the next day due. */
function destruction(session: Session, at: Instants): NonNullable<HomeSummary['destruction']> {
  const row = session.db
    .prepare(
      `SELECT coalesce(sum(held = 0 AND expires_at <= @now), 0) AS overdue,
              coalesce(sum(held = 1 AND expires_at <= @now), 0) AS overdueHeld,
              coalesce(sum(held = 0 AND expires_at > @now AND expires_at <= @soon), 0) AS dueSoon
       FROM (SELECT c.expires_at, ${HELD} AS held FROM contacts c WHERE c.expires_at IS NOT NULL AND c.expires_at <= @soon)`,
    )
    .get(at) as { overdue: number; overdueHeld: number; dueSoon: number };
  return { ...row, next: firstDue(session, '1', at.now) };
}

/** How many contacts are in quarantine, the period, how many are past it (not held), and when the next go. */
function quarantine(session: Session, at: Instants): NonNullable<HomeSummary['quarantine']> {
  const row = session.db
    .prepare(`SELECT count(*) AS contacts, coalesce(sum(c.expires_at IS NOT NULL AND c.expires_at <= @now AND ${NOT_HELD}), 0) AS overdue FROM contacts c WHERE ${QUARANTINED}`)
    .get({ now: at.now }) as { contacts: number; overdue: number };
  return { ...row, days: quarantineDays(session.db), next: row.contacts > 0 ? firstDue(session, QUARANTINED, at.now) : null };
}

/**
 * Art. 14 notices still owed: due, overdue, and carried-over records a data owner has not confirmed, counted one
 * person at a time by the rules notices.list applies (notices.ts, untoldStates).
 */
function notices(session: Session): NonNullable<HomeSummary['notices']> {
  const out = { due: 0, overdue: 0, unconfirmed: 0, nextDue: null as string | null };
  for (const s of untoldStates(session)) {
    if (s.status === 'due') {
      out.due++;
      if (out.nextDue === null || s.dueBy < out.nextDue) out.nextDue = s.dueBy;
    } else if (s.status === 'overdue') out.overdue++;
    else if (s.status === 'carried-over') out.unconfirmed++;
  }
  return out;
}

/** Groups under legitimate interests whose LIA is past its review day, or reaches it within SOON_DAYS (src/policy/lia.ts). */
function liaReviews(session: Session, today: string): NonNullable<HomeSummary['liaReviews']> {
  const soon = addDays(today, SOON_DAYS);
  const out = { groups: 0, overdue: 0, dueSoon: 0, nextReview: null as string | null };
  for (const g of session.groups.list()) {
    const policy = g.policy?.policy;
    if (policy?.basis !== 'legitimate-interests') continue;
    out.groups++;
    const standing = liaStanding(policy.evidence, today);
    if (standing.overdue) out.overdue++;
    else {
      if (standing.reviewDue <= soon) out.dueSoon++;
      if (out.nextReview === null || standing.reviewDue < out.nextReview) out.nextReview = standing.reviewDue;
    }
  }
  return out;
}

/** The last scheduled destruction run, from the audit log (a run that destroyed nothing issues no certificate). */
function lastRun(session: Session): HomeSummary['lastRun'] {
  const row = session.db
    .prepare("SELECT at, member_id AS memberId, details FROM audit_log WHERE action = 'destruction-run' AND outcome = 'success' ORDER BY seq DESC LIMIT 1")
    .get() as { at: string; memberId: string | null; details: string } | undefined;
  if (!row) return null;
  const d = JSON.parse(row.details) as { certificateId?: string; destroyed?: number; tokenId?: string };
  const member = row.memberId === null ? null : findMember(session.db, row.memberId);
  const by: NonNullable<HomeSummary['lastRun']>['by'] =
    row.memberId !== null
      ? { kind: 'member', memberId: row.memberId, name: member ? session.records.decrypt(member.nameCt, member.id) : null }
      : { kind: 'token', tokenId: d.tokenId ?? '' };
  return { at: row.at, destroyed: d.destroyed ?? 0, certificateId: d.certificateId ?? null, by };
}
