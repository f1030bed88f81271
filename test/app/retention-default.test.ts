// Acceptance (issue 11, retention by default): a vault-wide default retention gives every contact with a lawful basis
// that no policy covers a due date (set at creation, changed by an admin, measured like any change that can bring
// destruction forward); every new retention policy records why its period was chosen, shown in the list and the
// Art. 30 record; "mark reviewed" sets the last-review date that policies and the default may count from. Through the
// router every front end uses, on an injected clock.
import { describe, expect, it } from 'vitest';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients, type RoutedClient } from '../support/router-vault.js';
import { PASSPHRASE } from '../support/vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const { client, vault } = routedClients();
const DAY = 86_400_000;
const IMPORTED = new Date('2026-03-01T09:00:00Z');

/** Three people at work addresses (the group below) and one with none (left in quarantine). */
const PEOPLE = [
  HEADER,
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
  'Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,charles@analytical-engines.example,Analytical Engines Ltd,Inventor,11 Jan 2020',
  'Mary,Somerville,https://www.linkedin.com/in/mary-somerville-1780,mary@royal-society.example,Royal Society,Science Writer,12 Feb 2021',
  'Luigi,Menabrea,https://www.linkedin.com/in/luigi-menabrea-1809,,Turin Academy,Engineer,13 Mar 2021',
  '',
].join('\n');

/** A vault on a movable clock with the people imported and the work addresses grouped under legitimate interests. */
async function grouped(options: { defaultRetention?: { months: number; anchor: 'imported' | 'connected' | 'basis-assigned' | 'last-review' } } = {}) {
  const clock = { now: IMPORTED };
  let c: RoutedClient & { path: string };
  if (options.defaultRetention) {
    const fresh = client(() => clock.now);
    const path = tmp.path(`custom-${Math.random().toString(36).slice(2)}.vault`);
    const created = await fresh.call('vault.create', { path, name: 'Root Admin', passphrase: PASSPHRASE, defaultRetention: options.defaultRetention });
    expect(created.defaultRetention).toEqual(options.defaultRetention);
    c = { ...fresh, path };
  } else {
    c = await vault(tmp, () => clock.now);
  }
  await c.call('import.commit', { path: tmp.write(PEOPLE), choices: {} });
  const groupId = (await c.call('groups.add', { label: 'Work addresses', rule: { type: 'email-kind', kind: 'corporate' } })).id;
  await c.call('policy.assign', { groupId, policy: LI_POLICY, acknowledgeWarnings: true });
  const contacts = await allContacts(c.call);
  const id = (first: string) => contacts.find((x) => x.firstName === first)!.id;
  const due = async (first: string) => (await c.call('contacts.show', { contactId: id(first) })).expiresAt;
  return { ...c, clock, groupId, id, due };
}

const RATIONALE = 'Our enterprise sales cycle runs up to a year';

