// Acceptance (issue 13, point 2): every use case that walks every contact reports its progress and, cancelled between
// two batches, changes nothing: the groups, their bases, the retention policies, every contact's group and due date,
// the disclosure log are as before, and the audit trail verifies. One row a channel of CANCELLABLE, so a channel
// added there without a row here fails. Deterministic: the cancel is sent from the task's own first progress event.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import type { Channel, Progress, Request, Response, Result } from '../../src/api/contract.js';
import { createRouter } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import { CANCELLABLE } from '../../src/shared/task.js';
import { allContacts } from '../support/contacts.js';
import { scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const tmp = scratch();
const ROWS = 2_500;
let file: string;
let n = 0;

beforeAll(async () => {
  file = join(tmp.dir, 'connections.csv');
  await writeExport(file, { rows: ROWS, seed: 5 });
});

type Ok = <C extends Channel>(channel: C, request: Request<C>) => Promise<Response<C>>;
interface Vault {
  ok: Ok;
  acme: string;
  initech: string;
  recipientId: string;
}

/** A vault holding the export, two groups (Acme with a basis), a retention policy and a registered recipient. */
async function setUp() {
  const service = new AppService({ kdf: TEST_KDF });
  const route = createRouter(service);
  const call = async <C extends Channel>(channel: C, request: Request<C>, onProgress?: (p: Progress) => void) => (await route(channel, request, onProgress)) as Result<Response<C>>;
  const ok: Ok = async (channel, request) => {
    const r = await call(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.message}`);
    return r.value;
  };
  await ok('vault.create', { path: join(tmp.dir, `v${++n}.vault`), name: 'Ada', passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
  await ok('import.commit', { path: file, choices: {} });
  const acme = (await ok('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] }, confirm: true })).id;
  const initech = (await ok('groups.add', { label: 'Initech', rule: { type: 'company', companies: ['Initech'] }, confirm: true })).id;
  await ok('policy.assign', { groupId: acme, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
  await ok('retention.set', { policy: { scope: { type: 'group', groupId: acme }, months: 36, anchor: 'imported', rationale: 'Three years from import covers our meetup cycle.' }, confirm: true });
  const { recipientId } = await ok('recipients.add', { name: 'Our CRM', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'UK', transfer: 'none' });
  return { service, call, vault: { ok, acme, initech, recipientId } satisfies Vault };
}

/** Everything a cancelled task must leave as it was. */
async function state(v: Vault) {
  const contacts = await allContacts(v.ok);
  return {
    groups: await v.ok('groups.list', {}),
    retention: await v.ok('retention.list', {}),
    disclosures: await v.ok('disclosures.list', {}),
    contacts: contacts.map((c) => [c.id, c.groupId, c.expiresAt]),
  };
}

const TASKS: Record<string, (v: Vault) => [Channel, unknown]> = {
  'import.commit': () => ['import.commit', { path: file, choices: { onDuplicate: 'update' } }],
  'groups.add': () => ['groups.add', { label: 'Globex', rule: { type: 'company', companies: ['Globex Corporation'] }, confirm: true }],
  'groups.remove': (v) => ['groups.remove', { groupId: v.initech, confirm: true }],
  'groups.update': (v) => ['groups.update', { groupId: v.initech, rule: { type: 'company', companies: ['Initech', 'Globex Corporation'] }, confirm: true }],
  'groups.reorder': (v) => ['groups.reorder', { groupId: v.initech, position: 1, confirm: true }],
  'policy.assign': (v) => ['policy.assign', { groupId: v.acme, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true }],
  'retention.set': () => ['retention.set', { policy: { scope: { type: 'basis', basis: 'legitimate-interests' }, months: 12, anchor: 'imported', rationale: 'One year is enough for invitations.' }, confirm: true }],
  'retention.default': () => ['retention.default', { months: 6, anchor: 'imported', confirm: true }],
  'retention.remove': (v) => ['retention.remove', { scope: { groupId: v.acme }, confirm: true }],
  'quarantine.set': () => ['quarantine.set', { days: 7, confirm: true }],
  'export.crm': (v) => ['export.crm', { purpose: 'networking', channels: ['email'], directMarketing: false, recipientId: v.recipientId }],
  'export.preview': () => ['export.preview', { purpose: 'networking', channels: ['email'], directMarketing: false }],
  'report.art30': () => ['report.art30', {}],
};

describe('every task that walks every contact', () => {
  it('is in this table, and only those', () => {
    expect(Object.keys(TASKS).sort()).toEqual([...CANCELLABLE].sort());
  });

  for (const [name, task] of Object.entries(TASKS)) {
    it(`${name}: reports progress up to every contact; cancelled at its first report, changes nothing`, async () => {
      const { call, vault } = await setUp();
      const [channel, request] = task(vault);
      const before = await state(vault);
      const events: Progress[] = [];
      const cancelled = await call(channel, request as never, (p) => {
        if (events.push(p) === 1) void call('task.cancel', {});
      });
      expect(cancelled, JSON.stringify(cancelled)).toMatchObject({ ok: false, code: 'cancelled' });
      expect(events).toHaveLength(1);
      expect(await state(vault)).toEqual(before);
      expect((await vault.ok('audit.verify', {})).ok).toBe(true);

      // Not cancelled, the same task reports batch after batch, in order, and ends.
      const seen: Progress[] = [];
      const done = await call(channel, request as never, (p) => seen.push(p));
      expect(done.ok, JSON.stringify(done)).toBe(true);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen.every((p) => p.task === channel)).toBe(true);
      expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    });
  }
});
