// The renderer's other pure helpers: group rules from the add-group form, the import commit request, findings
// grouped by kind, contacts by lawful basis, the range a page shows, chart scales, vocabulary guards, and which screens each role sees.
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNELS, rolesFor } from '../../src/api/contract.js';
import { GroupRuleSchema } from '../../src/policy/group-rules.js';
import { FINDING_KINDS, LAWFUL_BASES, ROLES, RULE_TYPES, type Role } from '../../src/shared/vocabulary.js';
import { countsFromGroups } from '../../renderer/lib/basis-counts.js';
import { day, isoDay, pageRange, timestamp } from '../../renderer/lib/format.js';
import { isOneOf, lookup } from '../../renderer/lib/guards.js';
import { commitRequest, groupFindings, suggestedStrips } from '../../renderer/lib/import-view.js';
import { basisLabel, BASIS_SHORT, FINDING_LABELS, FINDING_RANK, findingInfo, noticePlanText } from '../../renderer/lib/labels.js';
import { mayCall, SCREENS, screensFor } from '../../renderer/lib/nav.js';
import { emptyRuleForm, FORM_RULE_TYPES, splitList, toRule } from '../../renderer/lib/rule-form.js';

describe('toRule', () => {
  it('builds rules the core accepts', () => {
    const cases = [
      { ...emptyRuleForm(), type: 'company' as const, companies: 'Acme Ltd, Globex\nacme ltd\n' },
      { ...emptyRuleForm(), type: 'email-kind' as const, emailKind: 'personal' as const },
      { ...emptyRuleForm(), type: 'connected-year' as const, fromYear: '2019', toYear: '' },
      { ...emptyRuleForm(), type: 'connected-year' as const, fromYear: '2019', toYear: '2021' },
      { ...emptyRuleForm(), type: 'position-keyword' as const, keywords: 'recruiter; talent' },
    ];
    for (const state of cases) {
      const r = toRule(state);
      expect(r.ok).toBe(true);
      if (r.ok) expect(GroupRuleSchema.safeParse(r.rule).success).toBe(true);
    }
    expect(toRule(cases[0]!)).toEqual({ ok: true, rule: { type: 'company', companies: ['Acme Ltd', 'Globex'] } });
    expect(toRule(cases[2]!)).toEqual({ ok: true, rule: { type: 'connected-year', from: 2019 } });
  });

  it('says what is missing instead', () => {
    expect(toRule({ ...emptyRuleForm(), type: 'company', companies: ' , ' })).toMatchObject({ ok: false });
    expect(toRule({ ...emptyRuleForm(), type: 'connected-year' })).toMatchObject({ ok: false, error: /first year, a last year/ });
    expect(toRule({ ...emptyRuleForm(), type: 'connected-year', fromYear: '2022', toYear: '2020' })).toMatchObject({ ok: false });
    expect(toRule({ ...emptyRuleForm(), type: 'connected-year', fromYear: '19' })).toMatchObject({ ok: false, error: /four digits/ });
    expect(splitList('a,,b;\n c ')).toEqual(['a', 'b', 'c']);
  });

  it('offers every rule type of the vocabulary but the manual one', () => {
    expect([...FORM_RULE_TYPES]).toEqual(RULE_TYPES.filter((t) => t !== 'manual'));
  });
});

describe('import', () => {
  it('groups findings by kind, most important first', () => {
    const f = (kind: string, line: number) => ({ kind, line, column: 'Position', detail: '' });
    const groups = groupFindings([f('corporate-mailbox', 2), f('special-category', 3), f('corporate-mailbox', 4), f('mystery', 5)]);
    expect(groups.map((g) => [g.kind, g.findings.length])).toEqual([
      ['special-category', 1],
      ['corporate-mailbox', 2],
      ['mystery', 1],
    ]);
  });

  it('labels and ranks every kind the core reports, each at its own rank', () => {
    for (const kind of FINDING_KINDS) expect(FINDING_LABELS[kind].explanation.length).toBeGreaterThan(10);
    expect(Object.keys(FINDING_RANK).sort()).toEqual([...FINDING_KINDS].sort());
    expect(new Set(Object.values(FINDING_RANK)).size).toBe(FINDING_KINDS.length);
    expect(findingInfo('mystery')).toEqual({ title: 'mystery', explanation: '' });
  });

  it('suggests stripping what was found (data protection by default)', () => {
    expect(suggestedStrips({ 'phone-number': 2, 'special-category': 0, 'corporate-mailbox': 5 })).toEqual(['phone-number']);
  });

  it('builds a commit request the contract accepts', () => {
    const sha = 'a'.repeat(64);
    const req = commitRequest('/tmp/Connections.csv', { dropColumns: ['Email Address'], strip: ['special-category', 'phone-number'], onDuplicate: 'update' }, sha, 'Connections.csv');
    expect(req).toEqual({
      path: '/tmp/Connections.csv',
      choices: { dropColumns: ['Email Address'], strip: ['phone-number', 'special-category'], onDuplicate: 'update', expectedSha256: sha, entry: 'Connections.csv' },
    });
    expect(CHANNELS['import.commit'].request.safeParse(req).success).toBe(true);
    expect(commitRequest('/x.csv', { dropColumns: [], strip: [], onDuplicate: 'skip' }, null, null).choices).toEqual({ dropColumns: [], strip: [], onDuplicate: 'skip' });
  });
});

