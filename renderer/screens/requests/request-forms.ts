// The People's requests forms, checked before they are sent: who a request is about (an email, a profile URL or a
// contact id), an objection, a consent, a withdrawal, the reason for lifting a suppression. Each check answers a
// request the contract accepts, or a sentence per field, so a form shows what is wrong beside the field. Pure; the
// core checks everything again.
import type { Request } from '../../../src/api/contract.js';
import { CONSENT_METHODS, CONTACT_CHANNELS, PURPOSES, type ConsentMethod, type ContactChannel, type Purpose } from '../../../src/shared/vocabulary.js';
import { dayFieldProblem } from '../../lib/date-field.js';
import { longDay } from '../../lib/format.js';
import { isOneOf } from '../../lib/guards.js';

export type PersonSelector = Request<'contacts.access'>;
export type ObjectionRequest = Request<'suppression.add'>;
export type ConsentInput = Request<'consent.add'>['consent'];
export type WithdrawRequest = Request<'consent.withdraw'>;

/** A form's answer: the request, or what is wrong, field by field. */
export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<F, string>> };

export const PERSON_KINDS = ['email', 'profileUrl', 'contactId'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  email: 'Email address',
  profileUrl: 'LinkedIn profile URL',
  contactId: 'Contact id',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A web address with a host and a path: 'https://www.linkedin.com/in/ada' or 'linkedin.com/in/ada'. */
const PROFILE = /^(https?:\/\/)?[^\s/]+\.[^\s/]+\/\S+$/i;

/** Why an email address cannot be sent, or null. */
export function emailProblem(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the person’s email address.';
  if (v.length > 320) return 'That email address is too long (at most 320 characters).';
  return EMAIL.test(v) ? null : 'That is not an email address: it needs a name, an @ and a domain, such as ada@example.com.';
}

/** Why a profile URL cannot be sent, or null. */
export function profileProblem(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Enter the person’s LinkedIn profile URL.';
  if (v.length > 2048) return 'That profile URL is too long (at most 2,048 characters).';
  return PROFILE.test(v) && v.length >= 8 ? null : 'That is not a profile URL: paste it from LinkedIn, such as https://www.linkedin.com/in/ada-lovelace.';
}

/** Who a subject access, erasure or consent is about, from the kind chosen and the value typed. */
export function personSelector(kind: PersonKind, value: string): Checked<PersonSelector, 'value'> {
  const v = value.trim();
  if (kind === 'email') {
    const problem = emailProblem(v);
    return problem ? { ok: false, errors: { value: problem } } : { ok: true, value: { email: v } };
  }
  if (kind === 'profileUrl') {
    const problem = profileProblem(v);
    return problem ? { ok: false, errors: { value: problem } } : { ok: true, value: { profileUrl: v } };
  }
  if (v === '') return { ok: false, errors: { value: 'Paste the contact id (shown at the foot of the contact’s details).' } };
  return UUID.test(v) ? { ok: true, value: { contactId: v } } : { ok: false, errors: { value: 'That is not a contact id: it looks like 1b4e28ba-2fa1-11d2-883f-0016d3cca427.' } };
}

/** An objection by email, profile URL or both (at least one). */
export function objectionRequest(email: string, profileUrl: string): Checked<ObjectionRequest, 'email' | 'profileUrl'> {
  const e = email.trim();
  const p = profileUrl.trim();
  if (e === '' && p === '') return { ok: false, errors: { email: 'Enter the email address, the profile URL, or both.' } };
  const errors = { ...(e !== '' && emailProblem(e) ? { email: emailProblem(e) ?? '' } : {}), ...(p !== '' && profileProblem(p) ? { profileUrl: profileProblem(p) ?? '' } : {}) };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (e !== '' && p !== '') return { ok: true, value: { email: e, profileUrl: p } };
  return { ok: true, value: e !== '' ? { email: e } : { profileUrl: p } };
}

/** Why the reason for lifting a suppression is not enough, or null. */
export function liftReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (r.length < 5) return 'Say why the entry is lifted, in a few words at least.';
  return r.length > 2000 ? 'The reason is too long (at most 2,000 characters).' : null;
}

