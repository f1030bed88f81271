// The lawful-basis form's problems, each tied to its field and said in words: the form's own checks (run as the
// person types) and the core's sentences from policy.check / policy.assign ('evidence.purposeTest: … is required'),
// mapped to the field they name with no raw key left in them. Also the form's steps, which step a field or a
// guardrail belongs to, and whether Save may go ahead. Pure, so every mapping is unit-tested.
import type { Guardrail } from '../types.js';
import { dayFieldProblem, isDay } from './date-field.js';
import { art9Asks, EVIDENCE_FIELDS, type PolicyFormState } from './policy-form.js';

export const POLICY_STEPS = [
  { id: 'basis', title: 'Basis and purpose' },
  { id: 'evidence', title: 'Evidence' },
  { id: 'special', title: 'Special categories' },
  { id: 'notice', title: 'Notice' },
  { id: 'review', title: 'Review and save' },
] as const;
export type StepId = (typeof POLICY_STEPS)[number]['id'];

/**
 * A field of the form, named as the core names it: 'basis', 'purpose', 'purposeDescription', 'evidence.<key>',
 * the Art. 9 / Art. 10 fields, 'art14Notice.<key>'; 'form' for a problem with no one field.
 */
export type FieldKey = string;

export interface FieldProblem {
  field: FieldKey;
  message: string;
}

const STEP_OF_FIELD: Record<string, StepId> = {
  basis: 'basis',
  purpose: 'basis',
  purposeDescription: 'basis',
  evidence: 'evidence',
  art9Condition: 'special',
  art9Justification: 'special',
  art9MadePublicWhere: 'special',
  schedule1Condition: 'special',
  appropriatePolicyDocument: 'special',
  art10Authority: 'special',
  art14Notice: 'notice',
};

/** The step that holds a field ('form' problems belong to the review). */
export function stepOfField(field: FieldKey): StepId {
  return STEP_OF_FIELD[field.split('.')[0]!] ?? 'review';
}

const STEP_OF_GUARDRAIL: Record<string, StepId> = {
  'linkedin-connection-not-consent': 'basis',
  'pecr-individual-subscribers': 'basis',
  'contract-not-for-marketing': 'basis',
  'basis-not-for-marketing': 'basis',
  'basis-unlikely-for-marketing': 'basis',
  'lia-incomplete': 'evidence',
  'lia-not-signed-off': 'evidence',
  'lia-review-due': 'evidence',
  'consent-stale': 'evidence',
  'special-category-needs-art9': 'special',
  'art14-notice-overdue': 'notice',
};

/** The step a guardrail concerns (one the form does not know goes with the basis). */
export function stepOfGuardrail(id: string): StepId {
  return STEP_OF_GUARDRAIL[id] ?? 'basis';
}

// ---- The form's own checks ----

