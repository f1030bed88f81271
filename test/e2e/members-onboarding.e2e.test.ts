// Members, account and first launch in Chromium against the real core: the welcome on a first launch, a vault made
// with Browse… (the native dialog's stand-in), the recovery key copied (and cleared from the clipboard a minute
// later), saved and printed, the last vault and member name remembered across a lock, recovery with the key, a
// second member's roles changed (and the last admin kept), a destruction token shown once then revoked, and one's
// own passphrase changed. axe-core (no violation of any severity) and screenshots at 1280 wide and at 1024×700.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../support/fixtures.js';
import { PASSPHRASE } from '../support/vault.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
const vaultPath = tmp.path('team.vault');
const RECOVERED = 'violet harbour lantern forty two';
const CHANGED = 'quiet orchard kettle ninety one';
const KEY = /^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/;
let app: App;
let page: Page;
const s = steps(() => app);
const byTestId = s.byTestId;
let firstKey = '';

beforeAll(async () => {
  app = await startApp({ now: () => new Date('2026-11-29T10:00:00Z') });
  page = app.page;
  page.setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** axe and a screenshot at 1280 wide, then at 1024×700, then back. */
async function accessibleAtBothSizes(name: string): Promise<void> {
  await s.accessible(`${name}-1280`);
  await page.setViewportSize({ width: 1024, height: 700 });
  await s.accessible(`${name}-1024x700`);
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** A clipboard that records what was written (the harness's origin is not a secure context, so Chromium offers none). */
async function recordingClipboard(): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __copied: string[]; navigator: object };
    w.__copied = [];
    Object.defineProperty(w.navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void w.__copied.push(text) } });
  });
}
const copied = () => page.evaluate(() => (globalThis as unknown as { __copied: string[] }).__copied);
const focusedTestId = () =>
  page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') ?? null);

