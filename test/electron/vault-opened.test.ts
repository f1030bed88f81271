// Remembering the opened vault: only after a successful create, unlock or recover, never failing the answer.
import { describe, expect, it, vi } from 'vitest';
import type { Route } from '../../src/api/router.js';
import { onVaultOpened } from '../../electron/vault-opened.js';

describe('onVaultOpened', () => {
  const ok: Route = async () => ({ ok: true, value: {} });
  const refused: Route = async () => ({ ok: false, code: 'wrong-secret', message: 'No.' });

  it('tells of the path and member name (never the passphrase) after a successful open, for each way of opening', async () => {
    const opened = vi.fn();
    const route = onVaultOpened(ok, opened);
    for (const channel of ['vault.create', 'vault.unlock', 'vault.recover']) await route(channel, { path: `/v/${channel}.vault`, name: 'Alice', passphrase: 'secret words here' });
    expect(opened.mock.calls).toEqual([
      ['/v/vault.create.vault', 'Alice'],
      ['/v/vault.unlock.vault', 'Alice'],
      ['/v/vault.recover.vault', 'Alice'],
    ]);
  });

  it('says nothing after a refusal or another channel', async () => {
    const opened = vi.fn();
    await onVaultOpened(refused, opened)('vault.unlock', { path: '/v.vault' });
    await onVaultOpened(ok, opened)('import.preview', { path: '/export.zip' });
    expect(opened).not.toHaveBeenCalled();
  });

  it('passes the answer through even when remembering fails', async () => {
    const route = onVaultOpened(ok, () => {
      throw new Error('disk full');
    });
    expect(await route('vault.unlock', { path: '/v.vault' })).toEqual({ ok: true, value: {} });
  });
});