/** The core's bar for an Art. 9(2) justification (src/policy/evidence-heuristics.ts: 20 characters, three words). */
const REAL_ANSWER = 20;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Every problem the form can see itself, all at once, each on its field. */
export function formProblems(state: PolicyFormState): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: FieldKey, message: string) => out.push({ field, message });
  if (!state.basis) add('basis', 'Choose a lawful basis.');
  if (!state.purpose) add('purpose', 'Choose a purpose.');
  if (state.purposeDescription.trim().length < 10) add('purposeDescription', 'Describe the purpose in your own words: at least 10 characters.');

  if (state.basis) {
    const typed = state.evidence[state.basis] ?? {};
    const value = (key: string) => (typed[key] ?? '').trim();
    for (const field of EVIDENCE_FIELDS[state.basis]) {
      const v = value(field.key);
      // Date fields are date pickers (lib/date-field.ts): their problems speak of picking a day, never of a format.
      if (v === '' && !field.optional) add(`evidence.${field.key}`, field.kind === 'date' ? `Pick the ${lowerFirst(field.label)}.` : `Fill in: ${lowerFirst(field.label)}.`);
      else if (v !== '' && field.kind === 'date' && !isDay(v)) add(`evidence.${field.key}`, dayFieldProblem(v, 'the date')!);
    }
    if (state.basis === 'legitimate-interests') {
      const [by, at, assessed, review] = [value('signedOffBy'), value('signedOffAt'), value('assessedAt'), value('reviewBy')];
      if ((by === '') !== (at === '')) add(by === '' ? 'evidence.signedOffBy' : 'evidence.signedOffAt', 'A sign-off needs both who signed the assessment off and the date.');
      if (isDay(at) && isDay(assessed) && at < assessed) add('evidence.signedOffAt', 'The assessment cannot be signed off before it was made.');
      if (isDay(review) && isDay(assessed) && review <= assessed) add('evidence.reviewBy', 'The review date must come after the assessment.');
    }
  }

  if (state.showArt9) {
    const asks = art9Asks(state.art9Condition);
    // No condition chosen is not the form's problem: when the group's data needs one, the core's guardrail says so.
    if (state.art9Condition) {
      const why = state.art9Justification.trim();
      if (why === '') add('art9Justification', 'Say why the condition applies.');
      else if (why.length < REAL_ANSWER || new Set(why.toLowerCase().split(/\W+/).filter(Boolean)).size < 3)
        add('art9Justification', 'Say why the condition applies in a real answer: at least 20 characters and three different words.');
      if (asks.where && state.art9MadePublicWhere.trim() === '') add('art9MadePublicWhere', 'Say where the person made this data public themselves.');
      if (asks.schedule1 !== null && state.schedule1Condition.trim() === '') add('schedule1Condition', `Name the DPA 2018 Schedule 1 condition relied on (${asks.schedule1}).`);
    }
  }
  const apdNeeded = (state.showArt9 && art9Asks(state.art9Condition).apd) || (state.showArt10 && state.art10Authority.trim() !== '');
  if (apdNeeded && state.appropriatePolicyDocument.trim() === '') add('appropriatePolicyDocument', 'Give the reference of your appropriate policy document.');

  const n = state.notice;
  if (!n.status) add('art14Notice.status', 'Choose whether the notice was sent, is planned or is exempt.');
  const noticeDay = dayFieldProblem(n.date, 'the date of the notice');
  if (noticeDay) add('art14Notice.date', noticeDay);
  if (n.method.trim().length < 3) add('art14Notice.method', 'Say how people are told, e.g. a privacy notice in the first email.');
  if (n.status === 'exempt' && n.exemption.trim().length < 10) add('art14Notice.exemption', 'Give the Art. 14(5) ground and the reason, e.g. Art. 14(5)(b) disproportionate effort, because …');
  return out;
}

// ---- The core's sentences ----

/** Sentences whose words are the core's raw lists or keys: said again, for that field, in words. */
const REWORDED: Record<string, string> = {
  basis: 'Choose a lawful basis.',
  purpose: 'Choose a purpose.',
  'art14Notice.status': 'Choose whether the notice was sent, is planned or is exempt.',
  evidence: 'Fill in the evidence for this basis.',
  art14Notice: 'Fill in the notice: its status, date and method.',
  art9Condition: 'Choose an Art. 9(2) condition.',
};

/** A parenthesis naming a raw key ('(signedOffBy and signedOffAt)', '(art9Justification)'), dropped with its space. */
const KEY_IN_BRACKETS = /\s*\([^()]*\b[a-z]+[A-Z]\w*[^()]*\)/g;
/** A raw key left in the sentence: a camelCase word or a dotted field path. */
export const RAW_KEY = /\b[a-z]+[0-9]*[A-Z]\w*\b|\b(?:evidence|art14Notice)\.\w+/;

/**
 * The core speaks of dates as written ('must be a date written yyyy-mm-dd', 'is required (yyyy-mm-dd)'), for the CLI;
 * the form's dates are pickers that show the computer's own form, so the format goes and picking is said instead.
 */
const withoutDateFormat = (s: string) =>
  s
    .replace(/ must be a date written yyyy-mm-dd/gi, ' is not a day of the calendar: pick it again')
    .replace(/\s*\(yyyy-mm-dd\)/gi, '')
    .replace(/,? ?(?:written )?yyyy-mm-dd/gi, '');

const sentence = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ');
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.…!?]$/.test(capital) ? capital : `${capital}.`;
};

