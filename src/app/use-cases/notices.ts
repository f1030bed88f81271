// Art. 14 per person: each person's notice is due one month after their data was obtained, or at their first
// disclosure if sooner (Art. 14(3)); it is recorded as sent (date, version, channel) or exempt (Art. 14(5), with a
// DPIA reference for disproportionate effort), per batch; the notice text is generated from the group's policy.
// Who was told is a fact about each person: a group's planned notice says nothing about who was told, and a notice
// sent by a channel the person's record gives no address for did not reach them.
import type { Response, ValidRequest } from '../../api/contract.js';
import type { AuditDetails } from '../../audit/audit-log.js';
import { categoryOf } from '../../classify/columns.js';
import { privacyNotice } from '../../export/index.js';
import { personNoticeDue, personNoticeLate, personNoticeStatus, type PersonNoticeStatus } from '../../policy/art14.js';
import { dayOf, toIsoDay } from '../../policy/dates.js';
import { isPlaceholderAnswer, LIA_MIN_ANSWER_LENGTH } from '../../policy/index.js';
import { describeDefaultRetention, describeRetention, policyFor } from '../../retention/index.js';
import { ServiceError } from '../../shared/errors.js';
import type { ContactChannel, SourceKind } from '../../shared/vocabulary.js';
import type { StoredContact } from '../../vault/contacts-repo.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { firstDisclosures, noticeSubjects, untoldRows, type NoticeRecord, type NoticeSubject } from '../../vault/notices-repo.js';
import type { Session } from '../../vault/session.js';
import { sourceKindOf, STORED_CATEGORIES } from './art30.js';

export type NoticeTarget = ValidRequest<'notices.confirm'>;

export const QUARANTINE_LABEL = 'Quarantine (no group)';

/** One person's notice, as far as it can be known without decrypting anything. */
export interface PersonNoticeState extends NoticeSubject {
  dueBy: string;
  status: PersonNoticeStatus;
  /** Not told (no record that counts, carried-over included) and past their due day or already disclosed. */
  late: boolean;
}

/** The notice state of these people (default: everyone) today, from their rows, their records and the disclosure log. */
export function noticeStates(session: Session, subjects: readonly NoticeSubject[] = noticeSubjects(session.db)): PersonNoticeState[] {
  const records = session.notices.facts();
  const disclosed = firstDisclosures(session.db);
  const today = dayOf(session.vault.now());
  return subjects.map((s) => {
    const first = disclosed.get(s.contactId) ?? null;
    const record = records.get(s.contactId) ?? null;
    const dueBy = personNoticeDue(s.obtainedAt, first);
    return { ...s, dueBy, status: personNoticeStatus(record, dueBy, today, first), late: personNoticeLate(record, dueBy, today, first) };
  });
}

/**
 * The people not yet told in a way that counts, one at a time with their state (the rules noticeStates applies):
 * Home counts them and groups.list takes each group's earliest late day, holding nobody, however large the vault.
 */
export function* untoldStates(session: Session): Generator<PersonNoticeState> {
  const today = dayOf(session.vault.now());
  for (const r of untoldRows(session.db)) {
    const dueBy = personNoticeDue(r.obtainedAt, r.firstDisclosedOn);
    const record = r.status === null ? null : { status: r.status, counts: false };
    yield {
      contactId: r.contactId,
      groupId: r.groupId,
      obtainedAt: r.obtainedAt,
      dueBy,
      status: personNoticeStatus(record, dueBy, today, r.firstDisclosedOn),
      late: personNoticeLate(record, dueBy, today, r.firstDisclosedOn),
    };
  }
}

/** Per group, the earliest due day of its people whose notice is late (Art. 14(3)): streamed, see untoldStates. */
export function lateNoticesByGroup(session: Session): Map<string, string> {
  const earliest = new Map<string, string>();
  for (const s of untoldStates(session)) {
    if (!s.late || s.groupId === null) continue;
    const known = earliest.get(s.groupId);
    if (known === undefined || s.dueBy < known) earliest.set(s.groupId, s.dueBy);
  }
  return earliest;
}

type Summary = Response<'notices.list'>['groups'][number];

