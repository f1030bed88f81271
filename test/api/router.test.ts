// The router every front end uses: requests are validated against the contract before any use case runs, errors
// cross as a code and one sentence, and requests never interleave on the vault's one connection.
import { describe, expect, it } from 'vitest';
import { AppService } from '../../src/app/app-service.js';
import { createRouter } from '../../src/api/router.js';
import type { Core } from '../../src/api/contract.js';
import { fixture, scratch } from '../support/fixtures.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const tmp = scratch();

describe('router', () => {
  it('refuses unknown channels, and invalid requests before any use case runs', async () => {
    const route = createRouter(new AppService({ kdf: TEST_KDF }));
    expect(await route('vault.format', {})).toEqual({ ok: false, code: 'unknown-channel', message: 'There is no channel "vault.format".' });
    expect(await route('__proto__', {})).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(await route('vault.unlock', { path: '', name: 'x' })).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/^The request is not valid: path: .*passphrase/) });
    // Who asks is checked before what is asked: without an unlocked vault, even a malformed request is 'locked'.
    expect(await route('contacts.show', { contactId: "'; DROP TABLE contacts; --" })).toMatchObject({ ok: false, code: 'locked' });
  });

  it('answers a use case without an unlocked vault with a clear "locked" error', async () => {
    const route = createRouter(new AppService({ kdf: TEST_KDF }));
    expect(await route('contacts.list', {})).toEqual({ ok: false, code: 'locked', message: 'Unlock a vault first.' });
  });

  it('never leaks an unexpected failure: a code and a sentence, the details to the log', async () => {
    const logged: unknown[] = [];
    const core: Core = {
      call: () => {
        throw new TypeError('secret internals at /home/alice/contacts.vault');
      },
    };
    const route = createRouter(core, (_c, e) => logged.push(e));
    const result = await route('vault.status', {});
    expect(result).toMatchObject({ ok: false, code: 'failed' });
    expect(JSON.stringify(result)).not.toContain('alice');
    expect(logged).toHaveLength(1);
  });

  it('creates, imports and reads through the contract, and runs requests one at a time', async () => {
    const service = new AppService({ kdf: TEST_KDF });
    const route = createRouter(service);
    const created = await route('vault.create', { path: tmp.path('router.vault'), name: 'Alice', passphrase: PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { member: { roles: ['admin', 'data-owner', 'importer'] } } });
    const progress: number[] = [];
    const [commit, list] = await Promise.all([
      route('import.commit', { path: fixture('connections-tricky.csv'), choices: {} }, (p) => progress.push(p.done)),
      route('contacts.list', {}),
    ]);
    expect(commit).toMatchObject({ ok: true, value: { added: 12 } });
    // Queued behind the commit, the list sees the committed contacts.
    expect(list).toMatchObject({ ok: true });
    expect(list).toMatchObject({ ok: true, value: { total: 12, offset: 0 } });
    expect((list as { value: { contacts: unknown[] } }).value.contacts).toHaveLength(12);
    expect(progress.length).toBeGreaterThan(0);
    service.close();
  });
});
