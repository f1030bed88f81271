// Grouping rules: an ordered list of groups, each with one rule; a contact joins the first group whose rule
// matches. A contact no rule matches stays unassigned, and so quarantined (see quarantine.ts).
import { z } from 'zod';
import { EMAIL_KINDS, type EmailKind } from '../shared/vocabulary.js';
import type { ContactFacts } from './contact-facts.js';

const word = z.string().trim().min(1);

export const GroupRuleSchema = z.discriminatedUnion('type', [
  /** Case-insensitive equality, after trimming, with any of the companies. */
  z.object({ type: z.literal('company'), companies: z.array(word).min(1) }),
  z.object({ type: z.literal('email-kind'), kind: z.enum(EMAIL_KINDS) }),
  /** Inclusive years; at least one bound. Contacts with no connection date never match. */
  z
    .object({ type: z.literal('connected-year'), from: z.number().int().optional(), to: z.number().int().optional() })
    .refine((r) => r.from !== undefined || r.to !== undefined, { error: 'give a first year, a last year or both' })
    .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
      error: 'the first year must not be after the last year',
    }),
  /** Case-insensitive whole-word match of any keyword in the position. */
  z.object({ type: z.literal('position-keyword'), keywords: z.array(word).min(1) }),
  z.object({ type: z.literal('manual'), contactIds: z.array(z.string()) }),
]);

export type GroupRule = z.infer<typeof GroupRuleSchema>;

export interface GroupDefinition {
  id: string;
  rule: GroupRule;
  order: number;
}

export const GroupDefinitionSchema = z.object({ id: z.string().min(1), rule: GroupRuleSchema, order: z.number().int() });

/** Trimmed, NFC, lower case, inner runs of white space as one space: 'ACME  Ltd ' equals 'acme ltd'. */
const fold = (s: string): string => s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A word is a run of Unicode letters, marks and digits: 'générale' is one word, so 'génér' does not match it.
const keywordPatterns = new Map<string, RegExp>();
function keywordPattern(keyword: string): RegExp {
  const key = fold(keyword);
  let re = keywordPatterns.get(key);
  if (!re) {
    const body = key.split(' ').map(escapeRegExp).join('\\s+');
    re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`, 'iu');
    if (keywordPatterns.size > 1000) keywordPatterns.clear();
    keywordPatterns.set(key, re);
  }
  return re;
}

/** The year of a yyyy-mm-dd date, or null. */
function connectedYear(connectedOn: string | null): number | null {
  const m = connectedOn === null ? null : /^(\d{4})-\d{2}-\d{2}/.exec(connectedOn);
  return m ? Number(m[1]) : null;
}

export function matchesRule(rule: GroupRule, contact: ContactFacts): boolean {
  switch (rule.type) {
    case 'company': {
      const company = fold(contact.company);
      return company !== '' && rule.companies.some((c) => fold(c) === company);
    }
    case 'email-kind':
      return contact.emailKind === rule.kind;
    case 'connected-year': {
      const year = connectedYear(contact.connectedOn);
      if (year === null || (rule.from === undefined && rule.to === undefined)) return false;
      return (rule.from === undefined || year >= rule.from) && (rule.to === undefined || year <= rule.to);
    }
    case 'position-keyword': {
      const position = contact.position.normalize('NFC');
      return rule.keywords.some((k) => fold(k) !== '' && keywordPattern(k).test(position));
    }
    case 'manual':
      return rule.contactIds.includes(contact.id);
  }
}

/** The id of the first group (by ascending order) whose rule matches, or null: unassigned, quarantined. */
export function assignGroup(groups: GroupDefinition[], contact: ContactFacts): string | null {
  // Ties in `order` keep the order of the array (Array.prototype.sort is stable).
  const ordered = [...groups].sort((a, b) => a.order - b.order);
  return ordered.find((g) => matchesRule(g.rule, contact))?.id ?? null;
}

/** 'A', 'A or B', 'A, B or C'. */
function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const EMAIL_KIND_WORDS: Record<EmailKind, string> = {
  corporate: 'corporate mailbox (company domain)',
  personal: 'personal mailbox (free-mail domain)',
  none: 'no email address',
};

/** Plain English, e.g. 'works at Acme Ltd or Globex', 'connected 2019–2021', 'chosen by hand (3 contacts)'. */
export function describeRule(rule: GroupRule): string {
  switch (rule.type) {
    case 'company':
      return `works at ${orList(rule.companies.map((c) => c.trim()))}`;
    case 'email-kind':
      return EMAIL_KIND_WORDS[rule.kind];
    case 'connected-year':
      if (rule.from !== undefined && rule.to !== undefined) {
        return rule.from === rule.to ? `connected in ${rule.from}` : `connected ${rule.from}–${rule.to}`;
      }
      if (rule.from !== undefined) return `connected in ${rule.from} or later`;
      if (rule.to !== undefined) return `connected in ${rule.to} or earlier`;
      return 'connected in any year (no bound given: matches nobody)';
    case 'position-keyword':
      return `position mentions ${orList(rule.keywords.map((k) => `"${k.trim()}"`))}`;
    case 'manual': {
      const n = new Set(rule.contactIds).size;
      return `chosen by hand (${n} contact${n === 1 ? '' : 's'})`;
    }
  }
}