describe('the default retention', () => {
  it('a vault with no policy still gives every contact a due date: the default for a basis, quarantine for none', async () => {
    const v = await grouped();
    const contacts = await allContacts(v.call);
    expect(contacts).toHaveLength(4);
    expect(contacts.every((c) => c.expiresAt !== null)).toBe(true);
    // 24 months from the last review; never reviewed, so from the import (kept the whole last day).
    expect(await v.due('Ada')).toBe('2028-03-02T00:00:00.000Z');
    // No email, so in no group: quarantined 30 days after import, whatever the default says.
    expect(await v.due('Luigi')).toBe('2026-03-31T09:00:00.000Z');
    const list = await v.call('retention.list', {});
    expect(list).toEqual({
      policies: [],
      defaultRetention: {
        months: 24,
        anchor: 'last-review',
        notBefore: null,
        description: 'Default retention: 24 months from the last review, for every contact with a lawful basis that no policy covers',
      },
      quarantineDays: 30,
    });
    // The person's own copy (Art. 15) says why.
    const access = JSON.parse((await v.call('contacts.access', { contactId: v.id('Ada') })).json) as { retention: { explanation: string } };
    expect(access.retention.explanation).toMatch(/^kept 24 months from import \(never reviewed\) on 2026-03-01, until 2028-03-01: the vault's default retention/);
    // And the creation was audited with the default it set.
    const created = (await auditLog(v)).find((e) => e.action === 'vault-created');
    expect(created?.details).toMatchObject({ months: 24, anchor: 'last-review' });
  });

  it('gives way to a policy that applies, and applies again when the policy is removed', async () => {
    const v = await grouped();
    await v.call('retention.set', { policy: { scope: { type: 'basis', basis: 'legitimate-interests' }, months: 36, anchor: 'imported', rationale: RATIONALE } });
    expect(await v.due('Ada')).toBe('2029-03-02T00:00:00.000Z');
    await v.call('retention.remove', { scope: { basis: 'legitimate-interests' }, confirm: true });
    expect(await v.due('Ada')).toBe('2028-03-02T00:00:00.000Z');
  });

  it('is set at creation: the vault created with 6 months from import dates its contacts by it', async () => {
    const v = await grouped({ defaultRetention: { months: 6, anchor: 'imported' } });
    expect(await v.due('Ada')).toBe('2026-09-02T00:00:00.000Z');
    expect((await v.call('retention.list', {})).defaultRetention).toMatchObject({ months: 6, anchor: 'imported' });
    const created = (await auditLog(v)).find((e) => e.action === 'vault-created');
    expect(created?.details).toMatchObject({ months: 6, anchor: 'imported' });
  });

  it('refuses an invalid default at creation, and creates nothing', async () => {
    const fresh = client(() => IMPORTED);
    const path = tmp.path('invalid-default.vault');
    expect(await fresh.refusal('vault.create', { path, name: 'Root Admin', passphrase: PASSPHRASE, defaultRetention: { months: 0, anchor: 'imported' } })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/defaultRetention\.months: the retention period must be at least 1 month/),
    });
    expect(await fresh.refusal('vault.unlock', { path, name: 'Root Admin', passphrase: PASSPHRASE })).toMatchObject({ code: 'not-found' });
  });

  it('a shorter default that brings destruction forward is refused until confirmed; a dry run changes nothing', async () => {
    const v = await grouped();
    v.clock.now = new Date(IMPORTED.getTime() + 20 * DAY);
    const before = await v.call('retention.schedule', {});
    expect(await v.refusal('retention.default', { months: 1, anchor: 'imported' })).toEqual({
      code: 'unconfirmed',
      message: expect.stringMatching(/^A default retention of 1 month from imported makes 0 contact\(s\) due now and 3 more within 30 days/),
    });
    expect(await v.call('retention.default', { months: 1, anchor: 'imported', dryRun: true })).toEqual({
      applied: false,
      impact: { dueNow: 0, dueWithin30Days: 3 },
      defaultRetention: { months: 1, anchor: 'imported' },
    });
    expect(await v.call('retention.schedule', {})).toEqual(before);
    expect((await v.call('retention.list', {})).defaultRetention).toMatchObject({ months: 24, anchor: 'last-review' });
    expect(await v.call('retention.default', { months: 1, anchor: 'imported', confirm: true })).toMatchObject({ applied: true, impact: { dueNow: 0, dueWithin30Days: 3 } });
    expect(await v.due('Ada')).toBe('2026-04-02T00:00:00.000Z');
    // A longer one brings nothing forward: applied without confirmation.
    expect(await v.call('retention.default', { months: 48, anchor: 'last-review' })).toMatchObject({ applied: true, impact: { dueNow: 0, dueWithin30Days: 0 } });
    expect(await v.due('Ada')).toBe('2030-03-02T00:00:00.000Z');
    const audit = await auditLog(v);
    expect(audit.filter((e) => e.action === 'retention-default').map((e) => [e.outcome, e.details])).toEqual([
      ['refused', expect.objectContaining({ reason: 'unconfirmed' })],
      ['success', { months: 1, anchor: 'imported', due: 0 }],
      ['success', { months: 48, anchor: 'last-review', due: 0 }],
    ]);
    expect(audit.filter((e) => e.action === 'retention-default-dry-run').map((e) => e.outcome)).toEqual(['success']);
    expect(await v.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});

describe('the rationale of a retention policy', () => {
  it('is required, and a placeholder is refused with the reason', async () => {
    const v = await grouped();
    const scope = { type: 'basis' as const, basis: 'legitimate-interests' as const };
    const missing = await v.route('retention.set', { policy: { scope, months: 12, anchor: 'imported' } } as never);
    expect(missing).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/policy\.rationale: say why this period/) });
    expect(await v.refusal('retention.set', { policy: { scope, months: 12, anchor: 'imported', rationale: 'TBC once legal have looked' } })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/policy\.rationale: the rationale is a placeholder/),
    });
    expect((await v.call('retention.list', {})).policies).toEqual([]);
  });

  it('is kept, shown in the list and in the Art. 30 record; a group no policy covers shows the default there', async () => {
    const v = await grouped();
    const other = (await v.call('groups.add', { label: 'No email', rule: { type: 'email-kind', kind: 'none' } })).id;
    await v.call('policy.assign', { groupId: other, policy: LI_POLICY, acknowledgeWarnings: true });
    await v.call('retention.set', { policy: { scope: { type: 'group', groupId: v.groupId }, months: 12, anchor: 'imported', rationale: `  ${RATIONALE}  ` } });
    const { policies } = await v.call('retention.list', {});
    expect(policies).toEqual([
      {
        policy: { scope: { type: 'group', groupId: v.groupId }, months: 12, anchor: 'imported' },
        rationale: RATIONALE,
        description: `Group policy: 12 months from import. Why: ${RATIONALE}`,
      },
    ]);
    const { markdown, csv } = await v.call('report.art30', { controller: 'Analytical Engines Ltd' });
    expect(markdown).toContain(`Group policy: 12 months from import. Why: ${RATIONALE}`);
    expect(markdown).toContain('Default retention: 24 months from the last review (no policy for this group or its lawful basis)');
    expect(csv).toContain(RATIONALE);
  });
});

