// The OS keychain unlock in Chromium against the real core, with the harness's in-memory keychain standing in for
// Electron's safeStorage: the Account dialog turns it on with the passphrase typed again, the unlock screen then
// offers "Unlock with the keychain" for the remembered member and unlocks without a passphrase, turning it off takes
// the offer away; and where the keychain would keep the key in plain text the dialog says why and offers nothing.
// axe-core (no violation of any severity) and a screenshot at each step.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { scratch } from '../support/fixtures.js';
import { PASSPHRASE } from '../support/vault.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
let app: App | null = null;
let page: Page;
const s = steps(() => app!);
const byTestId = s.byTestId;

async function start(keychain: 'available' | 'refused'): Promise<void> {
  app = await startApp({ keychain, now: () => new Date('2026-11-29T10:00:00Z') });
  page = app.page;
  page.setDefaultTimeout(15_000);
}
afterEach(async () => {
  await app?.close();
  app = null;
});

async function openAccount(): Promise<void> {
  await byTestId('account-button').click();
  await byTestId('account-dialog').waitFor();
  await byTestId('keychain-state').waitFor();
}

async function closeAccountAndLock(): Promise<void> {
  await byTestId('account-close').click();
  await expect.poll(() => byTestId('account-dialog').count()).toBe(0);
  await byTestId('lock-button').click();
  await byTestId('unlock-form').waitFor();
}

describe('unlocking with this computer’s keychain', { timeout: 120_000 }, () => {
  it('is turned on with the passphrase, then unlocks without it, and is gone once turned off', async () => {
    await start('available');
    const path = tmp.path('keychain.vault');
    // A vault made elsewhere (the command line), opened here with the passphrase: the desktop remembers it.
    await app!.service.call('vault.create', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    await app!.service.call('vault.lock', {});
    await page.reload();
    await byTestId('welcome-open').click();
    await byTestId('vault-path').fill(path);
    await byTestId('member-name').fill('Alice Admin');
    await byTestId('passphrase').fill(PASSPHRASE);
    expect(await byTestId('keychain-unlock').count()).toBe(0);
    await byTestId('unlock-button').click();
    await byTestId('session').waitFor();

    await openAccount();
    expect(await byTestId('keychain-state').textContent()).toContain('Off.');
    expect(await byTestId('keychain-section').textContent()).toContain('Anyone signed in to this computer’s account can then unlock the vault as you');
    await s.accessible('k01-account-keychain-off');
    await byTestId('keychain-passphrase').fill('not my passphrase at all');
    await byTestId('keychain-enable').click();
    await expect.poll(() => byTestId('keychain-section').textContent()).toContain('The passphrase is wrong.');
    expect(await byTestId('keychain-state').textContent()).toContain('Off.');
    await byTestId('keychain-passphrase').fill(PASSPHRASE);
    await byTestId('keychain-enable').click();
    await expect.poll(() => byTestId('keychain-state').textContent()).toContain('On.');
    expect(app!.desktop.remembered.keychainMember).toBe('Alice Admin');
    await s.accessible('k02-account-keychain-on');

    await closeAccountAndLock();
    await byTestId('keychain-unlock').waitFor();
    expect(await byTestId('passphrase').inputValue()).toBe('');
    await s.accessible('k03-unlock-offers-keychain');
    // Another member name is not offered the keychain.
    await byTestId('member-name').fill('Bob Owner');
    await expect.poll(() => byTestId('keychain-unlock').count()).toBe(0);
    await byTestId('member-name').fill('Alice Admin');
    await byTestId('keychain-unlock').click();
    await expect.poll(() => byTestId('session').textContent()).toContain('Alice Admin');
    expect(await s.status()).toContain('keychain');

    await openAccount();
    expect(await byTestId('keychain-state').textContent()).toContain('On.');
    await byTestId('keychain-disable').click();
    await expect.poll(() => byTestId('keychain-state').textContent()).toContain('Off.');
    expect(app!.desktop.remembered.keychainMember).toBeNull();
    await closeAccountAndLock();
    await expect.poll(() => byTestId('member-name').inputValue()).toBe('Alice Admin');
    expect(await byTestId('keychain-unlock').count()).toBe(0);
    await s.accessible('k04-unlock-without-keychain');
    expect(app!.problems).toEqual([]);
  });

  it('says why it is not offered where the keychain would keep the key in plain text, and offers nothing', async () => {
    await start('refused');
    await s.signIn(tmp.path('refused.vault'));
    await openAccount();
    const state = await byTestId('keychain-state').textContent();
    expect(state).toContain('Not offered on this computer.');
    expect(state).toContain('would keep the vault key in plain text');
    expect(await byTestId('keychain-passphrase').count()).toBe(0);
    expect(await byTestId('keychain-enable').count()).toBe(0);
    expect(await byTestId('keychain-disable').count()).toBe(0);
    await s.accessible('k05-account-keychain-refused');
    await closeAccountAndLock();
    expect(await byTestId('keychain-unlock').count()).toBe(0);
    expect(app!.problems).toEqual([]);
  });
});
