// Consent per person (Art. 6(1)(a), Art. 7): recorded by hand or imported from a CSV, listed, withdrawn (which
// suppresses that purpose at once, Art. 7(3)), and confirmed when carried over from a group record. Each record
// belongs to one contact, so a consent covers the person who gave it and nobody who joins their group later.
import { randomUUID } from 'node:crypto';
import { ConsentInputSchema } from '../../api/schemas.js';
import type { AuditDetails } from '../../audit/audit-log.js';
import { canonicalProfileUrl, normaliseEmail } from '../../import/normalise.js';
import { dayOf, isIsoDay } from '../../policy/dates.js';
import { ServiceError } from '../../shared/errors.js';
import { CONSENT_METHODS, type ConsentMethod, type Purpose } from '../../shared/vocabulary.js';
import type { ConsentRecord } from '../../vault/consents-repo.js';
import { insertSuppression, purposeSuppressions, suppressionMatcher, type ContactRow } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';
import { readConsentCsv, type ConsentColumn } from './consent-csv.js';
import { findByIdentity, findPerson, identitiesOf, type PersonSelector } from './person.js';

export interface ConsentInput {
  purpose: ConsentRecord['purpose'];
  channels: ConsentRecord['channels'];
  obtainedAt: string;
  method: ConsentMethod;
  wording: string;
  wordingVersion: string;
  proof: string;
  /** Explicit consent (Art. 9(2)(a)): the statement expressly covers the use of the person's special-category data. */
  explicit?: boolean | undefined;
}

export interface ConsentImportResult {
  applied: boolean;
  lines: number;
  added: number;
  unmatched: number[];
  invalid: { line: number; message: string }[];
}

const today = (session: Session) => dayOf(session.vault.now());

/**
 * Why a new consent of this person for this purpose cannot count, or null: they objected or were erased (every use,
 * Art. 21), or withdrew consent for this purpose (Art. 7(3)). Only an admin lifting the entry makes a new consent
 * possible, so that a withdrawal is never undone by a stale record.
 */
function suppressionCheck(session: Session): (row: ContactRow, purpose: Purpose) => string | null {
  const everyUse = suppressionMatcher(session.db);
  const byPurpose = purposeSuppressions(session.db);
  return (row, purpose) => {
    const ids = identitiesOf(session, row);
    if (everyUse(ids, ids.name)) {
      return 'This person is on the suppression list (they objected, or asked to be erased), so no consent can be recorded for them: it counts as a new consent only if an admin lifts the suppression first (suppress lift, with the reason).';
    }
    if (byPurpose(ids, ids.name).has(purpose)) {
      return `This person withdrew their consent for ${purpose} (Art. 7(3)), so that purpose is suppressed for them: a new consent counts only if an admin lifts that suppression first (suppress lift, with the reason).`;
    }
    return null;
  };
}

/** The same consent already recorded: same person, purpose, day, method and wording version. */
const sameConsent = (contactId: string, c: Pick<ConsentInput, 'purpose' | 'obtainedAt' | 'method' | 'wordingVersion'>) =>
  [contactId, c.purpose, c.obtainedAt, c.method, c.wordingVersion].join('\u0000');

function recorded(session: Session, contactId: string): Map<string, ConsentRecord> {
  return new Map(session.consents.list([contactId]).map((r) => [sameConsent(contactId, r), r]));
}

function store(session: Session, contactId: string, consent: ConsentInput): string {
  const id = randomUUID();
  session.consents.insert({
    id,
    contactId,
    ...consent,
    channels: [...new Set(consent.channels)],
    explicit: consent.explicit === true,
    carriedOver: false,
    createdAt: session.vault.now().toISOString(),
    createdBy: session.memberId,
  });
  return id;
}

/** Withdraw a record and suppress its purpose for the person (Art. 7(3)): the suppression's id. */
function withdrawAndSuppress(session: Session, record: Pick<ConsentRecord, 'id' | 'purpose'>, row: ContactRow, day: string, method: ConsentMethod): string {
  session.consents.withdraw(record.id, day, method);
  const id = randomUUID();
  insertSuppression(session.db, {
    id,
    indexes: identitiesOf(session, row),
    reason: 'consent-withdrawn',
    purpose: record.purpose,
    createdAt: session.vault.now().toISOString(),
    memberId: session.memberId,
  });
  return id;
}

