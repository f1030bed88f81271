// Remembering the opened vault: only after a successful create, unlock (with a passphrase or the keychain) or
// recover, never failing the answer; and what else the desktop remembers from answers: the keychain unlock on or off,
// a refused keychain unlock, a member removed.
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/api/contract.js';
import type { Route } from '../../src/api/router.js';
import { observeVault, onVaultOpened, vaultEvents } from '../../electron/vault-opened.js';

describe('onVaultOpened', () => {
  const ok: Route = async () => ({ ok: true, value: {} });
  const refused: Route = async () => ({ ok: false, code: 'wrong-secret', message: 'No.' });

  it('tells of the path and member name (never the passphrase) after a successful open, for each way of opening', async () => {
    const opened = vi.fn();
    const route = onVaultOpened(ok, opened);
    for (const channel of ['vault.create', 'vault.unlock', 'vault.recover', 'vault.unlockKeychain']) await route(channel, { path: `/v/${channel}.vault`, name: 'Alice', passphrase: 'secret words here' });
    expect(opened.mock.calls).toEqual([
      ['/v/vault.create.vault', 'Alice'],
      ['/v/vault.unlock.vault', 'Alice'],
      ['/v/vault.recover.vault', 'Alice'],
      ['/v/vault.unlockKeychain.vault', 'Alice'],
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

describe('vaultEvents', () => {
  const ID = '0b6f3c52-3a53-4c41-9d27-1e0c8a3c1f01';
  const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
  const opened = ok({ member: { id: ID, roles: ['admin'] } });

  it('tells how a vault was opened, with the member id from the answer', () => {
    expect(vaultEvents('vault.unlock', { path: '/v.vault', name: 'Alice', passphrase: 'x' }, opened)).toEqual([{ type: 'opened', path: '/v.vault', name: 'Alice', memberId: ID, keychain: false }]);
    expect(vaultEvents('vault.unlockKeychain', { path: '/v.vault', name: 'Alice' }, opened)).toEqual([{ type: 'opened', path: '/v.vault', name: 'Alice', memberId: ID, keychain: true }]);
    // A recovered passphrase ends the keychain unlock.
    expect(vaultEvents('vault.recover', { path: '/v.vault', name: 'Alice' }, opened)).toEqual([
      { type: 'opened', path: '/v.vault', name: 'Alice', memberId: ID, keychain: false },
      { type: 'keychain', on: false },
    ]);
  });

  it('follows the keychain status, a new passphrase and a refused keychain unlock', () => {
    expect(vaultEvents('vault.keychainEnable', { passphrase: 'x' }, ok({ offered: true, reason: null, enabled: true }))).toEqual([{ type: 'keychain', on: true }]);
    expect(vaultEvents('vault.keychainDisable', {}, ok({ offered: true, reason: null, enabled: false }))).toEqual([{ type: 'keychain', on: false }]);
    // A slot made elsewhere does not make the keychain unlock work on a computer that does not offer it.
    expect(vaultEvents('vault.keychainStatus', {}, ok({ offered: false, reason: 'No keyring.', enabled: true }))).toEqual([{ type: 'keychain', on: false }]);
    expect(vaultEvents('members.changePassphrase', { current: 'a', next: 'b' }, ok(null))).toEqual([{ type: 'keychain', on: false }]);
    expect(vaultEvents('members.changePassphrase', {}, { ok: false, code: 'wrong-secret', message: 'No.' })).toEqual([]);
    expect(vaultEvents('vault.unlockKeychain', { path: '/v.vault', name: 'Alice' }, { ok: false, code: 'wrong-secret', message: 'No.' })).toEqual([{ type: 'keychain-refused', path: '/v.vault', name: 'Alice' }]);
    expect(vaultEvents('vault.unlockKeychain', { path: '/v.vault', name: 'Alice' }, { ok: false, code: 'busy', message: 'Busy.' })).toEqual([]);
    // A keychain not available for now (a Linux keyring still locked at login) keeps the offer for next time.
    expect(vaultEvents('vault.unlockKeychain', { path: '/v.vault', name: 'Alice' }, { ok: false, code: 'forbidden', message: 'No keyring.' })).toEqual([]);
  });

  it('tells of a member removed, by id, only when the removal succeeded', () => {
    expect(vaultEvents('members.remove', { memberId: ID }, ok(null))).toEqual([{ type: 'member-removed', memberId: ID }]);
    expect(vaultEvents('members.remove', { memberId: ID }, { ok: false, code: 'conflict', message: 'Last admin.' })).toEqual([]);
  });

  it('passes every answer through, even when observing fails', async () => {
    const route = observeVault(async () => ({ ok: true, value: { offered: true, reason: null, enabled: true } }), () => {
      throw new Error('disk full');
    });
    expect(await route('vault.keychainEnable', { passphrase: 'x' })).toEqual({ ok: true, value: { offered: true, reason: null, enabled: true } });
  });
});