describe('mark reviewed', () => {
  it('sets the last review now and recomputes the due dates that count from it; others are left as they were', async () => {
    const v = await grouped();
    await v.call('retention.set', { policy: { scope: { type: 'group', groupId: v.groupId }, months: 12, anchor: 'last-review', rationale: RATIONALE } });
    expect(await v.due('Ada')).toBe('2027-03-02T00:00:00.000Z'); // never reviewed: from import
    v.clock.now = new Date('2026-09-15T12:00:00Z');
    expect(await v.call('contacts.review', { contactIds: [v.id('Ada'), v.id('Ada')] })).toEqual({ reviewed: 1, reviewedAt: '2026-09-15T12:00:00.000Z' });
    expect(await v.due('Ada')).toBe('2027-09-16T00:00:00.000Z');
    expect(await v.due('Charles')).toBe('2027-03-02T00:00:00.000Z'); // not reviewed: unchanged
    // A policy not counted from the review is not moved by one.
    await v.call('retention.set', { policy: { scope: { type: 'group', groupId: v.groupId }, months: 12, anchor: 'imported', rationale: RATIONALE } });
    v.clock.now = new Date('2026-10-01T12:00:00Z');
    await v.call('contacts.review', { contactIds: [v.id('Charles')] });
    expect(await v.due('Charles')).toBe('2027-03-02T00:00:00.000Z');
    // Quarantine wins over a review: no lawful basis, no keeping.
    const luigi = await v.due('Luigi');
    await v.call('contacts.review', { contactIds: [v.id('Luigi')] });
    expect(await v.due('Luigi')).toBe(luigi);
  });

  it('marks a whole group, and the default counts from the review', async () => {
    const v = await grouped();
    v.clock.now = new Date('2026-06-10T08:00:00Z');
    expect(await v.call('contacts.review', { groupId: v.groupId })).toEqual({ reviewed: 3, reviewedAt: '2026-06-10T08:00:00.000Z' });
    for (const first of ['Ada', 'Charles', 'Mary']) expect(await v.due(first)).toBe('2028-06-11T00:00:00.000Z');
    const access = JSON.parse((await v.call('contacts.access', { contactId: v.id('Mary') })).json) as { retention: { explanation: string } };
    expect(access.retention.explanation).toMatch(/^kept 24 months from the last review \(2026-06-10\), until 2028-06-10: the vault's default retention/);
  });

  it('refuses an unknown contact or group and marks nothing; audits counts only', async () => {
    const v = await grouped();
    v.clock.now = new Date('2026-06-10T08:00:00Z');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await v.refusal('contacts.review', { contactIds: [v.id('Ada'), unknown] })).toEqual({ code: 'not-found', message: 'One of these contacts is not in the vault: nothing was marked reviewed.' });
    expect(await v.due('Ada')).toBe('2028-03-02T00:00:00.000Z');
    expect(await v.refusal('contacts.review', { groupId: unknown })).toMatchObject({ code: 'not-found' });
    expect(await v.refusal('contacts.review', { contactIds: [] })).toMatchObject({ code: 'invalid' });
    await v.call('contacts.review', { groupId: v.groupId });
    const entries = (await auditLog(v)).filter((e) => e.action === 'contact-review');
    expect(entries.map((e) => [e.outcome, e.details])).toEqual([
      ['refused', expect.objectContaining({ reason: 'not-found' })],
      ['refused', expect.objectContaining({ reason: 'not-found' })],
      ['refused', expect.objectContaining({ reason: 'invalid' })],
      ['success', { groupId: v.groupId, contacts: 3 }],
    ]);
  });
});
