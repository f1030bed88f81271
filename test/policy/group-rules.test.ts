// Grouping rules: each rule type, first match wins, unassigned contacts get null, and the plain-English summary.
import { describe, expect, it } from 'vitest';
import {
  assignGroup,
  describeRule,
  GroupRuleSchema,
  matchesRule,
  type GroupDefinition,
  type GroupRule,
} from '../../src/policy/group-rules.js';
import { contact } from './builders.js';

describe('company rule', () => {
  const rule: GroupRule = { type: 'company', companies: ['Acme Ltd', '  Globex  '] };

  it('matches case-insensitively after trimming, on either side', () => {
    expect(matchesRule(rule, contact({ company: 'ACME LTD' }))).toBe(true);
    expect(matchesRule(rule, contact({ company: '  acme ltd ' }))).toBe(true);
    expect(matchesRule(rule, contact({ company: 'globex' }))).toBe(true);
    expect(matchesRule(rule, contact({ company: 'Acme  Ltd' }))).toBe(true);
  });

  it('is equality, not a substring', () => {
    expect(matchesRule(rule, contact({ company: 'Acme Ltd UK' }))).toBe(false);
    expect(matchesRule(rule, contact({ company: 'Acme' }))).toBe(false);
    expect(matchesRule(rule, contact({ company: '' }))).toBe(false);
  });

  it('compares non-ASCII names in any case', () => {
    expect(matchesRule({ type: 'company', companies: ['Société Générale'] }, contact({ company: 'SOCIÉTÉ GÉNÉRALE' }))).toBe(true);
  });
});

describe('email-kind rule', () => {
  it.each(['corporate', 'personal', 'none'] as const)('matches only %s mailboxes', (kind) => {
    for (const other of ['corporate', 'personal', 'none'] as const) {
      expect(matchesRule({ type: 'email-kind', kind }, contact({ emailKind: other }))).toBe(other === kind);
    }
  });
});

describe('connected-year rule', () => {
  const on = (connectedOn: string | null) => contact({ connectedOn });

  it('includes both bounds', () => {
    const rule: GroupRule = { type: 'connected-year', from: 2019, to: 2021 };
    expect(matchesRule(rule, on('2019-01-01'))).toBe(true);
    expect(matchesRule(rule, on('2021-12-31'))).toBe(true);
    expect(matchesRule(rule, on('2018-12-31'))).toBe(false);
    expect(matchesRule(rule, on('2022-01-01'))).toBe(false);
  });

  it('takes one bound alone', () => {
    expect(matchesRule({ type: 'connected-year', from: 2020 }, on('2030-05-01'))).toBe(true);
    expect(matchesRule({ type: 'connected-year', from: 2020 }, on('2019-05-01'))).toBe(false);
    expect(matchesRule({ type: 'connected-year', to: 2020 }, on('2001-05-01'))).toBe(true);
    expect(matchesRule({ type: 'connected-year', to: 2020 }, on('2021-05-01'))).toBe(false);
  });

  it('never matches a contact without a connection date', () => {
    expect(matchesRule({ type: 'connected-year', from: 1900 }, on(null))).toBe(false);
    expect(matchesRule({ type: 'connected-year', to: 2100 }, on(null))).toBe(false);
    expect(matchesRule({ type: 'connected-year', to: 2100 }, on('unknown'))).toBe(false);
  });

  it('needs at least one bound, in order', () => {
    expect(GroupRuleSchema.safeParse({ type: 'connected-year' }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'connected-year', from: 2022, to: 2020 }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'connected-year', from: 2019.5 }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'connected-year', to: 2020 }).success).toBe(true);
    // A rule built without the schema and with no bound still matches nobody.
    expect(matchesRule({ type: 'connected-year' }, on('2020-01-01'))).toBe(false);
  });
});

describe('position-keyword rule', () => {
  const rule = (...keywords: string[]): GroupRule => ({ type: 'position-keyword', keywords });

  it('matches a whole word in any case', () => {
    expect(matchesRule(rule('recruiter'), contact({ position: 'Senior Recruiter, EMEA' }))).toBe(true);
    expect(matchesRule(rule('RECRUITER'), contact({ position: 'recruiter' }))).toBe(true);
    expect(matchesRule(rule('cto'), contact({ position: 'Co-Founder & CTO' }))).toBe(true);
  });

  it('does not match part of a word', () => {
    expect(matchesRule(rule('recruit'), contact({ position: 'Senior Recruiter' }))).toBe(false);
    expect(matchesRule(rule('cto'), contact({ position: 'Director' }))).toBe(false);
    expect(matchesRule(rule('art'), contact({ position: 'Partner' }))).toBe(false);
  });

  it('handles non-ASCII letters as letters', () => {
    expect(matchesRule(rule('générale'), contact({ position: 'Directrice générale' }))).toBe(true);
    expect(matchesRule(rule('GÉNÉRALE'), contact({ position: 'Directrice générale' }))).toBe(true);
    expect(matchesRule(rule('génér'), contact({ position: 'Directrice générale' }))).toBe(false);
    expect(matchesRule(rule('rale'), contact({ position: 'Directrice générale' }))).toBe(false);
    expect(matchesRule(rule('straße'), contact({ position: 'Leiterin Hauptstraße' }))).toBe(false);
    expect(matchesRule(rule('geschäftsführer'), contact({ position: 'Geschäftsführer, Müller GmbH' }))).toBe(true);
  });

  it('matches composed and decomposed accents alike', () => {
    expect(matchesRule(rule('générale'), contact({ position: 'Directrice ge\u0301ne\u0301rale' }))).toBe(true);
  });

  it('takes phrases and regex characters literally', () => {
    expect(matchesRule(rule('head of  sales'), contact({ position: 'Head of Sales, UK' }))).toBe(true);
    expect(matchesRule(rule('c++'), contact({ position: 'C++ developer' }))).toBe(true);
    expect(matchesRule(rule('c++'), contact({ position: 'C developer' }))).toBe(false);
    expect(matchesRule(rule('.*'), contact({ position: 'Anything' }))).toBe(false);
  });

  it('matches any of several keywords', () => {
    expect(matchesRule(rule('talent', 'recruiter'), contact({ position: 'Talent Partner' }))).toBe(true);
  });
});

