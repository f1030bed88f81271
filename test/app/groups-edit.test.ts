// Editing a group (groups.update: label and rule) and changing the order rules are tried in (groups.reorder): both
// regroup every contact (first matching rule wins), say who would move where, are measured like every change that
// recomputes due dates (impact.ts), roll back when cancelled, are audited, and are a data owner's alone.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import type { Progress } from '../../src/api/contract.js';
import { auditLog } from '../support/audit.js';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients, type RoutedClient } from '../support/router-vault.js';
import { PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
const { client, vault } = routedClients();
const DAY = 86_400_000;

/** The tricky export: 3 corporate addresses (Ada, Katherine, Frances); 7 connected in 2019 or later. */
async function twoGroups(now?: () => Date) {
  const c = await vault(tmp, now);
  await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
  const work = (await c.call('groups.add', { label: 'Work addresses', rule: { type: 'email-kind', kind: 'corporate' } })).id;
  const recent = (await c.call('groups.add', { label: 'Since 2019', rule: { type: 'connected-year', from: 2019 } })).id;
  return { ...c, work, recent };
}

const counts = async (c: Pick<RoutedClient, 'call'>) => {
  const list = await c.call('groups.list', {});
  return { order: list.groups.map((g) => g.label), contacts: Object.fromEntries(list.groups.map((g) => [g.label, g.contacts])), unassigned: list.unassigned };
};

const membersOf = async (c: Pick<RoutedClient, 'call'>, groupId: string) =>
  (await allContacts(c.call)).filter((x) => x.groupId === groupId).map((x) => x.firstName).sort();

describe('groups.reorder', () => {
  it('a dry run says who would move where and changes nothing; the move then regroups: first matching rule wins', async () => {
    const c = await twoGroups();
    expect(await counts(c)).toEqual({ order: ['Work addresses', 'Since 2019'], contacts: { 'Work addresses': 3, 'Since 2019': 5 }, unassigned: 4 });

    const dry = await c.call('groups.reorder', { groupId: c.recent, position: 1, dryRun: true });
    expect(dry).toEqual({ applied: false, impact: { dueNow: 0, dueWithin30Days: 0 }, order: [c.recent, c.work], moves: [{ from: c.work, to: c.recent, contacts: 2 }], warnings: [] });
    expect((await counts(c)).order).toEqual(['Work addresses', 'Since 2019']);

    const moved = await c.call('groups.reorder', { groupId: c.recent, position: 1 });
    expect(moved).toMatchObject({ applied: true, order: [c.recent, c.work], moves: [{ from: c.work, to: c.recent, contacts: 2 }] });
    expect(await counts(c)).toEqual({ order: ['Since 2019', 'Work addresses'], contacts: { 'Since 2019': 7, 'Work addresses': 1 }, unassigned: 4 });
    expect(await membersOf(c, c.work)).toEqual(['Katherine']);
    expect((await c.call('groups.list', {})).groups.map((g) => g.order)).toEqual([1, 2]);

    // A position past the end puts it last; back where it was, everyone is back too.
    await c.call('groups.reorder', { groupId: c.recent, position: 99 });
    expect(await counts(c)).toEqual({ order: ['Work addresses', 'Since 2019'], contacts: { 'Work addresses': 3, 'Since 2019': 5 }, unassigned: 4 });
  });

  it('refuses a group that does not exist', async () => {
    const c = await twoGroups();
    expect(await c.refusal('groups.reorder', { groupId: '00000000-0000-4000-8000-000000000000', position: 1 })).toMatchObject({ code: 'not-found' });
  });
});

describe('groups.update', () => {
  it('a new rule regroups and says who moved; a dry run changes nothing', async () => {
    const c = await twoGroups();
    const rule = { type: 'connected-year' as const, to: 2018 };
    const dry = await c.call('groups.update', { groupId: c.work, rule, dryRun: true });
    expect(dry).toMatchObject({ applied: false, label: 'Work addresses', rule, contacts: 4 });
    // Ada and Frances (2019 on) go to the next matching group; three older connections leave quarantine; Katherine
    // stays; Edsger (no valid connection date) stays in no group.
    expect(dry.moves).toEqual(expect.arrayContaining([
      { from: null, to: c.work, contacts: 3 },
      { from: c.work, to: c.recent, contacts: 2 },
    ]));
    expect(dry.moves).toHaveLength(2);
    expect((await c.call('groups.list', {})).groups[0]!.rule).toEqual({ type: 'email-kind', kind: 'corporate' });

    const done = await c.call('groups.update', { groupId: c.work, label: 'Before 2019', rule });
    expect(done).toMatchObject({ applied: true, label: 'Before 2019', description: expect.stringMatching(/2018/), contacts: 4 });
    expect(await counts(c)).toEqual({ order: ['Before 2019', 'Since 2019'], contacts: { 'Before 2019': 4, 'Since 2019': 7 }, unassigned: 1 });
    expect(await membersOf(c, c.work)).toEqual(['Katherine', 'Margaret', 'Rosalind', 'Tim']);
  });

  it('a new label alone moves nobody', async () => {
    const c = await twoGroups();
    const r = await c.call('groups.update', { groupId: c.work, label: '  Clients  ' });
    expect(r).toMatchObject({ applied: true, label: 'Clients', contacts: 3, moves: [] });
    expect((await counts(c)).contacts).toEqual({ Clients: 3, 'Since 2019': 5 });
  });

  it('refuses an empty change, a blank label, a wrong rule and a group that does not exist', async () => {
    const c = await twoGroups();
    expect(await c.refusal('groups.update', { groupId: c.work })).toMatchObject({ code: 'invalid' });
    expect(await c.refusal('groups.update', { groupId: c.work, label: '   ' })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/label/) });
    expect(await c.refusal('groups.update', { groupId: c.work, rule: { type: 'company', companies: [] } as never })).toMatchObject({ code: 'invalid' });
    expect(await c.refusal('groups.update', { groupId: '00000000-0000-4000-8000-000000000000', label: 'X' })).toMatchObject({ code: 'not-found' });
  });

  it('asks before it brings destruction forward, like groups.add: refused unconfirmed, then confirmed', async () => {
    let clock = new Date('2026-03-01T09:00:00Z');
    const c = await twoGroups(() => clock);
    await c.call('policy.assign', { groupId: c.work, policy: LI_POLICY, acknowledgeWarnings: true });
    clock = new Date(clock.getTime() + 60 * DAY); // the quarantine of contacts without a basis has run out
    const rule = { type: 'company' as const, companies: ['NASA'] };
    const refused = await c.refusal('groups.update', { groupId: c.work, rule });
    // Ada and Frances leave the group with a basis for one without; the retention default does not cover them any more.
    expect(refused).toMatchObject({ code: 'unconfirmed', message: expect.stringMatching(/^Changing this group makes \d+ contact\(s\) due now/) });
    expect((await counts(c)).contacts).toEqual({ 'Work addresses': 3, 'Since 2019': 5 });
    const done = await c.call('groups.update', { groupId: c.work, rule, confirm: true });
    expect(done.impact.dueNow).toBeGreaterThan(0);
    expect((await counts(c)).contacts).toEqual({ 'Work addresses': 1, 'Since 2019': 7 });
  });
});

