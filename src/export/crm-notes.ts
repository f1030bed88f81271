// The sentences a CRM export gives the person exporting: why people were left out, why cells are empty, and what the
// channels chosen still require of every message. Pure: counts in, sentences out.
import type { ContactChannel, CrmExclusion, WithheldReason } from '../shared/vocabulary.js';

const people = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);
const were = (n: number) => (n === 1 ? 'was' : 'were');

/** What the export decided, counted for its notes. */
export interface CrmTally {
  excluded: { reason: CrmExclusion }[];
  emailsWithheld: { reason: WithheldReason }[];
  profilesWithheld: { reason: WithheldReason }[];
  /** People included who had not been told (Art. 14), outside a notice run. */
  untoldIncluded: number;
  /** Included on a channel of electronic mail because they are corporate subscribers, or on a soft opt-in. */
  corporateByElectronicMail: number;
  softOptIns: number;
  /** The export is direct marketing, not a notice run: PECR applies to its channels. */
  pecr: boolean;
  channels: readonly ContactChannel[];
  /** The newest screening a phone export relied on. */
  phoneScreenedOn: string | null;
}

/** One sentence for each per-person reason that left someone out, and for people included before being told. */
function exclusionNotes(t: CrmTally): string[] {
  const count = (reason: CrmExclusion) => t.excluded.filter((e) => e.reason === reason).length;
  const notes: string[] = [];
  const suppressed = count('suppressed');
  if (suppressed > 0) {
    notes.push(`${people(suppressed, 'person on the suppression list was', 'people on the suppression list were')} left out: they were erased or objected, and are never exported.`);
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
        'this marketing export: send the privacy notice first (an export with the notice run option, then notice sent).',
    );
  }
  const noSms = count('channel-not-allowed');
  if (noSms > 0) {
    notes.push(
      `${people(noSms, 'individual subscriber', 'individual subscribers')} without consent to SMS or a soft opt-in covering it ${were(noSms)} left out ` +
        '(PECR reg. 22(2)-(3)): the vault holds no phone numbers to withhold, so every row of this file may be sent a marketing SMS, and no one else.',
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
        `${what(individuals)} left out: personal mailboxes, sole traders, partnerships and anyone whose subscriber type is unknown are treated as ` +
          `individual subscribers, and ${channel} marketing to them needs their consent to ${channel} or the soft opt-in (PECR reg. 22(2)-(3)). ` +
          'A data owner can confirm a subscriber type with subscriber confirm.',
      );
    }
    const notCovered = withheld.length - individuals;
    if (notCovered > 0) notes.push(`${what(notCovered)} left out: the person's consent does not cover ${channel} (PECR reg. 22).`);
  }
  if (t.pecr && t.corporateByElectronicMail > 0) {
    notes.push(
      `${people(t.corporateByElectronicMail, 'corporate subscriber is', 'corporate subscribers are')} included without their own consent: every marketing ` +
        'email, SMS or LinkedIn message must say who sent it and give a valid address to opt out (PECR reg. 23), and an objection must be recorded with suppress add.',
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
      `The vault holds no phone numbers: call only numbers screened against the TPS/CTPS (screening recorded on ${t.phoneScreenedOn ?? 'no day'}), within 28 days of ` +
        'that screening, and honour any objection at once (PECR reg. 21, 21B).',
    );
  }
  return notes;
}

export function crmNotes(t: CrmTally): string[] {
  return [...channelNotes(t), ...exclusionNotes(t)];
}