describe('members, account and first launch', { timeout: 90_000 }, () => {
  it('welcomes a first launch with two clear choices instead of an empty path form', async () => {
    await byTestId('welcome').waitFor();
    expect(await byTestId('vault-path').count()).toBe(0);
    await expect.poll(() => byTestId('mode-create').textContent()).toBe('Create a new vault');
    expect(await byTestId('welcome-open').textContent()).toBe('Open an existing vault');
    await accessibleAtBothSizes('m01-welcome');
    // Opening an existing vault shows the unlock form, still empty.
    await byTestId('welcome-open').click();
    await byTestId('unlock-form').waitFor();
    expect(await byTestId('vault-path').inputValue()).toBe('');
  });

  it('creates a vault with Browse…, saying inline what is missing', async () => {
    await byTestId('mode-create').click();
    await byTestId('create-button').click();
    await expect.poll(() => byTestId('vault-path-error').textContent()).toContain('Give the vault file’s path.');
    expect(await byTestId('member-name-error').textContent()).toContain('Give your member name.');
    // The error is read with its field.
    const described = await byTestId('member-name').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain('Give your member name.');

    // Cancelled, then chosen: a save dialog for a new vault, with the vault filter.
    app.desktop.nextSavePath = null;
    await byTestId('vault-browse').click();
    await expect.poll(() => app.desktop.dialogs.length).toBe(1);
    expect(await byTestId('vault-path').inputValue()).toBe('');
    app.desktop.nextSavePath = vaultPath;
    await byTestId('vault-browse').click();
    await expect.poll(() => byTestId('vault-path').inputValue()).toBe(vaultPath);
    expect(app.desktop.dialogs.at(-1)).toMatchObject({ kind: 'save', request: { purpose: 'new-vault', defaultName: 'contacts.vault', filters: [{ extensions: ['vault'] }, { extensions: ['*'] }] } });

    await byTestId('member-name').fill('Alice Admin');
    await byTestId('passphrase').fill(PASSPHRASE);
    await byTestId('passphrase-confirm').fill(PASSPHRASE);
    await accessibleAtBothSizes('m02-create-vault');
    await byTestId('create-button').click();
    await expect.poll(() => byTestId('recovery-key').textContent(), { timeout: 20_000 }).toMatch(KEY);
    firstKey = (await byTestId('recovery-key').textContent())!;
  });

  it('copies, saves and prints the recovery key, and continues only once it is kept', async () => {
    await expect.poll(() => byTestId('recovery-notice').textContent()).toContain('Shown only now.');
    expect(await byTestId('recovery-continue').isDisabled()).toBe(true);
    expect(await byTestId('recovery-continue-why').textContent()).toContain('Tick');

    // Through main's channel (the desktop's stand-in): copied, and cleared again after its minute.
    await byTestId('recovery-copy').click();
    await expect.poll(() => app.desktop.copies).toEqual([firstKey]);
    expect(app.desktop.clipboard).toBe(firstKey);
    await expect.poll(() => s.status()).toContain('Recovery key copied. The clipboard will be cleared in 60 seconds');
    app.desktop.elapseClipboard();
    expect(app.desktop.clipboard).toBe('');

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('recovery-save').click()]);
    expect(download.suggestedFilename()).toBe('contact-sanitizer-recovery-key.txt');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(`Recovery key: ${firstKey}`);
    expect(text).toContain(`Vault: ${vaultPath}`);
    expect(text).toContain('Recover with the recovery key');
    expect(text).not.toContain(PASSPHRASE);

    await page.evaluate(() => {
      const w = globalThis as unknown as { __printed: number; print: () => void };
      w.__printed = 0;
      w.print = () => void w.__printed++;
    });
    await byTestId('recovery-print').click();
    expect(await page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
    // The print stylesheet shows the key and its instructions only.
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const style = (globalThis as unknown as { getComputedStyle(e: unknown): { visibility: string; display: string } }).getComputedStyle(el);
          return style.visibility !== 'hidden' && style.display !== 'none';
        });
    expect(await visible('[data-testid="recovery-key"]')).toBe(true);
    expect(await visible('.recovery-print-only')).toBe(true);
    expect(await visible('.app-header h1')).toBe(false);
    expect(await visible('[data-testid="recovery-copy"]')).toBe(false);
    expect(await visible('[data-testid="status"]')).toBe(false);
    await app.screenshot('m03-recovery-key-print');
    await page.emulateMedia({ media: 'screen' });

    await accessibleAtBothSizes('m03-recovery-key');
    await byTestId('recovery-confirm').check();
    await byTestId('recovery-continue').click();
    await expect.poll(() => byTestId('session').textContent()).toContain('Alice Admin');
  });

  it('remembers the last vault and member name (never the passphrase) and pre-fills them after a lock', async () => {
    expect(app.desktop.last).toEqual({ path: vaultPath, name: 'Alice Admin' });
    await byTestId('lock-button').click();
    await byTestId('unlock-form').waitFor();
    expect(await byTestId('vault-path').inputValue()).toBe(vaultPath);
    expect(await byTestId('member-name').inputValue()).toBe('Alice Admin');
    expect(await byTestId('passphrase').inputValue()).toBe('');
    // A new window (a reload) asks the desktop, which remembers.
    await page.reload();
    await byTestId('unlock-form').waitFor();
    await expect.poll(() => byTestId('vault-path').inputValue()).toBe(vaultPath);
    expect(await byTestId('member-name').inputValue()).toBe('Alice Admin');
    await accessibleAtBothSizes('m04-unlock-prefilled');
  });

  it('recovers access with the recovery key, which is then replaced', async () => {
    await byTestId('forgot-passphrase').click();
    await byTestId('recover-form').waitFor();
    expect(await byTestId('vault-path').inputValue()).toBe(vaultPath);
    await byTestId('recovery-key-input').fill('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
    await byTestId('passphrase').fill(RECOVERED);
    await byTestId('passphrase-confirm').fill(RECOVERED);
    await byTestId('recover-button').click();
    await expect.poll(() => byTestId('form-error').textContent()).toMatch(/\S/);
    expect(await byTestId('session').count()).toBe(0);
    await accessibleAtBothSizes('m05-recover-refused');

    await byTestId('recovery-key-input').fill(firstKey);
    await byTestId('passphrase').fill(RECOVERED);
    await byTestId('passphrase-confirm').fill(RECOVERED);
    await byTestId('recover-button').click();
    await expect.poll(() => byTestId('recovery-key').textContent(), { timeout: 20_000 }).toMatch(KEY);
    expect(await byTestId('recovery-key').textContent()).not.toBe(firstKey);
    await byTestId('recovery-confirm').check();
    await byTestId('recovery-continue').click();
    await expect.poll(() => byTestId('session').textContent()).toContain('Alice Admin');
  });

  it('changes a second member’s roles, and shows the core’s refusal to drop the last admin inline', async () => {
    await app.service.call('members.add', { name: 'Bob Importer', roles: ['importer'], passphrase: PASSPHRASE });
    await s.open('members');
    const bob = page.getByTestId('member-row').filter({ hasText: 'Bob Importer' });
    await expect.poll(() => bob.getByTestId('member-roles').textContent()).toBe('Importer');

    await bob.getByTestId('edit-roles').click();
    await byTestId('roles-dialog').waitFor();
    expect(await byTestId('roles-save').isDisabled()).toBe(true);
    expect(await byTestId('roles-save-why').textContent()).toContain('Nothing to save yet');
    await byTestId('edit-role-data-owner').check();
    await accessibleAtBothSizes('m06-roles-dialog');
    await byTestId('roles-save').click();
    await expect.poll(() => bob.getByTestId('member-roles').textContent()).toBe('Data owner, Importer');
    expect(await byTestId('roles-dialog').count()).toBe(0);
    await expect.poll(focusedTestId).toBe('edit-roles');
    expect((await app.service.call('members.list', {})).find((m) => m.name === 'Bob Importer')!.roles).toEqual(['data-owner', 'importer']);

    const alice = page.getByTestId('member-row').filter({ hasText: 'Alice Admin' });
    await alice.getByTestId('edit-roles').click();
    await byTestId('edit-role-admin').uncheck();
    await byTestId('roles-save').click();
    await expect.poll(() => byTestId('roles-dialog').getByTestId('form-error').textContent()).toContain('This is the last admin');
    await byTestId('roles-cancel').click();
    expect(await alice.getByTestId('member-roles').textContent()).toBe('Admin, Data owner, Importer');
  });

  it('creates a destruction token shown only once, copies it, and revokes it behind a confirmation', async () => {
    await expect.poll(() => byTestId('tokens-empty').count()).toBe(1);
    await byTestId('token-create').click();
    await byTestId('token-created').waitFor();
    expect(await byTestId('token-created').textContent()).toContain('Shown only now.');
    const token = (await byTestId('token-value').textContent())!;
    expect(token.length).toBeGreaterThan(20);
    await byTestId('token-copy').click();
    await expect.poll(() => app.desktop.copies.at(-1)).toBe(token);
    await expect.poll(() => s.status()).toContain('Token copied. The clipboard will be cleared in 60 seconds');
    expect(app.desktop.clipboard).toBe(token);
    // Without the desktop's channel (a plain browser) the browser's clipboard is used, and nothing promises a clear.
    await page.evaluate(() => {
      const w = globalThis as unknown as { sanitizer: Record<string, unknown>; __desktopSanitizer: unknown };
      w.__desktopSanitizer = w.sanitizer;
      w.sanitizer = { ...w.sanitizer, copySecret: undefined };
    });
    await recordingClipboard();
    await byTestId('token-copy').click();
    await expect.poll(copied).toEqual([token]);
    await expect.poll(() => s.status()).toContain('then copy something else so it does not stay on the clipboard');
    await page.evaluate(() => {
      const w = globalThis as unknown as { sanitizer: unknown; __desktopSanitizer: unknown };
      w.sanitizer = w.__desktopSanitizer;
    });
    await expect.poll(() => byTestId('token-row').count()).toBe(1);
    expect(await byTestId('token-state').textContent()).toBe('Active');
    await accessibleAtBothSizes('m07-token-created');

    await byTestId('token-revoke').click();
    await byTestId('confirm-dialog').waitFor();
    await byTestId('confirm-cancel').click();
    expect(await byTestId('token-state').textContent()).toBe('Active');
    await byTestId('token-revoke').click();
    await accessibleAtBothSizes('m08-token-revoke-confirm');
    await byTestId('confirm-revoke-token').click();
    await expect.poll(() => byTestId('token-state').textContent()).toMatch(/^Revoked /);
    expect(await byTestId('token-created').count()).toBe(0);
    expect(await byTestId('token-revoke').count()).toBe(0);
    expect((await app.service.call('tokens.list', {}))[0]!.revokedAt).not.toBeNull();
  });

  it('changes one’s own passphrase from the header, then unlocks with the new one only', async () => {
    await byTestId('account-button').click();
    await byTestId('account-dialog').waitFor();
    await byTestId('current-passphrase').fill(PASSPHRASE); // replaced by the recovery
    await byTestId('new-passphrase').fill(CHANGED);
    await byTestId('new-passphrase-confirm').fill(CHANGED);
    await byTestId('change-passphrase-submit').click();
    await expect.poll(() => byTestId('current-passphrase-error').textContent()).toContain('The current passphrase is wrong.');
    await accessibleAtBothSizes('m09-account-wrong-current');

    await byTestId('current-passphrase').fill(RECOVERED);
    await byTestId('change-passphrase-submit').click();
    await expect.poll(() => byTestId('account-dialog').count()).toBe(0);
    expect(await s.status()).toContain('Your passphrase is changed');
    await expect.poll(focusedTestId).toBe('account-button');

    await byTestId('lock-button').click();
    await byTestId('unlock-form').waitFor();
    expect(await byTestId('member-name').inputValue()).toBe('Alice Admin');
    await byTestId('passphrase').fill(RECOVERED);
    await byTestId('unlock-button').click();
    await expect.poll(() => byTestId('form-error').textContent()).toMatch(/\S/);
    await byTestId('passphrase').fill(CHANGED);
    await byTestId('unlock-button').click();
    await expect.poll(() => byTestId('session').textContent()).toContain('Alice Admin');
    expect(app.problems).toEqual([]);
  });
});