describe('a group under a legal hold', () => {
  it('keeps its contacts: a reorder or an edit that would move them out is refused and changes nothing; a contact hold follows the contact', async () => {
    const c = await twoGroups();
    const { holdId } = await c.call('holds.place', { groupId: c.work, reason: 'A claim about our work contacts is expected' });
    const before = await counts(c);
    const held = (await c.call('contacts.list', { status: 'held' })).total;
    expect(held).toBe(3);
    for (const [channel, request] of [
      ['groups.reorder', { groupId: c.recent, position: 1, confirm: true }],
      ['groups.update', { groupId: c.work, rule: { type: 'company', companies: ['Nobody Ltd'] }, confirm: true }],
      ['groups.reorder', { groupId: c.recent, position: 1, dryRun: true }],
    ] as const) {
      const refusal = await c.refusal(channel, request as never);
      expect(refusal.code, channel).toBe('conflict');
      expect(refusal.message).toMatch(/Work addresses.*legal hold.*lift the hold/);
    }
    expect(await counts(c)).toEqual(before);
    expect((await c.call('contacts.list', { status: 'held' })).total).toBe(held);
    // A new label moves nobody; a change that leaves the held group's people where they are goes ahead.
    expect((await c.call('groups.update', { groupId: c.work, label: 'Work (held)' })).applied).toBe(true);
    expect((await c.call('groups.update', { groupId: c.recent, rule: { type: 'connected-year', from: 2020 }, confirm: true })).applied).toBe(true);
    // Lifted, the reorder goes ahead.
    await c.call('holds.lift', { holdId });
    expect((await c.call('groups.reorder', { groupId: c.recent, position: 1, confirm: true })).applied).toBe(true);
    // A hold on one contact follows the contact out of its group.
    const katherine = (await allContacts(c.call)).find((x) => x.firstName === 'Katherine')!;
    await c.call('holds.place', { contactId: katherine.id, reason: 'A claim about this person is expected' });
    expect((await c.call('groups.reorder', { groupId: c.work, position: 1, confirm: true })).applied).toBe(true);
    expect((await c.call('contacts.show', { contactId: katherine.id })).legalHold).toBe(true);
  });
});

