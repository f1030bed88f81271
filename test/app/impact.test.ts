// Invariant I6: no change silently brings destruction forward. Removing a group, setting or removing a retention
// policy, or shortening the quarantine first says how many contacts become due now and within 30 days; when any
// would, the change is refused until confirmed; a dry run changes nothing. Reproduction 5 of the safety issue.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { createRouter, type Route } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const DAY = 86_400_000;
let clock: Date;
let route: Route;
let groupId: string;
let n = 0;

async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const result = await route(channel, request);
  if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
  return result.value as Response<C>;
}

const schedule = () => call('retention.schedule', {});

beforeEach(async () => {
  clock = new Date('2026-03-01T09:00:00Z');
  route = createRouter(new AppService({ kdf: TEST_KDF, now: () => clock }));
  await call('vault.create', { path: join(tmp.dir, `impact-${++n}.vault`), name: 'Ada', passphrase: PASSPHRASE });
  await call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
  groupId = (await call('groups.add', { label: 'Work addresses', rule: { type: 'email-kind', kind: 'corporate' } })).id;
  await call('policy.assign', { groupId, policy: LI_POLICY, acknowledgeWarnings: true });
});

describe('a change that brings destruction forward', () => {
  it('removing a group whose contacts would fall into an expired quarantine is refused until confirmed', async () => {
    clock = new Date(clock.getTime() + 60 * DAY); // the quarantine of unassigned contacts (30 days) ran out
    const before = await schedule();
    const refused = await route('groups.remove', { groupId });
    expect(refused).toMatchObject({ ok: false, code: 'unconfirmed', message: expect.stringMatching(/^Removing this group makes 3 contact\(s\) due now and 0 more within 30 days/) });
    expect(await schedule()).toEqual(before); // nothing changed
    expect((await call('groups.list', {})).groups).toHaveLength(1);

    const dry = await call('groups.remove', { groupId, dryRun: true });
    expect(dry).toEqual({ applied: false, impact: { dueNow: 3, dueWithin30Days: 0 } });
    expect(await schedule()).toEqual(before);

    const done = await call('groups.remove', { groupId, confirm: true });
    expect(done).toEqual({ applied: true, impact: { dueNow: 3, dueWithin30Days: 0 } });
    expect((await schedule()).overdue).toBe(before.overdue + 3);
  });

  it('a retention policy that makes contacts due now or soon is refused until confirmed; one that does not goes ahead', async () => {
    clock = new Date(clock.getTime() + 20 * DAY);
    const short = { scope: { type: 'group' as const, groupId }, months: 1, anchor: 'imported' as const, rationale: 'A one-off event: follow-up within the month' };
    expect(await route('retention.set', { policy: short })).toMatchObject({ ok: false, code: 'unconfirmed', message: expect.stringMatching(/0 contact\(s\) due now and 3 more within 30 days/) });
    expect((await call('retention.list', {})).policies).toEqual([]);
    const long = { ...short, months: 24 };
    expect(await call('retention.set', { policy: long })).toMatchObject({ applied: true, impact: { dueNow: 0, dueWithin30Days: 0 } });
    // Removing it puts them back under the default (24 months from the last review): nothing brought forward.
    expect(await call('retention.remove', { scope: { groupId } })).toEqual({ applied: true, impact: { dueNow: 0, dueWithin30Days: 0 } });
    expect(await call('retention.set', { policy: short, confirm: true })).toMatchObject({ applied: true, impact: { dueNow: 0, dueWithin30Days: 3 } });
  });

  it('shortening the quarantine is measured the same way, and held contacts do not count', async () => {
    clock = new Date(clock.getTime() + 10 * DAY);
    expect(await call('quarantine.set', { days: 5, dryRun: true })).toEqual({ applied: false, impact: { dueNow: 9, dueWithin30Days: 0 } });
    const unassigned = (await allContacts(call, { groupId: null })).map((c) => c.id);
    await call('holds.place', { contactId: unassigned[0]!, reason: 'A claim is expected about this contact' });
    expect(await call('quarantine.set', { days: 5, dryRun: true })).toEqual({ applied: false, impact: { dueNow: 8, dueWithin30Days: 0 } });
    expect(await route('quarantine.set', { days: 5 })).toMatchObject({ ok: false, code: 'unconfirmed' });
    expect(await call('quarantine.set', { days: 60 })).toEqual({ applied: true, impact: { dueNow: 0, dueWithin30Days: 0 } }); // longer: harmless
    const audit = await auditLog({ call });
    expect(audit.filter((e) => e.action === 'quarantine-set').map((e) => e.outcome)).toEqual(['refused', 'success']);
    expect(audit.filter((e) => e.action === 'quarantine-set-dry-run').map((e) => e.outcome)).toEqual(['success', 'success']);
    expect(await call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a due date moved earlier inside the next 30 days counts too (the quarantine shortened right after an import)', async () => {
    // The unassigned contacts are due 30 days after their import; a 1-day quarantine brings them to tomorrow.
    expect(await call('quarantine.set', { days: 1, dryRun: true })).toEqual({ applied: false, impact: { dueNow: 0, dueWithin30Days: 9 } });
    expect(await route('quarantine.set', { days: 1 })).toMatchObject({ ok: false, code: 'unconfirmed' });
  });

  it('a group under a legal hold cannot be removed (the hold would go with it, and with it the protection)', async () => {
    clock = new Date(clock.getTime() + 60 * DAY);
    await call('retention.set', { policy: { scope: { type: 'group', groupId }, months: 1, anchor: 'imported', rationale: 'A one-off event: follow-up within the month' }, confirm: true });
    const hold = await call('holds.place', { groupId, reason: 'A claim is expected about these people' });
    expect((await schedule()).held).toBe(3);
    expect(await route('groups.remove', { groupId, confirm: true })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/under a legal hold/) });
    expect((await call('holds.list', {})).holds).toHaveLength(1);
    // Lifting the hold is what releases them: then removing the group releases nothing more than is already due.
    await call('holds.lift', { holdId: hold.holdId });
    expect((await schedule()).overdue).toBeGreaterThanOrEqual(3);
  });

  it('assigning a basis is measured too: a basis whose retention period has run out is refused until confirmed', async () => {
    clock = new Date(clock.getTime() + 20 * DAY); // the unassigned are due in 10 days (quarantine)
    // A policy for a basis no group has yet (a month from the connection, years ago): nothing is brought forward yet.
    expect(await call('retention.set', { policy: { scope: { type: 'basis', basis: 'consent' }, months: 1, anchor: 'connected', rationale: 'Consent for one campaign only, a month long' } })).toMatchObject({
      applied: true,
      impact: { dueNow: 0 },
    });
    const other = (await call('groups.add', { label: 'Personal addresses', rule: { type: 'email-kind', kind: 'personal' } })).id;
    const consent = {
      ...LI_POLICY,
      basis: 'consent',
      evidence: { method: 'Sign-up form with an unticked box', obtainedAt: '2026-02-01', wording: 'Yes, send me your newsletter', withdrawalRoute: 'Unsubscribe link in every email' },
    };
    const refused = await route('policy.assign', { groupId: other, policy: consent, acknowledgeWarnings: true });
    expect(refused).toMatchObject({ ok: false, code: 'unconfirmed', message: expect.stringMatching(/^This lawful basis .* makes \d+ contact\(s\) due now/) });
    expect((await call('groups.list', {})).groups.find((g) => g.id === other)?.policy).toBeNull();
    expect(await call('policy.assign', { groupId: other, policy: consent, acknowledgeWarnings: true, confirm: true })).toMatchObject({ applied: true });
  });
});
