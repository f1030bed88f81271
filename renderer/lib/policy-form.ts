// The lawful-basis form's state and its mapping to the policy draft of the IPC contract (policy.check and
// policy.assign; src/policy/lawful-basis.ts validates it): basis, purpose, purposeDescription, the evidence of that
// one basis, the optional Art. 9 / Art. 10 fields and the Art. 14 notice. Pure, so the mapping is unit-tested
// against the schema.
import {
  ART9_CONDITIONS,
  ART9_SCHEDULE_1,
  LAWFUL_BASES,
  NOTICE_STATUSES,
  PURPOSES,
  type Art9Condition,
  type LawfulBasis,
  type NoticeStatus,
  type Purpose,
} from '../../src/shared/vocabulary.js';
import type { PolicyDraft } from '../types.js';
import { isOneOf } from './guards.js';

/** The conditions of Art. 9(2), in the order (a)-(j) (src/shared/vocabulary.ts). */
export { ART9_CONDITIONS };

/** What the chosen Art. 9(2) condition asks for besides its justification (src/policy/lawful-basis.ts checks it). */
export function art9Asks(condition: Art9Condition | ''): { where: boolean; schedule1: string | null; apd: boolean } {
  const schedule1 = condition === '' ? undefined : ART9_SCHEDULE_1[condition];
  return { where: condition === 'made-public-by-data-subject', schedule1: schedule1?.paragraph ?? null, apd: schedule1?.apd === true };
}

export type FieldKind = 'text' | 'textarea' | 'date';

export interface EvidenceField {
  key: string;
  label: string;
  hint: string;
  kind: FieldKind;
  optional?: boolean;
}

const f = (key: string, label: string, hint: string, kind: FieldKind = 'textarea', optional = false): EvidenceField => ({ key, label, hint, kind, ...(optional ? { optional } : {}) });

/** The evidence each Art. 6(1) basis needs, in the order the form asks for it. */
export const EVIDENCE_FIELDS: Record<LawfulBasis, readonly EvidenceField[]> = {
  consent: [
    f('method', 'How consent was obtained', 'For example: a sign-up form with an unticked box. A LinkedIn connection is not consent.', 'text'),
    f('obtainedAt', 'Date consent was obtained', 'The day people gave their consent.', 'date'),
    f('wording', 'The exact statement people agreed to', 'Copy the wording they saw, word for word.'),
    f('withdrawalRoute', 'How people can withdraw consent', 'Art. 7(3): as easy as giving it, e.g. an unsubscribe link.', 'text'),
    f('recordLocation', 'Where the consent records are kept', 'Optional: the system or file that holds each person’s record.', 'text', true),
  ],
  contract: [
    f('contract', 'The contract, or the steps before entering it', 'Each person must be a party to a contract with you, or have asked you to take steps before entering one: name that contract or those steps.'),
    f('necessity', 'Why the processing is necessary for that contract', 'What you could not do under the contract without it.'),
  ],
  'legal-obligation': [
    f('law', 'The law that creates the obligation', 'The statute or regulation, e.g. a section of an Act.', 'text'),
    f('justification', 'Justification', 'How that law requires you to keep or use these contacts.'),
  ],
  'vital-interests': [f('justification', 'Justification', 'Whose life is at stake, and why no other basis applies.')],
  'public-task': [
    f('justification', 'Justification', 'The task in the public interest or official function you carry out.'),
    f('legalBasisReference', 'Statutory function or official authority', 'The legal basis reference for that task.', 'text'),
  ],
  'legitimate-interests': [
    f('purposeTest', 'Purpose test: what is the legitimate interest?', 'What do you want to achieve, who benefits, and is it lawful and ethical?'),
    f('necessityTest', 'Necessity test: is the processing necessary?', 'Does it really help that purpose, and is there no less intrusive way to achieve it?'),
    f('balancingTest', 'Balancing test: do people’s interests override yours?', 'Would people expect it? What is the impact on them? Any children or vulnerable people? What safeguards do you apply?'),
    f('optOut', 'The opt-out offered', 'For example: an unsubscribe link in every message, honoured at once.', 'text'),
    f('assessedAt', 'Date of the assessment', 'The day the three tests above were answered.', 'date'),
    f('assessedBy', 'Who made the assessment', 'Name or role of the person accountable for it.', 'text'),
    f('version', 'Version of the assessment', 'For example 1, or 2026-03. A new purpose needs a new assessment, saved as a new version.', 'text'),
    f('signedOffBy', 'Signed off by', 'The data owner or admin who approved it (name or role). Left empty, the assessment is unsigned: it warns, and marketing exports leave the group out.', 'text', true),
    f('signedOffAt', 'Signed off on', 'The day it was signed off; give who signed it off too.', 'date', true),
    f('reviewBy', 'Review by', 'Optional. Left empty, the review is due 12 months after the assessment.', 'date', true),
  ],
};

/** The three steps of the ICO's legitimate interests assessment, shown one at a time; the rest follows them. */
export const LIA_STEPS = ['purposeTest', 'necessityTest', 'balancingTest'] as const;

export interface NoticeState {
  status: NoticeStatus | '';
  date: string;
  method: string;
  exemption: string;
}

