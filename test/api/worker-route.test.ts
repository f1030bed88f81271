// The core in a worker thread answers exactly as in-process, with progress, and works on while the calling thread
// is busy (no clock: the proof is a commit made while this thread never returned to its event loop).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import { answerKeychain, createWorkerRoute } from '../../src/api/worker-route.js';
import { NO_KEYCHAIN, type KeychainProtector } from '../../src/shared/keychain.js';
import { fixture, scratch } from '../support/fixtures.js';
import { fakeKeychain } from '../support/keychain.js';

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

// The keychain protocol (docs/architecture.md, "Front ends"): the core on the worker asks the calling thread's
// keychain by message, with an id; bytes cross as Uint8Arrays of their own, errors as one sentence; with no keychain
// given the answer is "not offered".
describe('the OS keychain, asked from the worker', () => {
  /** A fake keychain that records what reached it: each argument's type, length and whether it owns its buffer. */
  function recordingKeychain(inner: KeychainProtector) {
    const seen: { op: string; isUint8Array: boolean; length: number; ownsBuffer: boolean }[] = [];
    const note = (op: string, data: Uint8Array) => seen.push({ op, isUint8Array: data instanceof Uint8Array, length: data.length, ownsBuffer: data.byteOffset === 0 && data.buffer.byteLength === data.length });
    const keychain: KeychainProtector = {
      availability: () => inner.availability(),
      protect: async (data) => (note('protect', data), inner.protect(data)),
      unprotect: async (data) => (note('unprotect', data), inner.unprotect(data)),
    };
    return { keychain, seen };
  }

  it('turns the keychain unlock on and unlocks with it, the bytes crossing as Uint8Arrays of their own', async () => {
    const { keychain, seen } = recordingKeychain(fakeKeychain());
    const desktop = createWorkerRoute(WORKER, { keychain });
    try {
      const path = tmp.path('keychain-worker.vault');
      expect((await desktop('vault.create', { path, name: 'Alice', passphrase: 'correct horse battery staple' })).ok).toBe(true);
      expect(await desktop('vault.keychainStatus', {})).toEqual({ ok: true, value: { offered: true, reason: null, enabled: false, elsewhere: false } });
      expect(await desktop('vault.keychainEnable', { passphrase: 'correct horse battery staple' })).toEqual({ ok: true, value: { offered: true, reason: null, enabled: true, elsewhere: false } });
      await desktop('vault.lock', {});
      expect(await desktop('vault.unlockKeychain', { path, name: 'Alice' })).toMatchObject({ ok: true, value: { member: { roles: ['admin', 'data-owner', 'importer'] } } });
      // The vault key and its 16-byte check went out to be sealed; the sealed slot came back to be opened.
      expect(seen.map((s) => s.op)).toEqual(['protect', 'unprotect']);
      expect(seen[0]).toEqual({ op: 'protect', isUint8Array: true, length: 48, ownsBuffer: true });
      expect(seen.every((s) => s.isUint8Array && s.ownsBuffer)).toBe(true);
      // Requests, progress and cancel work as before beside it.
      expect(await desktop('task.cancel', {})).toEqual({ ok: true, value: { cancelling: false } });
    } finally {
      await desktop.close();
    }
  }, 60_000);

  it('carries an error back as its one sentence, and says "not offered" when no keychain was given', async () => {
    const denied: KeychainProtector = {
      availability: async () => ({ available: true }),
      protect: async () => {
        throw new Error('The user denied access to the keychain.\n    at SecItemAdd (keychain.mm:42)');
      },
      unprotect: async () => new Uint8Array(0),
    };
    const desktop = createWorkerRoute(WORKER, { keychain: denied });
    const cli = createWorkerRoute(WORKER);
    try {
      const path = tmp.path('keychain-denied.vault');
      await desktop('vault.create', { path, name: 'Alice', passphrase: 'correct horse battery staple' });
      const refused = await desktop('vault.keychainEnable', { passphrase: 'correct horse battery staple' });
      expect(refused).toEqual({ ok: false, code: 'failed', message: 'The OS keychain could not keep the vault key (The user denied access to the keychain).' });
      await desktop('vault.lock', {});
      await cli('vault.unlock', { path, name: 'Alice', passphrase: 'correct horse battery staple' });
      expect(await cli('vault.keychainStatus', {})).toEqual({ ok: true, value: { offered: false, reason: NO_KEYCHAIN.reason, enabled: false, elsewhere: false } });
      expect(await cli('vault.keychainEnable', { passphrase: 'correct horse battery staple' })).toEqual({ ok: false, code: 'forbidden', message: NO_KEYCHAIN.reason });
    } finally {
      await desktop.close();
      await cli.close();
    }
  }, 60_000);

  it('answers each question by its id, in memory (answerKeychain)', async () => {
    expect(await answerKeychain(undefined, { id: 7, op: 'availability' })).toEqual({ id: 7, ok: true, availability: NO_KEYCHAIN });
    expect(await answerKeychain(undefined, { id: 8, op: 'protect', data: new Uint8Array([1]) })).toEqual({ id: 8, ok: false, message: NO_KEYCHAIN.reason });
    const pooled = Buffer.from([1, 2, 3]); // a view into Node's shared pool
    const echo: KeychainProtector = { availability: async () => ({ available: true }), protect: async () => pooled, unprotect: async (d) => d };
    const answer = await answerKeychain(echo, { id: 9, op: 'protect', data: new Uint8Array([4]) });
    expect(answer).toMatchObject({ id: 9, ok: true });
    const data = (answer as { data: Uint8Array }).data;
    expect([...data]).toEqual([1, 2, 3]);
    expect(data.buffer.byteLength).toBe(3);
    // What the keychain gave (here a pooled Buffer, as safeStorage's base64 decoding gives) is wiped once copied.
    expect([...pooled]).toEqual([0, 0, 0]);
  });
});