/**
 * The core's 'path: message' sentences → problems on their fields, in words. A sentence without a field, or naming
 * one the form does not have, is a problem of the whole form.
 */
export function coreProblems(errors: readonly string[]): FieldProblem[] {
  return errors.map((error) => {
    const match = /^([A-Za-z0-9_.[\]]+): ([\s\S]*)$/.exec(error);
    const path = match ? match[1]! : 'form';
    const raw = match ? match[2]! : error;
    const known = path in REWORDED || STEP_OF_FIELD[path.split('.')[0]!] !== undefined;
    const field = known ? path : 'form';
    const words = REWORDED[path] ?? sentence(withoutDateFormat(raw).replace(KEY_IN_BRACKETS, '').replace(RAW_KEY, 'this field'));
    return { field, message: words };
  });
}

/** One problem per field: the form's own first (it speaks of this form), then the core's for the other fields. */
export function mergeProblems(own: readonly FieldProblem[], core: readonly FieldProblem[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const p of [...own, ...core]) {
    // The core's whole-evidence or whole-notice sentence says nothing a field's own problem does not.
    const covered = (p.field === 'evidence' || p.field === 'art14Notice') && out.some((q) => q.field.startsWith(`${p.field}.`));
    if (seen.has(p.field) || covered) continue;
    seen.add(p.field);
    out.push(p);
  }
  return out;
}

/** Whether Save may go ahead, and if not, why, in one sentence. */
export type SaveState =
  | { kind: 'ready'; warnings: number }
  | { kind: 'needs-acknowledgement'; warnings: number; reason: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'incomplete'; reason: string }
  | { kind: 'checking'; reason: string };

export function saveState(input: { problems: readonly FieldProblem[]; guardrails: readonly Guardrail[] | null; acknowledged: boolean }): SaveState {
  const { problems, guardrails, acknowledged } = input;
  if (problems.length > 0) {
    const steps = [...new Set(problems.map((p) => POLICY_STEPS.findIndex((s) => s.id === stepOfField(p.field)) + 1))].sort((a, b) => a - b);
    return {
      kind: 'incomplete',
      reason: `Save is not possible yet: ${problems.length} thing${problems.length === 1 ? '' : 's'} to fix (step${steps.length === 1 ? '' : 's'} ${steps.join(', ')}).`,
    };
  }
  if (guardrails === null) return { kind: 'checking', reason: 'Checking the rules for this basis…' };
  const blocks = guardrails.filter((g) => g.severity === 'block');
  if (blocks.length > 0) return { kind: 'blocked', reason: `Save is blocked: ${blocks.map((g) => `${g.message} (${g.rule})`).join(' ')}` };
  const warnings = guardrails.length;
  if (warnings > 0 && !acknowledged)
    return { kind: 'needs-acknowledgement', warnings, reason: `Read the ${warnings === 1 ? 'warning' : `${warnings} warnings`} and tick “I have read the warnings” to save.` };
  return { kind: 'ready', warnings };
}

const FIELD_LABELS: Record<string, string> = {
  basis: 'Lawful basis',
  purpose: 'Purpose',
  purposeDescription: 'The purpose in your own words',
  art9Condition: 'Art. 9(2) condition',
  art9Justification: 'Why the condition applies',
  art9MadePublicWhere: 'Where the person made it public',
  schedule1Condition: 'DPA 2018 Schedule 1 condition',
  appropriatePolicyDocument: 'Appropriate policy document',
  art10Authority: 'Art. 10 authority',
  'art14Notice.status': 'Notice status',
  'art14Notice.date': 'Date of the notice',
  'art14Notice.method': 'How people are told',
  'art14Notice.exemption': 'Exemption',
  evidence: 'Evidence',
  art14Notice: 'Notice',
  form: 'The form',
};

/** A field's name as the form labels it, for the list of problems on the review step. */
export function fieldLabel(field: FieldKey): string {
  if (field.startsWith('evidence.')) {
    const key = field.slice('evidence.'.length);
    for (const fields of Object.values(EVIDENCE_FIELDS)) {
      const found = fields.find((f) => f.key === key);
      if (found) return found.label;
    }
  }
  return FIELD_LABELS[field] ?? 'The form';
}
