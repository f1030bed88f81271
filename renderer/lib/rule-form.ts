// The add-group form → a group rule of the contract (src/policy/group-rules.ts): lists are typed one per line or
// separated by commas; years are whole numbers. Pure, so it is unit-tested.
import { RULE_TYPES, type EmailKind, type RuleType } from '../../src/shared/vocabulary.js';
import type { GroupRule } from '../types.js';

/** The rules the form builds: every rule type but 'manual' (contacts chosen one by one are not added here). */
export type FormRuleType = Exclude<RuleType, 'manual'>;
export const FORM_RULE_TYPES: readonly FormRuleType[] = RULE_TYPES.filter((type): type is FormRuleType => type !== 'manual');

export interface RuleFormState {
  type: FormRuleType;
  companies: string;
  emailKind: EmailKind;
  fromYear: string;
  toYear: string;
  keywords: string;
}

export const emptyRuleForm = (): RuleFormState => ({ type: 'company', companies: '', emailKind: 'corporate', fromYear: '', toYear: '', keywords: '' });

/** 'Acme, Globex\nInitech' → ['Acme', 'Globex', 'Initech']; blanks and repeats dropped. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of text.split(/[\n,;]/)) {
    const word = item.trim();
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      out.push(word);
    }
  }
  return out;
}

const year = (text: string): number | undefined => (/^\s*\d{4}\s*$/.test(text) ? Number(text.trim()) : undefined);

/** The rule, or the sentence that says what is missing. */
export function toRule(state: RuleFormState): { ok: true; rule: GroupRule } | { ok: false; error: string } {
  switch (state.type) {
    case 'company': {
      const companies = splitList(state.companies);
      return companies.length ? { ok: true, rule: { type: 'company', companies } } : { ok: false, error: 'Name at least one company.' };
    }
    case 'email-kind':
      return { ok: true, rule: { type: 'email-kind', kind: state.emailKind } };
    case 'connected-year': {
      const from = year(state.fromYear);
      const to = year(state.toYear);
      if ((state.fromYear.trim() && from === undefined) || (state.toYear.trim() && to === undefined)) return { ok: false, error: 'Write years with four digits, e.g. 2019.' };
      if (from === undefined && to === undefined) return { ok: false, error: 'Give a first year, a last year or both.' };
      if (from !== undefined && to !== undefined && from > to) return { ok: false, error: 'The first year must not be after the last year.' };
      return { ok: true, rule: { type: 'connected-year', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) } };
    }
    case 'position-keyword': {
      const keywords = splitList(state.keywords);
      return keywords.length ? { ok: true, rule: { type: 'position-keyword', keywords } } : { ok: false, error: 'Give at least one keyword.' };
    }
  }
}

/** A saved rule → the form, to edit it; null for a rule the form does not build (contacts chosen by hand). */
export function fromRule(rule: GroupRule): RuleFormState | null {
  const state = emptyRuleForm();
  switch (rule.type) {
    case 'company':
      return { ...state, type: 'company', companies: rule.companies.join('\n') };
    case 'email-kind':
      return { ...state, type: 'email-kind', emailKind: rule.kind };
    case 'connected-year':
      return { ...state, type: 'connected-year', fromYear: rule.from !== undefined ? String(rule.from) : '', toYear: rule.to !== undefined ? String(rule.to) : '' };
    case 'position-keyword':
      return { ...state, type: 'position-keyword', keywords: rule.keywords.join('\n') };
    case 'manual':
      return null;
  }
}

/** One sentence per move of a regrouping: '12 contacts would move from “A” to “B”.' (null: no group, quarantined). */
export function moveSentences(moves: readonly { from: string | null; to: string | null; contacts: number }[], labelOf: (id: string) => string, done = false): string[] {
  const name = (id: string | null) => (id === null ? 'no group (quarantined)' : `“${labelOf(id)}”`);
  return moves.map((m) => `${m.contacts.toLocaleString('en-GB')} contact${m.contacts === 1 ? '' : 's'} ${done ? 'moved' : 'would move'} from ${name(m.from)} to ${name(m.to)}.`);
}
