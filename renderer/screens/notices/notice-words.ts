// The Notices & PECR screen's pure helpers: days in words ("3 March 2027"), where a person's notice stands in one
// sentence, and each form's checks, field by field, in words (the core checks again and has the last word).
import type { Art14Exemption, ContactChannel, SoftOptInChannel, SoftOptInContext, SubscriberEntity, TpsList } from '../../../src/shared/vocabulary.js';
import type { Request, Response } from '../../../src/api/contract.js';
import { dayFieldProblem } from '../../lib/date-field.js';
import { lookup } from '../../lib/guards.js';
import { ART14_EXEMPTION_LABELS } from '../../lib/labels-notices.js';
import { CHANNEL_LABELS } from '../../lib/labels.js';

export type NoticeList = Response<'notices.list'>;
export type NoticeSummary = NoticeList['groups'][number];
export type PersonNotice = NoticeList['people'][number];
export type SubscriberView = Response<'subscribers.list'>['subscribers'][number];
export type TpsScreening = Response<'tps.list'>['screenings'][number];
export type NoticeTarget = Request<'notices.confirm'>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether `value` is a real calendar day written yyyy-mm-dd. */
export function isDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** '2027-03-03' (or an ISO timestamp) → '3 March 2027'; '—' when missing, the text itself when it is no day. */
export function longDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const dayPart = iso.slice(0, 10);
  if (!isDay(dayPart)) return iso;
  const [y, m, d] = dayPart.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A channel in words, lower case within a sentence ('by email'). */
function channelWords(channel: ContactChannel | null): string {
  return channel ? (lookup(CHANNEL_LABELS, channel) ?? channel).toLowerCase() : 'an unrecorded channel';
}

/** Where one person's notice stands, in one sentence: "due by 3 March 2027", "told on 1 December 2026 by email (version v2)". */
export function personNoticeWords(p: PersonNotice): string {
  switch (p.status) {
    case 'due':
      return `Due by ${longDay(p.dueBy)}`;
    case 'overdue':
      return `Overdue since ${longDay(p.dueBy)}: it was due by then, or at their first disclosure`;
    case 'sent':
      return `Told on ${longDay(p.day)} by ${channelWords(p.channel)}${p.version ? ` (version ${p.version})` : ''}`;
    case 'exempt':
      return `Exempt since ${longDay(p.day)}: ${p.exemption ? (lookup(ART14_EXEMPTION_LABELS, p.exemption) ?? p.exemption) : 'ground not recorded'}`;
    case 'carried-over':
      return `Carried over from the old group record${p.day ? ` (dated ${longDay(p.day)})` : ''}: it counts once a data owner confirms it`;
  }
}

/** What a group's summary says about its next deadline. */
export function nextDueWords(s: NoticeSummary): string {
  if (!s.nextDue) return s.due + s.overdue + s.carriedOver === 0 ? 'Nobody waiting to be told' : '—';
  return s.overdue > 0 ? `Overdue since ${longDay(s.nextDue)}` : `Next due by ${longDay(s.nextDue)}`;
}

/** How many people a group holds, by any status. */
export function people(s: NoticeSummary): number {
  return s.due + s.overdue + s.sent + s.exempt + s.carriedOver;
}

/** A file name for a group's privacy notice: 'privacy-notice-work-addresses.md'. */
export function noticeFileName(label: string, extension: 'md' | 'txt'): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `privacy-notice${slug ? `-${slug}` : ''}.${extension}`;
}

/** Each field's problem, in words; an empty object when the form may be sent. */
export type Problems<K extends string> = Partial<Record<K, string>>;

export function hasProblems(problems: Problems<string>): boolean {
  return Object.values(problems).some(Boolean);
}

/** A day the form needs, from its date picker (lib/date-field.ts); whether it is after today is the core's to say
 * (its clock is the vault's). */
function dayProblem(value: string, what: string): string | undefined {
  return dayFieldProblem(value, what) ?? undefined;
}

