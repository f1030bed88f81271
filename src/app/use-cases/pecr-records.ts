// What PECR asks the controller to keep, beside consent: soft opt-ins per person (reg. 22(3): details obtained in a
// sale or negotiations, similar products only, a simple way to refuse offered then and in every message) and TPS/CTPS
// screenings (reg. 21(1)(b), 21(4): recorded, not fetched; a phone export needs one within 28 days, src/policy/pecr-channels.ts).
import { randomUUID } from 'node:crypto';
import { addDays, dayOf } from '../../policy/dates.js';
import { TPS_SCREENING_DAYS } from '../../policy/pecr-channels.js';
import { ServiceError } from '../../shared/errors.js';
import type { SoftOptInChannel, SoftOptInContext, TpsList } from '../../shared/vocabulary.js';
import { suppressionMatcher } from '../../vault/contacts-repo.js';
import type { TpsScreeningRecord } from '../../vault/marketing-repo.js';
import type { Session } from '../../vault/session.js';
import { findPerson, identitiesOf, type PersonSelector } from './person.js';

export interface SoftOptInInput {
  person: PersonSelector;
  channels: SoftOptInChannel[];
  obtainedAt: string;
  context: SoftOptInContext;
  products: string;
  refusalOffered: string;
}

const today = (session: Session) => dayOf(session.vault.now());

/**
 * Record a soft opt-in. Refused for someone on the suppression list: a person who objected or refused has no soft
 * opt-in (reg. 22(3)(c)), and an objection to direct marketing is absolute (UK GDPR Art. 21(3)).
 */
export function addSoftOptIn(session: Session, input: SoftOptInInput): string {
  return session.perform('soft-opt-in-add', () => {
    const row = findPerson(session, input.person, 'No contact in the vault matches that person: a soft opt-in is recorded for people already in the vault.');
    if (input.obtainedAt > today(session)) throw new ServiceError('invalid', `The day the details were obtained (${input.obtainedAt}) is after today: record it once it has happened.`);
    const ids = identitiesOf(session, row);
    if (suppressionMatcher(session.db)(ids, ids.name)) {
      throw new ServiceError('conflict', 'This person is on the suppression list (they objected, or asked to be erased): a person who refused marketing has no soft opt-in (PECR reg. 22(3)).');
    }
    const id = randomUUID();
    const channels = [...new Set(input.channels)];
    session.marketing.addSoftOptIn({ id, contactId: row.id, channels, obtainedAt: input.obtainedAt, context: input.context, products: input.products, refusalOffered: input.refusalOffered, createdAt: session.vault.now().toISOString(), createdBy: session.memberId });
    return { value: id, details: { softOptInId: id, contactId: row.id, channels, context: input.context } };
  });
}

/** Record that the phone list was screened against the TPS, the CTPS or both, on a day, against a version of the list. */
export function recordScreening(session: Session, input: { screenedOn: string; list: TpsList; listVersion: string; provider?: string | undefined }): string {
  return session.perform('tps-record', () => {
    if (input.screenedOn > today(session)) throw new ServiceError('invalid', `The day of screening (${input.screenedOn}) is after today: record it once it has happened.`);
    const id = randomUUID();
    session.marketing.addScreening({ id, screenedOn: input.screenedOn, list: input.list, listVersion: input.listVersion, provider: input.provider ?? null, createdAt: session.vault.now().toISOString(), createdBy: session.memberId });
    return { value: id, details: { screeningId: id, list: input.list } };
  });
}

/** The screenings recorded, newest first, and the last day each register's newest screening covers a phone export. */
export function listScreenings(session: Session): { screenings: TpsScreeningRecord[]; coveredUntil: { tps: string | null; ctps: string | null } } {
  return session.repeatableRead('tps-list', () => {
    const screenings = session.marketing.screenings();
    const until = (list: 'tps' | 'ctps') => {
      const newest = screenings.find((s) => s.list === list || s.list === 'both');
      return newest ? addDays(newest.screenedOn, TPS_SCREENING_DAYS) : null;
    };
    return { value: { screenings, coveredUntil: { tps: until('tps'), ctps: until('ctps') } }, details: { entries: screenings.length } };
  });
}