export interface PolicyFormState {
  basis: LawfulBasis | '';
  purpose: Purpose | '';
  purposeDescription: string;
  /** What was typed for each basis, kept when the basis changes so nothing is lost; only the chosen one is sent. */
  evidence: Partial<Record<LawfulBasis, Record<string, string>>>;
  showArt9: boolean;
  art9Condition: Art9Condition | '';
  art9Justification: string;
  /** (e): where the person made the data manifestly public. */
  art9MadePublicWhere: string;
  /** (b), (g), (h), (i), (j): the DPA 2018 Sch. 1 condition. */
  schedule1Condition: string;
  /** (b), (g) and Art. 10: the appropriate policy document's reference. */
  appropriatePolicyDocument: string;
  showArt10: boolean;
  art10Authority: string;
  notice: NoticeState;
}

export const emptyPolicyForm = (): PolicyFormState => ({
  basis: '',
  purpose: '',
  purposeDescription: '',
  evidence: {},
  showArt9: false,
  art9Condition: '',
  art9Justification: '',
  art9MadePublicWhere: '',
  schedule1Condition: '',
  appropriatePolicyDocument: '',
  showArt10: false,
  art10Authority: '',
  notice: { status: '', date: '', method: '', exemption: '' },
});

type Art14Draft = NonNullable<PolicyDraft['art14Notice']>;

/** The draft the form sends: the contract's policy draft, always with its description, evidence and notice. */
export type FormDraft = PolicyDraft & { purposeDescription: string; evidence: Record<string, string>; art14Notice: Art14Draft };

/**
 * Form → policy. Text is trimmed; the evidence holds exactly the chosen basis's fields (a required field left
 * empty is sent empty, so the core answers with its own sentence); optional fields, an unshown Art. 9 / Art. 10
 * section, the Art. 9 fields the chosen condition does not ask for (art9Asks) and an exemption that is not needed
 * are left out.
 */
export function toPolicy(state: PolicyFormState): FormDraft {
  const evidence: Record<string, string> = {};
  if (state.basis) {
    const typed = state.evidence[state.basis] ?? {};
    for (const field of EVIDENCE_FIELDS[state.basis]) {
      const value = (typed[field.key] ?? '').trim();
      if (field.optional && value === '') continue;
      evidence[field.key] = value;
    }
  }
  const notice: Art14Draft = { date: state.notice.date.trim(), method: state.notice.method.trim() };
  if (state.notice.status) notice.status = state.notice.status;
  if (state.notice.status === 'exempt' && state.notice.exemption.trim()) notice.exemption = state.notice.exemption.trim();
  const policy: FormDraft = { purposeDescription: state.purposeDescription.trim(), evidence, art14Notice: notice };
  if (state.basis) policy.basis = state.basis;
  if (state.purpose) policy.purpose = state.purpose;
  const art9 = state.showArt9 && state.art9Condition !== '';
  const asks = art9Asks(state.showArt9 ? state.art9Condition : '');
  if (art9) {
    policy.art9Condition = state.art9Condition;
    policy.art9Justification = state.art9Justification.trim();
    if (asks.where) policy.art9MadePublicWhere = state.art9MadePublicWhere.trim();
    if (asks.schedule1 !== null) policy.schedule1Condition = state.schedule1Condition.trim();
  }
  const art10 = state.showArt10 && state.art10Authority.trim() !== '';
  if (art10) policy.art10Authority = state.art10Authority.trim();
  if (asks.apd || art10) policy.appropriatePolicyDocument = state.appropriatePolicyDocument.trim();
  return policy;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | '' => (isOneOf(list, value) ? value : '');
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Policy → form, to edit a group's saved policy (or a draft). Values are checked against the vocabularies again
 * rather than trusted: a word the form does not offer is left out.
 */
export function fromPolicy(policy: PolicyDraft | null | undefined): PolicyFormState {
  const state = emptyPolicyForm();
  if (!policy) return state;
  state.basis = oneOf(LAWFUL_BASES, policy.basis);
  state.purpose = oneOf(PURPOSES, policy.purpose);
  state.purposeDescription = text(policy.purposeDescription);
  const evidence = policy.evidence ?? {};
  if (state.basis) state.evidence[state.basis] = Object.fromEntries(EVIDENCE_FIELDS[state.basis].map((field) => [field.key, text(evidence[field.key])]));
  state.art9Condition = oneOf(ART9_CONDITIONS, policy.art9Condition);
  state.art9Justification = text(policy.art9Justification);
  state.art9MadePublicWhere = text(policy.art9MadePublicWhere);
  state.schedule1Condition = text(policy.schedule1Condition);
  state.appropriatePolicyDocument = text(policy.appropriatePolicyDocument);
  state.showArt9 = state.art9Condition !== '';
  state.art10Authority = text(policy.art10Authority);
  state.showArt10 = state.art10Authority !== '';
  const notice = policy.art14Notice ?? {};
  state.notice = { status: oneOf(NOTICE_STATUSES, notice.status), date: text(notice.date), method: text(notice.method), exemption: text(notice.exemption) };
  return state;
}

/** Set one evidence field of one basis, immutably. */
export function withEvidence(state: PolicyFormState, basis: LawfulBasis, key: string, value: string): PolicyFormState {
  return { ...state, evidence: { ...state.evidence, [basis]: { ...(state.evidence[basis] ?? {}), [key]: value } } };
}

/**
 * The draft the live check sends (policy.check, as the form fills): the form's draft, without a notice plan that
 * is still wholly empty (the core accepts a policy without one), so the guardrails of the basis, the evidence and
 * the special categories show before the notice step is reached. Save sends toPolicy, which always has it.
 */
export function toCheckDraft(state: PolicyFormState): PolicyDraft {
  const { art14Notice, ...rest } = toPolicy(state);
  const empty = !art14Notice.status && art14Notice.date === '' && art14Notice.method === '';
  return empty ? rest : { ...rest, art14Notice };
}