export interface MarkSentForm {
  sentOn: string;
  version: string;
  channel: ContactChannel | '';
}

export function markSentProblems(form: MarkSentForm): Problems<keyof MarkSentForm> {
  return {
    sentOn: dayProblem(form.sentOn, 'the day the notice was sent'),
    version: form.version.trim() ? (form.version.trim().length > 100 ? 'Keep the version label under 100 characters.' : undefined) : 'Give the version of the notice you sent (for example v2).',
    channel: form.channel ? undefined : 'Choose how the notice was sent.',
  };
}

export interface ExemptForm {
  ground: Art14Exemption | '';
  decidedOn: string;
  reason: string;
  dpiaReference: string;
  publishedAt: string;
}

/** Why an Art. 14(5) exemption applies needs this many characters (the core's LIA_MIN_ANSWER_LENGTH). */
export const MIN_REASON = 20;

export function exemptProblems(form: ExemptForm): Problems<keyof ExemptForm> {
  const effort = form.ground === 'disproportionate-effort';
  const reason = form.reason.trim();
  return {
    ground: form.ground ? undefined : 'Choose the Art. 14(5) ground that applies.',
    decidedOn: dayProblem(form.decidedOn, 'the day the exemption was decided'),
    reason: reason.length >= MIN_REASON ? undefined : `Say why the exemption applies to these people (at least ${MIN_REASON} characters).`,
    dpiaReference: effort && !form.dpiaReference.trim() ? 'Disproportionate effort needs the DPIA that weighed it (Art. 14(5)(b)): give its reference.' : undefined,
    publishedAt: effort && !form.publishedAt.trim() ? 'Disproportionate effort needs the notice made public (Art. 14(5)(b)): say where.' : undefined,
  };
}

export interface TpsForm {
  screenedOn: string;
  list: TpsList | '';
  listVersion: string;
  provider: string;
}

export function tpsProblems(form: TpsForm): Problems<keyof TpsForm> {
  return {
    screenedOn: dayProblem(form.screenedOn, 'the day of the screening'),
    list: form.list ? undefined : 'Choose the list you screened against.',
    listVersion: form.listVersion.trim() ? undefined : 'Give the version (or date) of the list you screened against.',
  };
}

export interface SoftOptInForm {
  channels: SoftOptInChannel[];
  obtainedAt: string;
  context: SoftOptInContext | '';
  products: string;
  refusalOffered: string;
}

export function softOptInProblems(form: SoftOptInForm): Problems<keyof SoftOptInForm> {
  return {
    channels: form.channels.length ? undefined : 'Tick at least one channel the soft opt-in covers.',
    obtainedAt: dayProblem(form.obtainedAt, 'the day their details were obtained'),
    context: form.context ? undefined : 'Choose whether it was a sale or negotiations for one.',
    products: form.products.trim() ? undefined : 'Say what they bought or asked about: the soft opt-in covers similar products only.',
    refusalOffered: form.refusalOffered.trim() ? undefined : 'Say how they were given a simple way to refuse marketing when their details were collected.',
  };
}

export interface ConfirmSubscriberForm {
  scope: 'contact' | 'company';
  entity: SubscriberEntity | '';
  companyNumber: string;
  note: string;
}

const COMPANY_NUMBER = /^(?:\d{8}|[A-Z]{2}\d{6})$/;

export function confirmSubscriberProblems(form: ConfirmSubscriberForm, company: string): Problems<keyof ConfirmSubscriberForm> {
  const number = form.companyNumber.trim().toUpperCase();
  return {
    scope: form.scope === 'company' && !company.trim() ? 'This contact has no company name: confirm the type for them alone.' : undefined,
    entity: form.entity ? undefined : 'Choose what this subscriber is.',
    companyNumber: number && !COMPANY_NUMBER.test(number) ? 'A Companies House number has 8 characters: 8 digits, or 2 letters and 6 digits (for example 01234567 or SC123456).' : undefined,
  };
}
