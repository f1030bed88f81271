// The sentences a CRM export gives the person exporting: why people were left out, why cells are empty, and what the
// channels chosen still require of every message. Pure: counts in, sentences out.
import { ELECTRONIC_MAIL_CHANNELS, type ContactChannel, type CrmExclusion, type WithheldReason } from '../shared/vocabulary.js';
import { people } from './plural.js';
const were = (n: number) => (n === 1 ? 'was' : 'were');

/** What the export decided, counted for its notes. */
export interface CrmTally {
  excludedByReason: Partial<Record<CrmExclusion, number>>;
  emailsWithheld: { reason: WithheldReason }[];
  profilesWithheld: { reason: WithheldReason }[];
  /** People included who had not been told (Art. 14), outside a notice run. */
  untoldIncluded: number;
  /**
   * Included on a channel of electronic mail as corporate subscribers on the inference alone (no person confirmed the
   * type: only email allows that, src/policy/pecr-channels.ts), or on a soft opt-in.
   */
  corporateInferred: number;
  softOptIns: number;
  /** The rows included, and those with an email or a LinkedIn URL written out (either can carry electronic mail). */
  included: number;
  electronicMailCells: number;
  /** The export is direct marketing, not a notice run: PECR applies to its channels. */
  pecr: boolean;
  channels: readonly ContactChannel[];
  /** The newest screening a phone export relied on. */
  phoneScreenedOn: string | null;
}

/** One sentence for each per-person reason that left someone out, and for people included before being told. */
function exclusionNotes(t: CrmTally): string[] {
  const count = (reason: CrmExclusion) => t.excludedByReason[reason] ?? 0;
  const notes: string[] = [];
  const suppressed = count('suppressed');
  if (suppressed > 0) {
    notes.push(`${people(suppressed, 'person on the suppression list was', 'people on the suppression list were')} left out: they were erased or objected, and are never exported.`);
  }
  const unfit = count('basis-not-for-marketing');
  if (unfit > 0) {
    notes.push(
      `${people(unfit, 'contact is', 'contacts are')} in groups whose lawful basis (contract, legal obligation, vital interests or public task) ` +
        `cannot carry direct marketing (UK GDPR Art. 6(1)(b)-(e)), and ${were(unfit)} left out: direct marketing needs consent or legitimate interests.`,
    );
  }
  const liaLapsed = count('lia-not-current');
  if (liaLapsed > 0) {
    notes.push(
      `${people(liaLapsed, 'person', 'people')} in a legitimate-interests group ${were(liaLapsed)} left out of this marketing export: ` +
        "the group's legitimate interests assessment is not signed off or is past its review date (UK GDPR Art. 5(2), Art. 6(1)(f)). " +
        'Review it, save a new version with its sign-off, and export again.',
    );
  }
  const noBasis = count('no-lawful-basis');
  if (noBasis > 0) notes.push(`${people(noBasis, 'contact has', 'contacts have')} no lawful basis yet (quarantine, Art. 6(1)) and ${were(noBasis)} left out.`);
  const otherPurpose = count('purpose-differs');
  if (otherPurpose > 0) notes.push(`${people(otherPurpose, 'contact is', 'contacts are')} in groups for another purpose (purpose limitation, Art. 5(1)(b)) and ${were(otherPurpose)} left out.`);
  const withdrawn = count('consent-withdrawn');
  if (withdrawn > 0) notes.push(`${people(withdrawn, 'person who withdrew consent for this purpose was', 'people who withdrew consent for this purpose were')} left out (Art. 7(3)).`);
  const noConsent = count('no-consent-on-record');
  if (noConsent > 0) {
    notes.push(
      `${people(noConsent, 'person', 'people')} in a consent group ${noConsent === 1 ? 'has' : 'have'} no consent on record for this purpose ` +
        'and were left out: consent belongs to each person (Art. 7(1)); record it with consent add or consent import.',
    );
  }
  const untold = count('notice-not-given');
  if (untold > 0) {
    notes.push(
      `${people(untold, 'person has', 'people have')} not yet been told how their data is used (Art. 14) and ${were(untold)} held back from ` +
        'this marketing export: send the privacy notice first (an export for the notice run, then record the notice as sent).',
    );
  }
  const noSms = count('channel-not-allowed');
  if (noSms > 0) {
    notes.push(
      `${people(noSms, 'person', 'people')} without their own consent to SMS, a soft opt-in covering it, or a corporate subscriber type confirmed by a person ` +
        `${were(noSms)} left out of this SMS export (PECR reg. 22(2)-(3)): a work email address says nothing about whose the phone is, so for SMS they ` +
        'are treated as individual subscribers. A data owner can confirm each person’s subscriber type.',
    );
  }
  if (t.untoldIncluded > 0) {
    notes.push(
      `${people(t.untoldIncluded, 'person', 'people')} included had not been told (Art. 14): this export is a disclosure, so their notice is due now at ` +
        'the latest (Art. 14(3)(c)) and shows as overdue until it is recorded as sent.',
    );
  }
  return notes;
}

