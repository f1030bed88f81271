// The core in a worker thread answers exactly as in-process, with progress, and works on while the calling thread
// is busy (no clock: the proof is a commit made while this thread never returned to its event loop).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import { createWorkerRoute } from '../../src/api/worker-route.js';
import { fixture, scratch } from '../support/fixtures.js';

// The worker runs the compiled core (test/setup-dist.ts builds dist/ before the integration project).
const WORKER = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'api', 'core-worker.js'));
/** A bound on the busy loop below, only for a failure (a core on this thread): far more reads than an import takes. */
const MAX_READS = 50_000_000;
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
    expect(list).toMatchObject({ ok: true, value: { total: 12, offset: 0 } });
    expect((list as { value: { contacts: unknown[] } }).value.contacts).toHaveLength(12);
  }, 60_000);

  it('leaves the calling thread free during a long import: the core commits it while this thread never yields', async () => {
    const big = tmp.path('Connections-20000.csv');
    await writeExport(big, { rows: 20_000, seed: 5 });
    const reader = new Database(tmp.path('worker.vault'), { readonly: true });
    try {
      const version = reader.prepare('PRAGMA data_version').pluck();
      const imports = reader.prepare('SELECT count(*) FROM imports').pluck();
      const before = imports.get() as number;
      const answer = route('import.commit', { path: big, choices: {} });
      // From here this thread runs one synchronous loop, reading the vault until another connection has committed
      // the import: a core on this thread could not run meanwhile, and the loop would only end at its bound.
      let seen = version.get();
      let reads = 0;
      while (imports.get() === before && reads < MAX_READS) {
        while (version.get() === seen && ++reads < MAX_READS);
        seen = version.get();
      }
      expect(reads, 'the import committed while this thread was busy').toBeLessThan(MAX_READS);
      expect(imports.get()).toBe(before + 1);
      const result = await answer;
      expect(result).toMatchObject({ ok: true, value: { records: 20_000 } });
      expect(reader.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(12 + (result as { value: { added: number } }).value.added);
    } finally {
      reader.close();
    }
  }, 120_000);

  it('answers a cancel at once, outside the queue, and the task it stops either finishes whole or changes nothing', async () => {
    expect(await route('task.cancel', {})).toEqual({ ok: true, value: { cancelling: false } });
    const groups = async () => ((await route('groups.list', {})) as { value: { groups: unknown[] } }).value.groups.length;
    const before = await groups();
    let answered: unknown = null;
    const added = route('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] } }, () => {
      if (answered === null) answered = route('task.cancel', {});
    });
    const result = (await added) as { ok: boolean; code?: string };
    expect(await answered).toEqual({ ok: true, value: { cancelling: true } });
    if (result.ok) expect(await groups()).toBe(before + 1);
    else {
      expect(result.code).toBe('cancelled');
      expect(await groups()).toBe(before);
    }
    expect(await route('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
  }, 60_000);
});