/** A consent as the form holds it: every field a string (or a list of chosen channels). */
export interface ConsentDraft {
  purpose: Purpose | '';
  channels: readonly ContactChannel[];
  obtainedAt: string;
  method: ConsentMethod | '';
  wording: string;
  wordingVersion: string;
  proof: string;
  explicit: boolean;
}

export type ConsentField = Exclude<keyof ConsentDraft, 'explicit'>;

export const EMPTY_CONSENT: ConsentDraft = { purpose: '', channels: [], obtainedAt: '', method: '', wording: '', wordingVersion: '', proof: '', explicit: false };

/** Why a picked day cannot be used, or null: none picked, not a real day, after today. Said in words, never in a
 * format: the date picker shows the computer's own (lib/date-field.ts). */
export function dayProblem(value: string, today: string, what: string): string | null {
  const problem = dayFieldProblem(value, what);
  if (problem) return problem;
  return value.trim() > today ? `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} cannot be after today (${longDay(today)}).` : null;
}

/** A consent ready for consent.add, or a sentence for each field that is missing or wrong. */
export function consentInput(d: ConsentDraft, today: string): Checked<ConsentInput, ConsentField> {
  const errors: Partial<Record<ConsentField, string>> = {};
  if (!isOneOf(PURPOSES, d.purpose)) errors.purpose = 'Choose what the person consented to.';
  const channels = CONTACT_CHANNELS.filter((c) => d.channels.includes(c));
  if (channels.length === 0) errors.channels = 'Tick at least one way they agreed to be contacted.';
  const day = dayProblem(d.obtainedAt, today, 'the day consent was given');
  if (day) errors.obtainedAt = day;
  if (!isOneOf(CONSENT_METHODS, d.method)) errors.method = 'Choose how the person gave consent.';
  if (d.wording.trim() === '') errors.wording = 'Copy the exact statement the person agreed to (Art. 7(1)).';
  else if (d.wording.trim().length > 5000) errors.wording = 'The statement is too long (at most 5,000 characters).';
  if (d.wordingVersion.trim() === '') errors.wordingVersion = 'Give the version of that statement, such as v3 or 2026-01.';
  else if (d.wordingVersion.trim().length > 100) errors.wordingVersion = 'The version is too long (at most 100 characters).';
  if (d.proof.trim() === '') errors.proof = 'Say where the proof is kept: a form submission id, a call recording, an email.';
  else if (d.proof.trim().length > 2000) errors.proof = 'The proof reference is too long (at most 2,000 characters).';
  if (Object.keys(errors).length > 0 || !isOneOf(PURPOSES, d.purpose) || !isOneOf(CONSENT_METHODS, d.method)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      purpose: d.purpose,
      channels,
      obtainedAt: d.obtainedAt,
      method: d.method,
      wording: d.wording.trim(),
      wordingVersion: d.wordingVersion.trim(),
      proof: d.proof.trim(),
      ...(d.explicit ? { explicit: true } : {}),
    },
  };
}

/** A withdrawal: how it was made and, if not today, the day (not before consent was given, not after today). */
export function withdrawRequest(consentId: string, method: ConsentMethod | '', day: string, obtainedAt: string, today: string): Checked<WithdrawRequest, 'method' | 'day'> {
  const errors: Partial<Record<'method' | 'day', string>> = {};
  if (!isOneOf(CONSENT_METHODS, method)) errors.method = 'Choose how the person withdrew consent.';
  const d = day.trim();
  if (d !== '') {
    const problem = dayProblem(d, today, 'the day of withdrawal');
    if (problem) errors.day = problem;
    else if (d < obtainedAt) errors.day = `The day of withdrawal cannot be before consent was given (${longDay(obtainedAt)}).`;
  }
  if (Object.keys(errors).length > 0 || !isOneOf(CONSENT_METHODS, method)) return { ok: false, errors };
  return { ok: true, value: { consentId, method, ...(d !== '' ? { withdrawnAt: d } : {}) } };
}
