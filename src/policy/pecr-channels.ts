// PECR follows the channel, not the purpose's name: for a direct-marketing use (any promotion of the organisation, its
// products or its aims, DPA 2018 s.122(5)), each channel's rule for one person, and the TPS/CTPS screening a phone
// campaign needs. Pure: callers pass the person's facts and today.
import { ELECTRONIC_MAIL_CHANNELS, type ContactChannel, type LawfulBasis, type SubscriberType, type TpsList } from '../shared/vocabulary.js';
import { addDays } from './dates.js';

/**
 * What decides one person's channels: their subscriber type as treated, whether a person confirmed it, the group's
 * basis, their consents, their soft opt-ins.
 */
export interface ChannelFacts {
  subscriber: SubscriberType;
  /**
   * A person confirmed the subscriber type (`subscriber confirm`, src/policy/subscriber-type.ts). Left false, the type
   * is inferred, mostly from the email domain: that says something about the mailbox, nothing about a phone or a
   * LinkedIn account.
   */
  confirmed: boolean;
  basis: LawfulBasis;
  /** The channels the person's own live consent for this purpose covers. */
  consentChannels: ReadonlySet<ContactChannel>;
  /** The channels a soft opt-in recorded for the person covers (PECR reg. 22(3)). */
  softOptInChannels: ReadonlySet<ContactChannel>;
}

export type ChannelVerdict =
  | { allowed: true; by: 'consent' | 'corporate-subscriber' | 'soft-opt-in' | 'not-electronic-mail' }
  | { allowed: false; reason: 'individual-subscriber-without-consent' | 'consent-does-not-cover-channel' };

export const isElectronicMail = (channel: ContactChannel): boolean => (ELECTRONIC_MAIL_CHANNELS as readonly ContactChannel[]).includes(channel);

/**
 * Whether the person counts as a corporate subscriber on this channel. For email the type as treated (confirmed, or
 * likely corporate from a work mailbox) is the mailbox's. The vault holds no phone number and a LinkedIn account
 * belongs to the person, so for SMS and LinkedIn messages only a type a person confirmed corporate counts: a work
 * email address says nothing about whose the phone or the account is.
 */
const corporateOn = (channel: ContactChannel, facts: ChannelFacts): boolean =>
  facts.subscriber === 'corporate' && (channel === 'email' || facts.confirmed);

/**
 * May this person be sent direct marketing on this channel? Email, SMS and a LinkedIn message are electronic mail
 * (PECR reg. 2, reg. 22): to an individual subscriber they need the person's own consent covering the channel or a
 * soft opt-in covering it (reg. 22(2)-(3)); to a corporate subscriber they are allowed (corporateOn says who counts as
 * one on each channel). Every such message, to anyone, must say who sent it and give a valid address to opt out
 * (reg. 23). In a consent group the person's own consent must cover the channel, whoever they are: the group's basis
 * is their consent. Post is outside PECR, and live calls follow the TPS and CTPS (reg. 21(1)(b):
 * phoneScreeningProblem), so neither is decided per person here.
 */
export function channelVerdict(channel: ContactChannel, facts: ChannelFacts): ChannelVerdict {
  if (!isElectronicMail(channel)) return { allowed: true, by: 'not-electronic-mail' };
  if (facts.consentChannels.has(channel)) return { allowed: true, by: 'consent' };
  if (facts.basis === 'consent') return { allowed: false, reason: 'consent-does-not-cover-channel' };
  if (corporateOn(channel, facts)) return { allowed: true, by: 'corporate-subscriber' };
  if (facts.softOptInChannels.has(channel)) return { allowed: true, by: 'soft-opt-in' };
  return { allowed: false, reason: 'individual-subscriber-without-consent' };
}

/** A TPS/CTPS screening as recorded (it is recorded, not fetched: the vault holds no phone numbers). */
export interface TpsScreening {
  screenedOn: string;
  list: TpsList;
}

/**
 * A number is protected 28 days after it is listed on the register (PECR reg. 21(4)), so a list screened more than
 * 28 days ago may miss numbers now protected: the ICO says to screen at least every 28 days.
 */
export const TPS_SCREENING_DAYS = 28;

const covers = (s: TpsScreening, list: 'tps' | 'ctps') => s.list === list || s.list === 'both';

/**
 * Why a phone marketing export must be refused, in one sentence, or null. Numbers listed on the TPS (individual
 * subscribers) or the CTPS (corporate ones) may not be called (PECR reg. 21(1)(b); the register is kept under reg. 26),
 * so each list needed must be screened within the 28 days up to today (reg. 21(4)).
 */
export function phoneScreeningProblem(screenings: readonly TpsScreening[], today: string, needs: { tps: boolean; ctps: boolean }): string | null {
  const from = addDays(today, -TPS_SCREENING_DAYS);
  const missing = (['tps', 'ctps'] as const).filter((list) => needs[list] && !screenings.some((s) => covers(s, list) && s.screenedOn >= from && s.screenedOn <= today));
  if (missing.length === 0) return null;
  const names = missing.map((l) => (l === 'tps' ? 'the TPS (for individual subscribers)' : 'the CTPS (for corporate subscribers)')).join(' and ');
  const last = screenings.filter((s) => missing.every((l) => covers(s, l)) && s.screenedOn <= today).map((s) => s.screenedOn).sort().at(-1);
  return (
    `Phone marketing needs the numbers screened against ${names} within the ${TPS_SCREENING_DAYS} days before the calls (PECR reg. 21(1)(b), 21(4); ICO guidance): ` +
    `${last ? `the last screening recorded was on ${last}` : 'no screening is recorded'}, so screen again, record it with tps record, and export again.`
  );
}