describe('a group with a lawful basis that would receive new people', () => {
  it("has its guardrails checked again for them: a blocking one refuses the edit or the move, and nothing changes", async () => {
    const c = await vault(tmp);
    // Katherine Johnson's position in the fixture hints at special-category data; she is kept (not stripped).
    await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    const people = await allContacts(c.call);
    const plain = people.filter((p) => p.specialCategories.length === 0 && p.emailKind === 'corporate').slice(0, 2);
    const hinted = people.find((p) => p.specialCategories.length > 0)!;
    const g = (await c.call('groups.add', { label: 'Chosen', rule: { type: 'manual', contactIds: plain.map((p) => p.id) }, confirm: true })).id;
    // Email marketing under legitimate interests: personal mailboxes are individual subscribers (PECR reg. 22), a warning.
    await c.call('policy.assign', { groupId: g, policy: { ...LI_POLICY, purpose: 'email-marketing' }, acknowledgeWarnings: true, confirm: true });
    const before = await counts(c);
    const refusal = await c.refusal('groups.update', { groupId: g, rule: { type: 'manual', contactIds: [...plain.map((p) => p.id), hinted.id] }, acknowledgeWarnings: true, confirm: true });
    expect(refusal.code).toBe('guardrail');
    expect(refusal.message).toMatch(/“Chosen” would receive people its lawful basis does not cover: .*special-category/i);
    expect(await counts(c)).toEqual(before);
    // Warnings (a personal mailbox) need acknowledging; a dry run acknowledging them lists them.
    const personal = people.find((p) => p.emailKind === 'personal' && p.specialCategories.length === 0 && !plain.includes(p))!;
    const withPersonal = { groupId: g, rule: { type: 'manual' as const, contactIds: [...plain.map((p) => p.id), personal.id] }, confirm: true };
    const warned = await c.refusal('groups.update', withPersonal);
    expect(warned).toMatchObject({ code: 'guardrail', message: expect.stringMatching(/acknowledge these warnings/) });
    const dry = await c.call('groups.update', { ...withPersonal, acknowledgeWarnings: true, dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.warnings.map((w) => w.message).join(' ')).toMatch(/^“Chosen”: /);
    // Without the hinted person, the edit goes ahead.
    expect((await c.call('groups.update', { groupId: g, rule: { type: 'manual', contactIds: [plain[0]!.id] }, acknowledgeWarnings: true, confirm: true })).applied).toBe(true);
  });
});

describe('audit and roles', () => {
  it('audits each change, its dry run and its refusal, with counts and ids only', async () => {
    const c = await twoGroups();
    const before = (await auditLog(c)).length;
    await c.call('groups.reorder', { groupId: c.recent, position: 1, dryRun: true });
    await c.call('groups.reorder', { groupId: c.recent, position: 1 });
    await c.call('groups.update', { groupId: c.work, rule: { type: 'connected-year', to: 2018 } });
    await c.refusal('groups.update', { groupId: c.work, label: '  ' });
    const added = (await auditLog(c)).slice(before).filter((e) => e.action.startsWith('group-'));
    expect(added.map((e) => [e.action, e.outcome])).toEqual([
      ['group-reorder-dry-run', 'success'],
      ['group-reorder', 'success'],
      ['group-update', 'success'],
      ['group-update', 'refused'],
    ]);
    expect(added[1]!.details).toEqual({ groupId: c.recent, order: 1, moved: 2, due: 0 });
    expect(added[2]!.details).toMatchObject({ groupId: c.work, rule: 'connected-year', moved: expect.any(Number), due: 0 });
    expect(JSON.stringify(added)).not.toMatch(/Work addresses|Since 2019/);
    expect((await c.call('audit.verify', {})).ok).toBe(true);
  });

  it('is refused to an admin or an importer who is not a data owner', async () => {
    const c = await twoGroups();
    for (const roles of [['admin'], ['importer']] as const) {
      const name = `Only ${roles[0]}`;
      await c.call('members.add', { name, roles: [...roles], passphrase: PASSPHRASE });
      const other = client();
      await other.call('vault.unlock', { path: c.path, name, passphrase: PASSPHRASE });
      expect(await other.refusal('groups.update', { groupId: c.work, label: 'Mine now' })).toMatchObject({ code: 'wrong-role' });
      expect(await other.refusal('groups.reorder', { groupId: c.recent, position: 1 })).toMatchObject({ code: 'wrong-role' });
      await other.call('vault.lock', {});
    }
    expect((await counts(c)).order).toEqual(['Work addresses', 'Since 2019']);
  });
});

describe('cancelled between two batches', () => {
  let file: string;
  beforeAll(async () => {
    file = join(tmp.dir, 'connections-2500.csv');
    await writeExport(file, { rows: 2_500, seed: 5 });
  });

  it('a reorder or an edit changes nothing and says so', async () => {
    const c = await vault(tmp);
    await c.call('import.commit', { path: file, choices: {} });
    const a = (await c.call('groups.add', { label: 'Corporate', rule: { type: 'email-kind', kind: 'corporate' } })).id;
    await c.call('groups.add', { label: 'Recent', rule: { type: 'connected-year', from: 2015 } });
    const before = await c.call('groups.list', {});
    for (const [channel, request] of [
      ['groups.reorder', { groupId: a, position: 2 }],
      ['groups.update', { groupId: a, label: 'Renamed', rule: { type: 'email-kind', kind: 'personal' } }],
    ] as const) {
      const events: Progress[] = [];
      const r = await c.route(channel, request, (p) => {
        if (events.push(p) === 1) void c.route('task.cancel', {});
      });
      expect(r, channel).toEqual({ ok: false, code: 'cancelled', message: 'Cancelled: nothing was changed.' });
      expect(events.length).toBe(1);
      expect(await c.call('groups.list', {})).toEqual(before);
    }
    expect((await c.call('audit.verify', {})).ok).toBe(true);
  });
});
