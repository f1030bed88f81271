// The product's promises as invariants, attacked by random sequences of operations (fast-check commands) by random
// members through the router every front end uses, with a clock that moves. After every step: no suppressed person
// is in the vault or in an export (I4); no contact vanished except by erasure or by a destruction that found it due
// by the clock and not held (I1, I8); a held contact is unchanged (I8); every contact has a due date; the audit log
// verifies (I10); no personal data from the files is on disk in plaintext. Every front end reaches the core through
// this same router, so the members here call it directly; the CLI's own processes are attacked in
// test/cli/concurrency.test.ts.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { createRouter, type Route } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const tmp = scratch();
const DAY = 86_400_000;
const FILES = ['connections-tricky.csv', 'connections-legacy.csv', 'connections-2022-no-url.csv'];
/** Values from the files that must never be on disk in plaintext. */
const SECRETS = ['Lovelace', 'Ní Bhriain', 'Stark Industries', 'Procurement Specialist'];
type View = Response<'contacts.list'>['contacts'][number];
type Member = 'root' | Role;

interface Real {
  clock: { now: Date };
  path: string;
  as: Record<Member, Route>;
  root: <C extends Channel>(channel: C, request: Request<C>) => Promise<Response<C>>;
  /** The registered recipient every export names (each export is a disclosure). */
  recipientId: string;
}

interface Model {
  /** Emails and profile URLs of people erased (by suppression entry): never in the vault again, nor exported. */
  suppressed: Map<string, { email: string | null; profileUrl: string | null }>;
  /** Emails of people who objected (by suppression entry): they may stay in the vault, but are never exported. */
  objected: Map<string, string>;
  /** Contacts under a hold (hold id → contact id), and how they looked when the hold was placed. */
  holds: Map<string, string>;
  held: Map<string, View>;
  contacts: Map<string, View>;
}

const data = (c: View) => [c.firstName, c.lastName, c.email, c.profileUrl, c.company, c.position, c.connectedOn].join('|');

async function check(model: Model, real: Real, allowedToVanish: (c: View) => boolean): Promise<void> {
  const now = await allContacts(real.root);
  const ids = new Set(now.map((c) => c.id));
  for (const [id, before] of model.contacts) {
    if (!ids.has(id)) expect(allowedToVanish(before), `contact ${id} vanished`).toBe(true);
  }
  const emails = new Set([...model.suppressed.values()].map((s) => s.email).filter(Boolean));
  const urls = new Set([...model.suppressed.values()].map((s) => s.profileUrl).filter(Boolean));
  for (const c of now) {
    // Storage limitation (Art. 5(1)(e)): every contact has a due date (a policy, the default, or quarantine).
    expect(c.expiresAt, `contact ${c.id} has no due date`).not.toBeNull();
    expect(c.email !== null && emails.has(c.email), `suppressed email ${c.email} in the vault`).toBe(false);
    expect(c.profileUrl !== null && urls.has(c.profileUrl), `suppressed profile ${c.profileUrl} in the vault`).toBe(false);
  }
  for (const [id, snapshot] of model.held) {
    const current = now.find((c) => c.id === id);
    expect(current && data(current), `held contact ${id} changed or vanished`).toBe(data(snapshot));
    expect(current?.legalHold).toBe(true);
  }
  model.contacts = new Map(now.map((c) => [c.id, c]));
  // Everyone is in a group with a basis for networking (see setup), so an export shows who may be used; an export of
  // nobody is refused (guardrail), with no file and no disclosure.
  const exported = await real.as.root('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId: real.recipientId });
  if (!exported.ok) expect(exported.code, exported.message).toBe('guardrail');
  const csv = exported.ok ? (exported.value as Response<'export.crm'>).csv : '';
  for (const s of model.suppressed.values()) {
    if (s.email) expect(csv, `erased ${s.email} exported`).not.toContain(s.email);
    if (s.profileUrl) expect(csv, `erased ${s.profileUrl} exported`).not.toContain(s.profileUrl);
  }
  for (const email of model.objected.values()) expect(csv, `${email} objected, yet exported`).not.toContain(email);
  expect(await real.root('audit.verify', {})).toMatchObject({ ok: true });
  const bytes = Buffer.concat([readFileSync(real.path), ...(existsSync(`${real.path}-wal`) ? [readFileSync(`${real.path}-wal`)] : [])]);
  for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), `"${secret}" in plaintext on disk`).toBe(false);
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
/** The contacts in an order that does not depend on their random ids, so a seed replays the same choices. */
const stable = (m: Model) => [...m.contacts.values()].sort((a, b) => key(a).localeCompare(key(b)));
const key = (c: View) => [c.lastName, c.firstName, c.company, c.email ?? '', c.profileUrl ?? '', c.source.line].join('|');
/** Another record of the same person: the same profile or email, or known only by the same name and company. */
/** One person, as erasure and objection see it: a shared profile or email, or the same name and company uncontradicted. */
const compatible = (x: string | null, y: string | null) => x === null || y === null || x === y;
const samePerson = (a: View, b: View) =>
  a.id === b.id ||
  (a.email !== null && a.email === b.email) ||
  (a.profileUrl !== null && a.profileUrl === b.profileUrl) ||
  ([a.firstName, a.lastName, a.company].join('|').toLowerCase() === [b.firstName, b.lastName, b.company].join('|').toLowerCase() &&
    compatible(a.email, b.email) &&
    compatible(a.profileUrl, b.profileUrl));
