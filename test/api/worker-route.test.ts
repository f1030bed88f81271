// The core in a worker thread answers exactly as in-process, with progress, while the calling thread stays free.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import { createWorkerRoute } from '../../src/api/worker-route.js';
import { fixture, scratch } from '../support/fixtures.js';

// The worker runs the compiled core (test/global-setup.ts builds dist/ before the suite).
const WORKER = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'api', 'core-worker.js'));
const tmp = scratch();
const route = createWorkerRoute(WORKER);
afterAll(() => route.close());

describe('the core in a worker thread', () => {
  it('validates, creates, imports with progress and lists, like the in-process router', async () => {
    expect(await route('vault.format', {})).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(await route('contacts.list', {})).toEqual({ ok: false, code: 'locked', message: 'Unlock a vault first.' });
    const created = await route('vault.create', { path: tmp.path('worker.vault'), name: 'Alice', passphrase: 'correct horse battery staple' });
    expect(created).toMatchObject({ ok: true, value: { member: { roles: ['admin', 'data-owner', 'importer'] } } });
    const progress: number[] = [];
    const commit = await route('import.commit', { path: fixture('connections-tricky.csv'), choices: {} }, (p) => progress.push(p.done));
    expect(commit).toMatchObject({ ok: true, value: { added: 12 } });
    expect(progress.length).toBeGreaterThan(0);
    const list = await route('contacts.list', {});
    expect((list as { value: unknown[] }).value).toHaveLength(12);
  }, 60_000);

  it('leaves the calling thread free during a long import', async () => {
    const big = tmp.path('Connections-20000.csv');
    await writeExport(big, { rows: 20_000, seed: 5 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = Date.now();
    const result = await route('import.commit', { path: big, choices: {} });
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect(result).toMatchObject({ ok: true });
    // The import takes seconds; a blocked thread would have ticked a handful of times at most.
    expect(elapsed).toBeGreaterThan(500);
    expect(ticks).toBeGreaterThan(elapsed / 20 / 4);
  }, 120_000);
});
