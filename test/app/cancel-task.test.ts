// Long tasks report progress and can be cancelled without a partial change (issue 13): an import, and a change that
// regroups every contact (groups.add here; groups.remove, policy.assign and the retention changes share regroup).
// Deterministic: the test cancels from inside the task's own progress callback, as a person pressing Cancel would
// between two batches, so nothing depends on timing.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import type { Channel, Progress, Request, Response, Result } from '../../src/api/contract.js';
import { createRouter } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import { scratch } from '../support/fixtures.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const tmp = scratch();
const ROWS = 2_500;
let file: string;
let n = 0;

beforeAll(async () => {
  file = join(tmp.dir, 'connections.csv');
  await writeExport(file, { rows: ROWS, seed: 3 });
});

/** A vault with the export imported, and a router call that collects progress and may cancel on the first event. */
async function setUp(imported = true) {
  const service = new AppService({ kdf: TEST_KDF });
  const route = createRouter(service);
  const call = async <C extends Channel>(channel: C, request: Request<C>, onProgress?: (p: Progress) => void): Promise<Result<Response<C>>> =>
    (await route(channel, request, onProgress)) as Result<Response<C>>;
  const ok = async <C extends Channel>(channel: C, request: Request<C>) => {
    const r = await call(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.message}`);
    return r.value;
  };
  await ok('vault.create', { path: join(tmp.dir, `v${++n}.vault`), name: 'Ada', passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
  if (imported) await ok('import.commit', { path: file, choices: {} });
  /** Every progress event, and a cancel sent at the first one. */
  const cancelling = () => {
    const events: Progress[] = [];
    const onProgress = (p: Progress) => {
      if (events.push(p) === 1) void route('task.cancel', {});
    };
    return { events, onProgress };
  };
  return { service, call, ok, cancelling };
}

describe('a change that regroups every contact', () => {
  it('reports its progress, batch by batch, up to every contact', async () => {
    const { call, ok } = await setUp();
    const stored = (await ok('contacts.list', { limit: 1 })).total;
    const events: Progress[] = [];
    const r = await call('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] } }, (p) => events.push(p));
    expect(r.ok).toBe(true);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((e) => e.task === 'groups.add' && e.total === stored)).toBe(true);
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    expect(events.at(-1)!.done).toBe(stored);
  });

  it('cancelled between two batches, changes nothing, says so, and leaves an audit trail that verifies', async () => {
    const { call, ok, cancelling } = await setUp();
    const before = await ok('groups.list', {});
    const { events, onProgress } = cancelling();
    const r = await call('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] } }, onProgress);
    expect(r).toEqual({ ok: false, code: 'cancelled', message: 'Cancelled: nothing was changed.' });
    expect(events.length).toBe(1);
    expect(await ok('groups.list', {})).toEqual(before);
    expect((await ok('audit.verify', {})).ok).toBe(true);
    // The next task is not cancelled by the old request.
    expect((await call('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] } })).ok).toBe(true);
  });
});

describe('an import', () => {
  it('cancelled while it reads, stores no contact', async () => {
    const { call, ok, cancelling } = await setUp(false);
    const { onProgress } = cancelling();
    const r = await call('import.commit', { path: file, choices: {} }, onProgress);
    expect(r).toMatchObject({ ok: false, code: 'cancelled' });
    expect((await ok('contacts.list', { limit: 1 })).total).toBe(0);
    expect((await call('import.commit', { path: file, choices: {} })).ok).toBe(true);
    expect((await ok('contacts.list', { limit: 1 })).total).toBeGreaterThan(ROWS * 0.9);
  });
});

describe('task.cancel', () => {
  it('with nothing running, says so and changes nothing', async () => {
    const { ok } = await setUp(false);
    expect(await ok('task.cancel', {})).toEqual({ cancelling: false });
  });

  it('is forgotten when no task that reads it runs: an import queued behind it still commits', async () => {
    const { service, call, ok } = await setUp(false);
    const listing = call('contacts.list', {});
    const importing = call('import.commit', { path: file, choices: {} });
    expect(await service.call('task.cancel', {})).toEqual({ cancelling: false });
    expect((await listing).ok).toBe(true);
    expect((await importing).ok).toBe(true);
    expect((await ok('contacts.list', { limit: 1 })).total).toBeGreaterThan(ROWS * 0.9);
  });
});