/** Mostly members who may do things (refusals are cheap to find), sometimes one who may not. */
const member = fc.constantFrom<Member>('root', 'root', 'root', 'admin', 'data-owner', 'importer');

type Cmd = fc.AsyncCommand<Model, Real>;
const step = (name: string, run: (m: Model, r: Real) => Promise<void>): Cmd => ({ check: () => true, run, toString: () => name });

const commands = [
  fc.tuple(member, fc.nat(), fc.boolean()).map(([who, f, update]) =>
    step(`import ${pick(FILES, f)} as ${who}${update ? ' (update)' : ''}`, async (m, r) => {
      await r.as[who]('import.commit', { path: fixture(pick(FILES, f)!), choices: { onDuplicate: update ? 'update' : 'skip' } });
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.nat()).map(([who, i]) =>
    step(`erase #${i} as ${who}`, async (m, r) => {
      const target = pick(stable(m), i);
      if (!target) return;
      const result = await r.as[who]('contacts.erase', { contactId: target.id });
      if (result.ok) m.suppressed.set((result.value as Response<'contacts.erase'>).suppressionId, { email: target.email, profileUrl: target.profileUrl });
      // Erasure takes every record of the person (their copies under the same profile, email, or name alone).
      await check(m, r, (c) => result.ok && samePerson(target, c));
    }),
  ),
  fc.tuple(member, fc.nat()).map(([who, i]) =>
    step(`object #${i} as ${who}`, async (m, r) => {
      const target = pick(stable(m).filter((c) => c.email), i);
      if (!target) return;
      const result = await r.as[who]('suppression.add', { email: target.email! });
      if (result.ok) m.objected.set((result.value as Response<'suppression.add'>).suppressionId, target.email!);
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.nat()).map(([who, i]) =>
    step(`lift suppression #${i} as ${who}`, async (m, r) => {
      const id = pick([...m.suppressed.keys(), ...m.objected.keys()], i);
      if (!id) return;
      const result = await r.as[who]('suppression.lift', { suppressionId: id, reason: 'Recorded by mistake' });
      if (result.ok) {
        m.suppressed.delete(id);
        m.objected.delete(id);
      }
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.constantFrom('networking', 'prospecting', 'email-marketing') as fc.Arbitrary<'networking'>).map(([who, purpose]) =>
    step(`export for ${purpose} as ${who}`, async (m, r) => {
      const result = await r.as[who]('export.crm', { channels: ['email'], purpose, recipientId: r.recipientId, ...(purpose === 'networking' ? { directMarketing: false } : {}) });
      if (result.ok) {
        const csv = (result.value as Response<'export.crm'>).csv;
        for (const s of m.suppressed.values()) {
          if (s.email) expect(csv).not.toContain(s.email);
          if (s.profileUrl) expect(csv).not.toContain(s.profileUrl);
        }
        for (const email of m.objected.values()) expect(csv, `${email} objected`).not.toContain(email);
      }
      await check(m, r, () => false);
    }),
  ),
  member.map((who) =>
    step(`destroy what is due as ${who}`, async (m, r) => {
      const result = await r.as[who]('destruction.run', {});
      const at = r.clock.now.toISOString();
      await check(m, r, (c) => result.ok && c.expiresAt !== null && c.expiresAt <= at && !c.legalHold);
    }),
  ),
  fc.tuple(member, fc.nat()).map(([who, i]) =>
    step(`hold #${i} as ${who}`, async (m, r) => {
      const target = pick(stable(m), i);
      if (!target) return;
      const result = await r.as[who]('holds.place', { contactId: target.id, reason: 'A claim is expected about this person' });
      if (result.ok) {
        m.holds.set((result.value as Response<'holds.place'>).holdId, target.id);
        m.held.set(target.id, target);
      }
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.nat()).map(([who, i]) =>
    step(`lift hold #${i} as ${who}`, async (m, r) => {
      const id = pick([...m.holds.keys()], i);
      if (!id) return;
      const result = await r.as[who]('holds.lift', { holdId: id });
      if (result.ok) {
        const contactId = m.holds.get(id)!;
        m.holds.delete(id);
        if (![...m.holds.values()].includes(contactId)) m.held.delete(contactId);
      }
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.constantFrom('corporate', 'personal', 'none') as fc.Arbitrary<'corporate'>).map(([who, kind]) =>
    step(`group ${kind} addresses with a basis as ${who}`, async (m, r) => {
      const added = await r.as[who]('groups.add', { label: `${kind} addresses`, rule: { type: 'email-kind', kind } });
      if (added.ok) await r.as[who]('policy.assign', { groupId: (added.value as Response<'groups.add'>).id, policy: LI_POLICY, acknowledgeWarnings: true });
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.nat(), fc.boolean()).map(([who, i, confirm]) =>
    step(`remove group #${i} as ${who}${confirm ? ' (confirmed)' : ''}`, async (m, r) => {
      const group = pick((await r.root('groups.list', {})).groups, i);
      if (group) await r.as[who]('groups.remove', { groupId: group.id, confirm });
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.integer({ min: 1, max: 24 }), fc.boolean()).map(([who, months, confirm]) =>
    step(`keep legitimate-interests contacts ${months} months as ${who}${confirm ? ' (confirmed)' : ''}`, async (m, r) => {
      await r.as[who]('retention.set', { policy: { scope: { type: 'basis', basis: 'legitimate-interests' }, months, anchor: 'imported', rationale: 'Meetups run in seasons of this length' }, confirm });
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.integer({ min: 1, max: 24 }), fc.boolean()).map(([who, months, confirm]) =>
    step(`default retention ${months} months from the last review as ${who}${confirm ? ' (confirmed)' : ''}`, async (m, r) => {
      await r.as[who]('retention.default', { months, anchor: 'last-review', confirm });
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.nat()).map(([who, i]) =>
    step(`mark #${i} reviewed as ${who}`, async (m, r) => {
      const target = pick(stable(m), i);
      if (target) await r.as[who]('contacts.review', { contactIds: [target.id] });
      await check(m, r, () => false);
    }),
  ),
  fc.tuple(member, fc.boolean()).map(([who, confirm]) =>
    step(`remove the legitimate-interests policy as ${who}${confirm ? ' (confirmed)' : ''}`, async (m, r) => {
      await r.as[who]('retention.remove', { scope: { basis: 'legitimate-interests' }, confirm });
      await check(m, r, () => false);
    }),
  ),
  fc.constantFrom<Role>('admin', 'data-owner', 'importer').map((who) =>
    step(`${who} locks and unlocks again`, async (m, r) => {
      await r.as[who]('vault.lock', {});
      expect(await r.as[who]('contacts.list', {})).toMatchObject({ ok: false, code: 'locked' });
      expect(await r.as[who]('vault.unlock', { path: r.path, name: who, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      await check(m, r, () => false);
    }),
  ),
  fc.integer({ min: 1, max: 120 }).map((days) =>
    step(`${days} days pass`, async (m, r) => {
      r.clock.now = new Date(r.clock.now.getTime() + days * DAY);
      await check(m, r, () => false);
    }),
  ),
];

let runs = 0;
async function setup(): Promise<{ model: Model; real: Real }> {
  const clock = { now: new Date('2026-01-05T09:00:00Z') };
  const path = join(tmp.dir, `model-${++runs}.vault`);
  const client = () => createRouter(new AppService({ kdf: TEST_KDF, now: () => clock.now }));
  const rootRoute = client();
  const root = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await rootRoute(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.message}`);
    return result.value as Response<C>;
  };
  await root('vault.create', { path, name: 'Root', passphrase: PASSPHRASE });
  // Groups for every kind of mailbox, with a basis for networking, before any contact arrives.
  for (const kind of ['corporate', 'personal', 'none'] as const) {
    const group = await root('groups.add', { label: `${kind} mailboxes`, rule: { type: 'email-kind', kind } });
    await root('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  }
  const { recipientId } = await root('recipients.add', { name: 'Meetup CRM', role: 'processor', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none' });
  // Kept two months from import: with the clock moving, contacts fall due and destruction has work to do.
  await root('retention.set', { policy: { scope: { type: 'basis', basis: 'legitimate-interests' }, months: 2, anchor: 'imported', rationale: 'Meetups run in seasons of two months' } });
  const as = { root: rootRoute } as Record<Member, Route>;
  for (const role of ['admin', 'data-owner', 'importer'] as const) {
    await root('members.add', { name: role, roles: [role], passphrase: PASSPHRASE });
    as[role] = client();
    const unlocked = await as[role]('vault.unlock', { path, name: role, passphrase: PASSPHRASE });
    if (!unlocked.ok) throw new Error(unlocked.message);
  }
  return { model: { suppressed: new Map(), objected: new Map(), holds: new Map(), held: new Map(), contacts: new Map() }, real: { clock, path, as, root, recipientId } };
}

describe('the invariants hold under random sequences of operations', () => {
  it('by random members, with the clock moving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25, size: 'max' }), async (cmds) => {
        const { model, real } = await setup();
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 50, seed: 20261130 },
    );
  }, 120_000);
});