describe('manual rule', () => {
  it('matches the chosen ids only', () => {
    const a = contact();
    const b = contact();
    expect(matchesRule({ type: 'manual', contactIds: [a.id] }, a)).toBe(true);
    expect(matchesRule({ type: 'manual', contactIds: [a.id] }, b)).toBe(false);
    expect(matchesRule({ type: 'manual', contactIds: [] }, a)).toBe(false);
  });
});

describe('assignGroup', () => {
  const groups: GroupDefinition[] = [
    { id: 'later', rule: { type: 'email-kind', kind: 'corporate' }, order: 2 },
    { id: 'first', rule: { type: 'company', companies: ['Acme Ltd'] }, order: 1 },
    { id: 'last', rule: { type: 'position-keyword', keywords: ['sales'] }, order: 3 },
  ];

  it('chooses the first matching group by ascending order, not array position', () => {
    expect(assignGroup(groups, contact({ company: 'Acme Ltd', emailKind: 'corporate' }))).toBe('first');
    expect(assignGroup(groups, contact({ company: 'Globex', emailKind: 'corporate' }))).toBe('later');
    expect(assignGroup(groups, contact({ company: 'Globex', emailKind: 'personal', position: 'Sales' }))).toBe('last');
  });

  it('does not reorder the caller’s array', () => {
    assignGroup(groups, contact());
    expect(groups.map((g) => g.id)).toEqual(['later', 'first', 'last']);
  });

  it('keeps array order for equal orders', () => {
    const tied: GroupDefinition[] = [
      { id: 'a', rule: { type: 'email-kind', kind: 'corporate' }, order: 1 },
      { id: 'b', rule: { type: 'email-kind', kind: 'corporate' }, order: 1 },
    ];
    expect(assignGroup(tied, contact())).toBe('a');
  });

  it('returns null when no rule matches: the contact is unassigned', () => {
    expect(assignGroup(groups, contact({ company: 'Globex', emailKind: 'none', position: 'Engineer' }))).toBeNull();
    expect(assignGroup([], contact())).toBeNull();
  });
});

describe('describeRule', () => {
  it.each<[GroupRule, string]>([
    [{ type: 'company', companies: ['Acme Ltd'] }, 'works at Acme Ltd'],
    [{ type: 'company', companies: ['Acme Ltd', 'Globex'] }, 'works at Acme Ltd or Globex'],
    [{ type: 'company', companies: ['A', 'B', ' C '] }, 'works at A, B or C'],
    [{ type: 'email-kind', kind: 'personal' }, 'personal mailbox (free-mail domain)'],
    [{ type: 'email-kind', kind: 'corporate' }, 'corporate mailbox (company domain)'],
    [{ type: 'email-kind', kind: 'none' }, 'no email address'],
    [{ type: 'connected-year', from: 2019, to: 2021 }, 'connected 2019–2021'],
    [{ type: 'connected-year', from: 2020, to: 2020 }, 'connected in 2020'],
    [{ type: 'connected-year', from: 2019 }, 'connected in 2019 or later'],
    [{ type: 'connected-year', to: 2021 }, 'connected in 2021 or earlier'],
    [{ type: 'position-keyword', keywords: ['recruiter'] }, 'position mentions "recruiter"'],
    [{ type: 'position-keyword', keywords: ['recruiter', 'talent'] }, 'position mentions "recruiter" or "talent"'],
    [{ type: 'manual', contactIds: ['a', 'b', 'c'] }, 'chosen by hand (3 contacts)'],
    [{ type: 'manual', contactIds: ['a'] }, 'chosen by hand (1 contact)'],
  ])('%j → %s', (rule, text) => {
    expect(describeRule(rule)).toBe(text);
  });
});

describe('GroupRuleSchema', () => {
  it('refuses empty lists, blank names and unknown types', () => {
    expect(GroupRuleSchema.safeParse({ type: 'company', companies: [] }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'company', companies: ['  '] }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'position-keyword', keywords: [] }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'email-kind', kind: 'work' }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'regex', pattern: '.*' }).success).toBe(false);
    expect(GroupRuleSchema.safeParse({ type: 'manual', contactIds: [] }).success).toBe(true);
  });
});