/** Record one consent a person gave (Art. 7(1): the controller can show who consented, to what, when and how). */
export function addConsent(session: Session, person: PersonSelector, consent: ConsentInput): string {
  return session.perform('consent-add', () => {
    const row = findPerson(session, person, 'No contact in the vault matches that person: consent is recorded for people already in the vault.');
    if (consent.obtainedAt > today(session)) throw new ServiceError('invalid', `The day consent was obtained (${consent.obtainedAt}) is after today: record it once it has been given.`);
    const suppressed = suppressionCheck(session)(row, consent.purpose);
    if (suppressed) throw new ServiceError('conflict', suppressed);
    const already = recorded(session, row.id).get(sameConsent(row.id, consent));
    if (already) throw new ServiceError('conflict', `This consent is already recorded for this person (${already.id}: same purpose, day, method and wording version).`);
    const id = store(session, row.id, consent);
    return { value: id, details: { consentId: id, contactId: row.id, purpose: consent.purpose, explicit: consent.explicit === true } };
  });
}

const FIELD_COLUMN: Record<string, ConsentColumn> = {
  purpose: 'purpose',
  channels: 'channels',
  obtainedAt: 'obtained_at',
  method: 'method',
  wording: 'wording',
  wordingVersion: 'wording_version',
  proof: 'proof',
  explicit: 'explicit',
};

type Checked = { problem: string } | { consent: ConsentInput; withdrawal: { day: string; method: ConsentMethod } | null; who: { email: string; url: string } };

/** One line's values, checked by the contract's own schema, so the rules are those of consent.add. */
function checkLine(values: Record<ConsentColumn, string>, day: string): Checked {
  if (!values.email && !values.profile_url) return { problem: "the line names nobody: give the person's email or profile_url" };
  if (values.email && !normaliseEmail(values.email).valid) return { problem: 'the email is not a well-formed address' };
  if (values.profile_url && !canonicalProfileUrl(values.profile_url)) return { problem: 'the profile_url is not a profile address' };
  const explicit = values.explicit.toLowerCase();
  if (explicit !== '' && explicit !== 'yes' && explicit !== 'no') return { problem: 'explicit: yes or no (left empty: no)' };
  const parsed = ConsentInputSchema.safeParse({
    purpose: values.purpose,
    channels: values.channels.split(/[;,]/).map((c) => c.trim()).filter(Boolean),
    obtainedAt: values.obtained_at,
    method: values.method,
    wording: values.wording,
    wordingVersion: values.wording_version,
    proof: values.proof,
    explicit: explicit === 'yes',
  });
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => `${FIELD_COLUMN[String(i.path[0])] ?? 'line'}: ${i.message}`).join('; ') };
  const consent = parsed.data;
  if (consent.obtainedAt > day) return { problem: 'obtained_at is after today' };
  let withdrawal: { day: string; method: ConsentMethod } | null = null;
  if (values.withdrawn_at || values.withdrawal_method) {
    if (!isIsoDay(values.withdrawn_at)) return { problem: 'withdrawn_at: a date written yyyy-mm-dd (a withdrawal needs its day and its method)' };
    if (!(CONSENT_METHODS as readonly string[]).includes(values.withdrawal_method)) return { problem: `withdrawal_method: one of ${CONSENT_METHODS.join(', ')} (a withdrawal needs its day and its method)` };
    if (values.withdrawn_at < consent.obtainedAt) return { problem: 'withdrawn_at is before obtained_at' };
    if (values.withdrawn_at > day) return { problem: 'withdrawn_at is after today' };
    withdrawal = { day: values.withdrawn_at, method: values.withdrawal_method as ConsentMethod };
  }
  return { consent, withdrawal, who: { email: values.email, url: values.profile_url } };
}

/**
 * Import consent records from a CSV (consent-csv.ts names its columns): each line matched to a contact by the blind
 * index of its email, else its profile URL; lines matching nobody, and lines with invalid values, are reported by
 * their line number; the rest are added in one transaction, or only counted in a dry run.
 */