function summarise(groupId: string | null, label: string, states: readonly PersonNoticeState[]): Summary {
  const count = (status: PersonNoticeStatus) => states.filter((s) => s.status === status).length;
  const untold = states.filter((s) => s.status !== 'sent' && s.status !== 'exempt').map((s) => s.dueBy).sort();
  return { groupId, label, due: count('due'), overdue: count('overdue'), sent: count('sent'), exempt: count('exempt'), carriedOver: count('carried-over'), nextDue: untold[0] ?? null };
}

/**
 * Per group (and quarantine) how many people are due, overdue, told or exempt (only the named group's summary when a
 * group is named); per person when a group or contact is named.
 */
export function listNotices(session: Session, filter: ValidRequest<'notices.list'>): Response<'notices.list'> {
  return session.repeatableRead('notice-list', () => {
    if (filter.groupId !== undefined && !session.groups.exists(filter.groupId)) throw new ServiceError('not-found', 'There is no such group.');
    if (filter.contactId !== undefined && !session.contacts.get(filter.contactId)) throw new ServiceError('not-found', 'There is no such contact.');
    const states = noticeStates(session);
    const byGroup = new Map<string | null, PersonNoticeState[]>();
    for (const s of states) {
      const list = byGroup.get(s.groupId);
      if (list) list.push(s);
      else byGroup.set(s.groupId, [s]);
    }
    const all = [...session.groups.list().map((g) => summarise(g.id, g.label, byGroup.get(g.id) ?? [])), summarise(null, QUARANTINE_LABEL, byGroup.get(null) ?? [])];
    const groups = filter.groupId === undefined ? all : all.filter((g) => g.groupId === filter.groupId);
    const named = filter.groupId !== undefined || filter.contactId !== undefined || filter.contactIds !== undefined;
    const among = filter.contactIds === undefined ? null : new Set(filter.contactIds);
    const matching = named
      ? states.filter(
          (s) => (filter.groupId === undefined || s.groupId === filter.groupId) && (filter.contactId === undefined || s.contactId === filter.contactId) && (among === null || among.has(s.contactId)),
        )
      : [];
    const people = named
      ? matching
          .slice(filter.offset, filter.offset + filter.limit)
          .map((s) => {
            const record = session.notices.get(s.contactId); // decrypted only for the people returned
            return { contactId: s.contactId, status: s.status, dueBy: s.dueBy, day: record?.day ?? null, channel: record?.channel ?? null, version: record?.version ?? null, exemption: record?.exemption ?? null };
          })
      : [];
    const total = (key: 'due' | 'overdue') => groups.reduce((n, g) => n + g[key], 0);
    return {
      value: { groups, people, peopleTotal: matching.length },
      details: { groups: groups.length, contacts: people.length, due: total('due'), overdue: total('overdue'), ...(filter.groupId ? { groupId: filter.groupId } : {}), ...(filter.contactId ? { contactId: filter.contactId } : {}) },
    };
  });
}


/** The privacy notice for a group's people (Art. 14(1)-(2)), in Markdown and plain text. */
export function noticeText(session: Session, request: ValidRequest<'notices.text'>): Response<'notices.text'> {
  return session.perform('notice-text', () => {
    const group = session.groups.list().find((g) => g.id === request.groupId);
    if (!group) throw new ServiceError('not-found', 'There is no such group.');
    const controller = session.disclosures.controller();
    if (!controller) throw new ServiceError('invalid', "Record the controller's name and contact first (controller set).");
    if (!group.policy) throw new ServiceError('invalid', 'This group has no lawful basis: assign one before writing its privacy notice (assign).');
    const categories = new Set<string>();
    const special = new Set<string>();
    const sources = new Set<SourceKind>();
    const kindOf = session.db.prepare('SELECT kind FROM imports WHERE id = ?');
    for (const s of noticeSubjects(session.db, { groupId: group.id })) {
      const row = session.contacts.get(s.contactId)!;
      sources.add(sourceKindOf((kindOf.get(row.import_id) as { kind: string } | undefined)?.kind));
      const c = session.contacts.open(row);
      for (const [field, role] of STORED_CATEGORIES) if (c[field]) categories.add(categoryOf(role).category);
      for (const k of c.specialCategories) special.add(k);
    }
    const expiries = ExpiryContext.load(session.db);
    // The group's policy, its basis's, or the vault's default (Art. 14(2)(a)): every notice states a period.
    const policy = policyFor(expiries.policies, { groupId: group.id, basis: group.policy.policy.basis });
    const text = privacyNotice({
      controller,
      policy: group.policy.policy,
      categories: STORED_CATEGORIES.map(([, role]) => categoryOf(role).category).filter((c) => categories.has(c)),
      specialCategories: [...special].sort(),
      source: sourceFor(request.source, sources),
      recipients: session.disclosures.recipients().map((r) => ({ name: r.name, role: r.role, hostingRegion: r.hostingRegion, transfer: r.transfer })),
      retention: policy ? describeRetention(policy) : describeDefaultRetention(expiries.defaultRetention),
      version: request.version,
    });
    return { value: text, details: { groupId: group.id } };
  });
}