/** Who the rule treated as individual subscribers on each channel, for the note on withheld cells. */
const TREATED_AS_INDIVIDUAL = {
  email: 'personal mailboxes, sole traders, partnerships and anyone whose subscriber type is unknown are treated as individual subscribers',
  'LinkedIn messages':
    'a LinkedIn account belongs to the person, so for LinkedIn messages everyone is treated as an individual subscriber unless a person confirmed them corporate',
} as const;

/** Whether the file can carry electronic mail (PECR reg. 2): a channel of it, or an email or LinkedIn URL written out. */
const carriesElectronicMail = (t: CrmTally): boolean =>
  t.pecr && (t.electronicMailCells > 0 || (t.included > 0 && t.channels.some((c) => (ELECTRONIC_MAIL_CHANNELS as readonly ContactChannel[]).includes(c))));

/** Why cells are empty (PECR reg. 22), and what every message on the export's channels must carry (reg. 23). */
function channelNotes(t: CrmTally): string[] {
  const notes: string[] = [];
  for (const [withheld, one, many, channel] of [
    [t.emailsWithheld, '1 email was', 'emails were', 'email'],
    [t.profilesWithheld, '1 LinkedIn profile was', 'LinkedIn profiles were', 'LinkedIn messages'],
  ] as const) {
    const what = (n: number) => (n === 1 ? one : `${n} ${many}`);
    const individuals = withheld.filter((w) => w.reason === 'individual-subscriber-without-consent').length;
    if (individuals > 0) {
      notes.push(
        `${what(individuals)} left out: ${TREATED_AS_INDIVIDUAL[channel]}, and ${channel} marketing to them needs their consent to ${channel} or the ` +
          'soft opt-in (PECR reg. 22(2)-(3)). A data owner can confirm each person’s subscriber type.',
      );
    }
    const notCovered = withheld.length - individuals;
    if (notCovered > 0) notes.push(`${what(notCovered)} left out: the person's consent does not cover ${channel} (PECR reg. 22).`);
  }
  if (carriesElectronicMail(t)) {
    notes.push(
      'Every marketing email, SMS or LinkedIn message sent to anyone in this file, individual or corporate subscriber, must say who sent it and give a ' +
        'valid address to opt out (PECR reg. 23); record any objection with suppress add.',
    );
  }
  if (t.pecr && t.corporateInferred > 0) {
    notes.push(
      `${people(t.corporateInferred, 'person is', 'people are')} included for email as likely corporate subscribers, without their own consent and with ` +
        'no type confirmed by a person: a work address only suggests a corporate subscriber, and a sole trader, or a partnership outside Scotland, is an ' +
        'individual subscriber whatever their address. Check before sending, and confirm the person’s subscriber type.',
    );
  }
  if (t.pecr && t.included > 0 && t.channels.includes('sms')) {
    notes.push(
      'SMS: each person in this file has their own consent to SMS, a soft opt-in covering it, or a corporate subscriber type confirmed by a person ' +
        '(PECR reg. 22(2)-(3)). The vault holds no phone numbers, so the numbers themselves could not be checked: text only the number the consent or ' +
        "soft opt-in was given for, or, for a confirmed corporate subscriber, a line the business holds (a personal mobile is an individual subscriber's).",
    );
  }
  if (t.softOptIns > 0) {
    notes.push(
      `${people(t.softOptIns, 'person is', 'people are')} included on a soft opt-in (PECR reg. 22(3)): market to them only products and services similar to ` +
        'those recorded, and offer a simple way to refuse in every message.',
    );
  }
  if (t.pecr && t.channels.includes('phone')) {
    notes.push(
      `The vault holds no phone numbers, so this export checked only that a TPS/CTPS screening is recorded (the newest on ${t.phoneScreenedOn ?? 'no day'}). ` +
        'Call only numbers that screening cleared, no more than 28 days after it (a number is protected 28 days after it is listed, PECR reg. 21(4)), ' +
        'never a line whose subscriber asked you not to call (reg. 21(1)(a)), and record any objection with suppress add. These are live calls: ' +
        'automated calls need the consent of every subscriber, individual or corporate (PECR reg. 19), which this export does not check.',
    );
  }
  return notes;
}

export function crmNotes(t: CrmTally): string[] {
  return [...channelNotes(t), ...exclusionNotes(t)];
}