describe('contacts by lawful basis', () => {
  it('counts groups without a basis, and unassigned contacts, as quarantined', () => {
    const groups = [
      { contacts: 5, policy: { policy: { basis: 'consent' } } },
      { contacts: 3, policy: null },
      { contacts: 7, policy: { policy: { basis: 'legitimate-interests' } } },
      { contacts: 1, policy: { policy: { basis: 'consent' } } },
    ];
    expect(countsFromGroups(groups, 4)).toEqual([
      { key: 'legitimate-interests', count: 7 },
      { key: 'consent', count: 6 },
      { key: 'quarantined', count: 7 },
    ]);
  });

});

describe('days and times on screen', () => {
  it('are in one unambiguous form of words; ISO days only for file names', () => {
    expect(day('2027-01-05')).toBe('5 Jan 2027');
    expect(day('2019-12-26T00:00:00.000Z')).toBe('26 Dec 2019');
    expect(timestamp('2027-01-05T09:00:12.345Z')).toBe('5 Jan 2027, 09:00 UTC');
    expect([day(null), timestamp(undefined)]).toEqual(['—', '—']);
    expect(isoDay('2027-01-05T09:00:12.345Z')).toBe('2027-01-05');
  });
});

describe('the notice plan in a summary', () => {
  it('gives the date in words, never the form field it was picked in', () => {
    expect(noticePlanText({ status: 'planned', date: '2026-12-03' })).toBe('Planned: to be sent by 3 December 2026');
    expect(noticePlanText({ status: 'sent', date: '2026-11-02' })).toBe('Sent on 2 November 2026');
    expect(noticePlanText({ status: 'exempt', date: '2026-11-02' })).toBe('Exempt under Art. 14(5), decided on 2 November 2026');
    for (const status of ['planned', 'sent', 'exempt'] as const) expect(noticePlanText({ status, date: null })).not.toMatch(/below|\d{4}/);
  });
});

describe('pages of a list', () => {
  it('says which rows a page shows, with thousands separated', () => {
    expect(pageRange('Contacts', 0, 100, 30_000)).toBe('Contacts 1–100 of 30,000');
    expect(pageRange('Contacts', 29_900, 100, 30_000)).toBe('Contacts 29,901–30,000 of 30,000');
    expect(pageRange('Contacts', 0, 11, 11)).toBe('Contacts 1–11 of 11');
    expect(pageRange('Contacts', 0, 0, 0)).toBe('No contacts');
    expect(pageRange('Contacts', 200, 0, 150)).toBe('Contacts: none here of 150');
  });
});

describe('vocabulary guards', () => {
  it('narrows a plain string only when the vocabulary holds it', () => {
    expect(isOneOf(LAWFUL_BASES, 'consent')).toBe(true);
    expect(isOneOf(LAWFUL_BASES, 'telepathy')).toBe(false);
    expect(isOneOf(LAWFUL_BASES, undefined)).toBe(false);
    expect(lookup(BASIS_SHORT, 'public-task')).toBe('Public task');
    expect(lookup(BASIS_SHORT, 'constructor')).toBeUndefined();
    expect(basisLabel('telepathy')).toBe('telepathy');
    expect(basisLabel(null)).toBe('No lawful basis');
  });
});

describe('screensFor', () => {
  it('shows each role only the screens it can use', () => {
    expect(screensFor(['importer']).map((s) => s.id)).toEqual(['home', 'import']);
    expect(screensFor(['data-owner']).map((s) => s.id)).toEqual(['home', 'groups', 'contacts', 'notices', 'requests', 'export', 'records']);
    expect(screensFor(['admin']).map((s) => s.id)).toEqual(['home', 'contacts', 'notices', 'requests', 'records', 'retention', 'members', 'audit']);
    expect(screensFor(['admin', 'data-owner', 'importer'])).toHaveLength(11);
  });

  it('follows the contract’s access table: a screen shows when its channel admits one of the roles', () => {
    for (const screen of SCREENS) {
      expect(CHANNEL_NAMES).toContain(screen.channel);
      // No screen is built on an open channel: every screen needs an unlocked member (home too: home.summary).
      expect(rolesFor(screen.channel), screen.id).not.toBeNull();
    }
    expect(screensFor([])).toEqual([]);
    const admits = (screen: (typeof SCREENS)[number], roles: readonly Role[]) => rolesFor(screen.channel)?.some((r) => roles.includes(r)) ?? true;
    const combinations: Role[][] = [[], ...ROLES.map((r) => [r]), ...ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b])), [...ROLES]];
    for (const roles of combinations) {
      expect(screensFor(roles).map((s) => s.id), roles.join('+') || 'no role').toEqual(SCREENS.filter((s) => admits(s, roles)).map((s) => s.id));
    }
  });

  it('answers for any channel from the same table', () => {
    expect(mayCall('contacts.erase', ['admin'])).toBe(true);
    expect(mayCall('contacts.erase', ['data-owner', 'importer'])).toBe(false);
    expect(mayCall('vault.unlock', [])).toBe(true);
    expect(mayCall('members.changePassphrase', ['importer'])).toBe(true);
  });
});