/**
 * The source the notice names, read from the members' imports: a notice that says "you are connected with us" to
 * people from an uploaded address book would not tell them the truth (Art. 14(2)(f)). A group of several sources
 * needs one notice per source; a source asked for that no member has is refused.
 */
function sourceFor(asked: SourceKind | undefined, held: ReadonlySet<SourceKind>): SourceKind {
  if (asked !== undefined) {
    if (held.size > 0 && !held.has(asked)) throw new ServiceError('invalid', `Nobody in this group came from ${SOURCE_PHRASES[asked]}: their source is ${[...held].map((k) => SOURCE_PHRASES[k]).join(' and ')}.`);
    return asked;
  }
  if (held.size > 1) {
    throw new ServiceError('invalid', `This group holds people from ${[...held].map((k) => SOURCE_PHRASES[k]).join(' and ')}: write one notice per source (--source ${[...held].join(' or --source ')}).`);
  }
  return [...held][0] ?? 'linkedin-connections';
}

const SOURCE_PHRASES: Record<SourceKind, string> = {
  'linkedin-connections': 'LinkedIn connections',
  'linkedin-imported-contacts': 'the address book uploaded to LinkedIn',
  manual: 'records entered by hand',
};

/** The people a batch names, refused as a whole when the group, export or a contact does not exist. */
function targetSubjects(session: Session, target: NoticeTarget): { subjects: NoticeSubject[]; details: AuditDetails } {
  if ('groupId' in target) {
    if (!session.groups.exists(target.groupId)) throw new ServiceError('not-found', 'There is no such group.');
    return { subjects: noticeSubjects(session.db, { groupId: target.groupId }), details: { groupId: target.groupId } };
  }
  if ('disclosureId' in target) {
    if (!session.disclosures.disclosure(target.disclosureId)) throw new ServiceError('not-found', 'There is no such export in the disclosure log.');
    return { subjects: noticeSubjects(session.db, { contactIds: session.disclosures.contactsOf(target.disclosureId) }), details: { disclosureId: target.disclosureId } };
  }
  const ids = [...new Set(target.contactIds)];
  const subjects = noticeSubjects(session.db, { contactIds: ids });
  if (subjects.length < ids.length) {
    const found = new Set(subjects.map((s) => s.contactId));
    throw new ServiceError('not-found', `There is no contact with the id ${ids.find((id) => !found.has(id))}: nothing was recorded.`);
  }
  return { subjects, details: {} };
}

/** A day the use case is told something happened on must not be after today. */
function notInFuture(session: Session, day: string, what: string): void {
  if (day > dayOf(session.vault.now())) throw new ServiceError('invalid', `${what} is after today: record it on the day it happened.`);
}

/** Split a batch: people whose data we held by `day` are recorded; a notice or decision before we held it did not cover them. */
function heldBy(subjects: readonly NoticeSubject[], day: string): { covered: NoticeSubject[]; skipped: number } {
  const covered = subjects.filter((s) => toIsoDay(s.obtainedAt) <= day);
  return { covered, skipped: subjects.length - covered.length };
}

/**
 * What a person's record must hold for a notice by this channel to have reached them: an email address, or a LinkedIn
 * profile. The vault holds no postal address or phone number, so for post, SMS and phone it cannot check, and records
 * the member's word (the CLI says so).
 */
const REACHED_BY: Partial<Record<ContactChannel, (c: StoredContact) => boolean>> = {
  email: (c) => Boolean(c.email),
  linkedin: (c) => Boolean(c.profileUrl),
};

/**
 * The people of a batch the channel could have reached, decrypting each record for a channel the vault can check:
 * recording as told someone with no address for it would be false assurance (Art. 14(1), Art. 5(2)).
 */