export function importConsents(session: Session, path: string, options: { dryRun: boolean }): ConsentImportResult {
  return session.perform('consent-import', () => {
    const lines = readConsentCsv(path);
    const day = today(session);
    const suppressed = suppressionCheck(session);
    // What this file itself adds, so that a dry run answers as the real import would.
    const added = new Set<string>();
    const withdrawnHere = new Set<string>();
    const result: ConsentImportResult = { applied: !options.dryRun, lines: lines.length, added: 0, unmatched: [], invalid: [] };
    const refuse = (line: number, message: string) => result.invalid.push({ line, message });
    for (const entry of lines) {
      if ('problem' in entry) {
        refuse(entry.line, entry.problem);
        continue;
      }
      const checked = checkLine(entry.values, day);
      if ('problem' in checked) {
        refuse(entry.line, checked.problem);
        continue;
      }
      const { consent, withdrawal, who } = checked;
      const row =
        (who.email ? findByIdentity(session, { email: who.email }) : null) ?? (who.url ? findByIdentity(session, { profileUrl: who.url }) : null);
      if (!row) {
        result.unmatched.push(entry.line);
        continue;
      }
      // A withdrawn consent is a record of the past: it is kept even for someone suppressed since.
      const blocked = withdrawal ? null : withdrawnHere.has(`${row.id}\u0000${consent.purpose}`) ? 'this person withdrew this consent on an earlier line' : suppressed(row, consent.purpose);
      if (blocked) {
        refuse(entry.line, blocked);
        continue;
      }
      const key = sameConsent(row.id, consent);
      const already = recorded(session, row.id).get(key);
      if (added.has(key) || already) {
        const where = already ? `as ${already.id}${withdrawal && !already.withdrawnAt ? ': to record its withdrawal, use consent withdraw with that id' : ''}` : 'on an earlier line';
        refuse(entry.line, `this consent is already recorded for this person (same purpose, day, method and wording version) ${where}`);
        continue;
      }
      added.add(key);
      if (withdrawal) withdrawnHere.add(`${row.id}\u0000${consent.purpose}`);
      result.added++;
      if (options.dryRun) continue;
      const id = store(session, row.id, consent);
      if (withdrawal) withdrawAndSuppress(session, { id, purpose: consent.purpose }, row, withdrawal.day, withdrawal.method);
    }
    return {
      value: result,
      details: { records: result.lines, added: result.added, unmatched: result.unmatched.length, errors: result.invalid.length, dryRun: options.dryRun },
    };
  });
}

/** The records of one contact, of every contact now in a group, or all. */
export function listConsents(session: Session, filter: { contactId?: string | undefined; groupId?: string | undefined }): ConsentRecord[] {
  return session.repeatableRead('consent-list', () => {
    const { contactId, groupId } = filter;
    if (groupId !== undefined && !session.groups.exists(groupId)) throw new ServiceError('not-found', 'There is no such group: groups list shows them.');
    let records: ConsentRecord[];
    if (contactId !== undefined) {
      const row = session.contacts.get(contactId);
      if (!row) throw new ServiceError('not-found', 'There is no such contact: contacts list shows them.');
      records = groupId === undefined || row.group_id === groupId ? session.consents.list([contactId]) : [];
    } else records = groupId !== undefined ? session.consents.ofGroup(groupId) : session.consents.list(null);
    return {
      value: records,
      details: { contacts: new Set(records.map((r) => r.contactId)).size, records: records.length, ...(groupId ? { groupId } : {}), ...(contactId ? { contactId } : {}) },
    };
  });
}

/**
 * Withdraw a consent (Art. 7(3): as easy as giving it, and effective at once): the record keeps the day and the way,
 * and the person is suppressed for that purpose, so consent-based uses stop. Returns the suppression's id.
 */
export function withdrawConsent(session: Session, consentId: string, options: { withdrawnAt?: string | undefined; method: ConsentMethod }): string {
  return session.perform('consent-withdraw', () => {
    const record = session.consents.get(consentId);
    if (!record) throw new ServiceError('not-found', 'There is no consent record with that id: consent list shows them.');
    if (record.withdrawnAt) throw new ServiceError('conflict', `This consent was already withdrawn on ${record.withdrawnAt}.`);
    const day = options.withdrawnAt ?? today(session);
    if (day > today(session)) throw new ServiceError('invalid', `The day of withdrawal (${day}) is after today: record it once it has happened.`);
    if (day < record.obtainedAt) throw new ServiceError('invalid', `The day of withdrawal (${day}) is before the consent was obtained (${record.obtainedAt}).`);
    const row = session.contacts.get(record.contactId);
    if (!row) throw new ServiceError('not-found', 'The contact of this consent is no longer in the vault.');
    const suppressionId = withdrawAndSuppress(session, record, row, day, options.method);
    return { value: suppressionId, details: { consentId, contactId: record.contactId, purpose: record.purpose, suppressionId } };
  });
}

/** A data owner confirms records carried over from a group record (schema 6): from now on they count. */
export function confirmConsents(session: Session, which: { groupId: string } | { consentIds: string[] }): number {
  return session.perform('consent-confirm', () => {
    const at = session.vault.now().toISOString();
    if ('groupId' in which) {
      if (!session.groups.exists(which.groupId)) throw new ServiceError('not-found', 'There is no such group: groups list shows them.');
    } else {
      const unknown = session.consents.unknown(which.consentIds);
      if (unknown.length > 0) throw new ServiceError('not-found', `${unknown.length === 1 ? 'One of these ids names' : `${unknown.length} of these ids name`} no consent record: consent list shows them. Nothing was confirmed.`);
    }
    const confirmed = 'groupId' in which ? session.consents.confirmGroup(which.groupId, at, session.memberId) : session.consents.confirm({ ids: which.consentIds }, at, session.memberId);
    const details: AuditDetails = 'groupId' in which ? { groupId: which.groupId, confirmed } : { confirmed };
    return { value: confirmed, details };
  });
}