function reachableBy(session: Session, subjects: readonly NoticeSubject[], channel: ContactChannel): NoticeSubject[] {
  const reaches = REACHED_BY[channel];
  if (!reaches) return [...subjects];
  return subjects.filter((s) => {
    const row = session.contacts.get(s.contactId);
    return row !== null && reaches(session.contacts.open(row));
  });
}

/** Record the same notice for each person of a batch, as recorded now by this member (never a carry-over). */
function record(session: Session, people: readonly NoticeSubject[], notice: Omit<NoticeRecord, 'contactId' | 'carriedOver' | 'confirmed'>): void {
  const recordedAt = session.vault.now().toISOString();
  for (const p of people) session.notices.put({ ...notice, contactId: p.contactId, carriedOver: false, recordedAt, recordedBy: session.memberId });
}

/**
 * Record that a batch was sent the notice (Art. 14(1)-(3)): date, version and channel, per person. Skipped, and still
 * due: people whose data we obtained after that day, and people whose record holds no address for the channel.
 */
export function markNoticesSent(session: Session, request: ValidRequest<'notices.markSent'>): Response<'notices.markSent'> {
  return session.perform('notice-sent', () => {
    notInFuture(session, request.sentOn, 'The day the notice was sent');
    const { subjects, details } = targetSubjects(session, request.target);
    const covered = reachableBy(session, heldBy(subjects, request.sentOn).covered, request.channel);
    const skipped = subjects.length - covered.length;
    record(session, covered, { status: 'sent', day: request.sentOn, channel: request.channel, exemption: null, version: request.version, dpiaReference: null, reason: null, publishedAt: null });
    return { value: { marked: covered.length, skipped }, details: { ...details, contacts: subjects.length, notices: covered.length, skipped } };
  });
}

/** Record an Art. 14(5) exemption for a batch, with its ground, reason and (for (b)) the DPIA and where the notice is public. */
export function exemptNotices(session: Session, request: ValidRequest<'notices.exempt'>): Response<'notices.exempt'> {
  return session.perform('notice-exempt', () => {
    notInFuture(session, request.decidedOn, 'The day the exemption was decided');
    if (isPlaceholderAnswer(request.reason)) {
      throw new ServiceError('invalid', `Write why the Art. 14(5) exemption applies to these people (at least ${LIA_MIN_ANSWER_LENGTH} characters, not a placeholder).`);
    }
    const { subjects, details } = targetSubjects(session, request.target);
    const held = heldBy(subjects, request.decidedOn);
    // Someone already told keeps that record: an exemption decided for a batch never hides that a notice was sent.
    const records = session.notices.facts();
    const told = (id: string) => records.get(id)?.status === 'sent' && records.get(id)?.counts === true;
    const covered = held.covered.filter((s) => !told(s.contactId));
    const skipped = held.skipped + (held.covered.length - covered.length);
    record(session, covered, {
      status: 'exempt',
      day: request.decidedOn,
      channel: null,
      exemption: request.ground,
      version: null,
      dpiaReference: request.dpiaReference ?? null,
      reason: request.reason,
      publishedAt: request.publishedAt ?? null,
    });
    return { value: { marked: covered.length, skipped }, details: { ...details, contacts: subjects.length, notices: covered.length, skipped, ground: request.ground } };
  });
}

/**
 * Confirm the carried-over sent notices of a batch, so they count. A carried-over exemption is not confirmed: it must
 * be recorded anew with its Art. 14(5) ground (exemptNotices); nor is a notice dated before we held the person's data.
 */
export function confirmNotices(session: Session, target: NoticeTarget): Response<'notices.confirm'> {
  return session.perform('notice-confirm', () => {
    const { subjects, details } = targetSubjects(session, target);
    const records = session.notices.facts();
    const ids = subjects
      .filter((s) => {
        const r = records.get(s.contactId);
        return r !== undefined && r.carriedOver && !r.counts && r.status === 'sent' && r.day >= toIsoDay(s.obtainedAt);
      })
      .map((s) => s.contactId);
    const confirmed = session.notices.confirm(ids, session.vault.now().toISOString(), session.memberId);
    return { value: { confirmed }, details: { ...details, contacts: subjects.length, notices: confirmed } };
  });
}
