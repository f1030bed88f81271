// A data owner's day with what leaves the vault, in Chromium against the real core: the tricky export imported and a
// group given a legitimate-interests basis through the core; then, as a user, register a recipient, preview a CRM export
// (who is included, who is held back and why, in words), export it (the CSV downloaded, the disclosure recorded), see
// it in the disclosures log, read the Art. 30 record and save it. Every screen passes axe-core (any severity) and is
// saved as a screenshot, at 1280 wide and once at 1024×700.
import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRM_EXCLUSIONS, TRANSFER_MECHANISMS } from '../../src/shared/vocabulary.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { startApp, type App } from './harness.js';
import { PASSPHRASE } from '../support/vault.js';
import { steps } from './steps.js';

const tmp = scratch();
const clock = { now: new Date('2026-11-29T10:00:00Z') };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
let app: App;
const s = steps(() => app);
const page = () => app.page;

beforeAll(async () => {
  app = await startApp({ now: () => clock.now });
  page().setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** Click and keep what the page downloads, read as text. */
async function download(testId: string): Promise<{ name: string; text: string }> {
  const [file]: [Download, void] = await Promise.all([page().waitForEvent('download'), s.byTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** No vocabulary key is shown where a person reads (the hyphenated ones cannot pass for words): the labels are. */
async function noRawKeys(testId: string): Promise<void> {
  const text = (await s.byTestId(testId).innerText()) ?? '';
  for (const key of [...CRM_EXCLUSIONS, ...TRANSFER_MECHANISMS.filter((t) => t.includes('-'))]) {
    expect(text, `${testId} shows "${key}"`).not.toContain(key);
  }
}

describe('a data owner exports to a CRM and keeps the Art. 30 record', { timeout: 90_000 }, () => {
  it('starts with the tricky export imported (special-category hints cut) and a networking group with a legitimate-interests basis', async () => {
    // The vault's creator is always an admin: the admin records the controller and adds Olu, a data owner (and
    // importer), who then works alone.
    const path = tmp.path('owner.vault');
    await s.signIn(path, { name: 'Alice Admin' });
    await app.service.call('controller.set', { name: 'Analytical Engines Ltd', contact: '1 Difference Street, London; privacy@ae.example' });
    await app.service.call('members.add', { name: 'Olu Owner', roles: ['data-owner', 'importer'], passphrase: PASSPHRASE });
    await app.service.call('vault.lock', {});
    await app.service.call('vault.unlock', { path, name: 'Olu Owner', passphrase: PASSPHRASE });
    await page().reload();
    await expect.poll(() => s.byTestId('session').innerText()).toMatch(/Data owner, Importer/);
    expect(await s.byTestId('session').innerText()).not.toMatch(/Admin/);
    await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
    const group = await app.service.call('groups.add', { label: 'Meetup people', rule: { type: 'company', companies: ['Analytical Engines Ltd', 'IBM', 'NASA'] } });
    await app.service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  });

  it('has no recipient yet, says so, and leads to the register, where a recipient is added with its problems said inline', async () => {
    await s.open('export');
    await s.byTestId('export-no-recipient').waitFor();
    await s.accessible('export-records-01-no-recipient');
    await s.byTestId('export-register-recipient').click();
    await s.byTestId('recipient-form').waitFor();

    // Sent empty: each problem beside its field, tied to it.
    await s.byTestId('recipient-add').click();
    await expect.poll(() => s.byTestId('recipient-form').getByTestId('field-error').count()).toBeGreaterThanOrEqual(3);
    expect(await s.byTestId('recipient-name').getAttribute('aria-invalid')).toBe('true');
    const described = (await s.byTestId('recipient-name').getAttribute('aria-describedby')) ?? '';
    expect(await page().locator(`[id="${described.split(' ').at(-1)}"]`).innerText()).toMatch(/recipient’s name/);
    await s.byTestId('recipient-role').selectOption('processor');
    await s.byTestId('recipient-add').click();
    await expect.poll(() => s.byTestId('recipient-form').innerText()).toMatch(/Art\. 28 contract was signed/);
    await s.accessible('export-records-02-recipient-errors');

    await s.byTestId('recipient-name').fill('HubSpot Europe');
    await s.byTestId('recipient-contract-date').fill('2026-01-15');
    await s.byTestId('recipient-region').fill('EU (Frankfurt)');
    await s.byTestId('recipient-transfer').selectOption('adequacy');
    await s.byTestId('recipient-add').click();
    await expect.poll(() => s.byTestId('recipient-row').count()).toBe(1);
    expect(await s.byTestId('recipients-table').innerText()).toMatch(/Processor \(acts on your instructions, Art\. 28\)[\s\S]*15 Jan 2026[\s\S]*UK adequacy regulations/);
    await noRawKeys('recipients-register');
  });

  it('previews the export: how many are included and held back, and why, in words; nothing is disclosed', async () => {
    await s.open('export');
    await s.byTestId('export-form').waitFor();
    expect(await s.byTestId('export-blocked').innerText()).toMatch(/Preview first/);
    // Networking is not always marketing: the question must be answered, and says so beside it.
    await s.byTestId('export-preview-button').click();
    await expect.poll(() => s.byTestId('export-direct-marketing').innerText()).toMatch(/Say whether this export is direct marketing/);
    await s.byTestId('export-direct-marketing-no').check();
    await s.byTestId('export-preview-button').click();
    await s.byTestId('export-preview').waitFor();

    const expected = await app.service.call('export.preview', { purpose: 'networking', channels: ['email'], directMarketing: false });
    expect(expected.included).toBeGreaterThan(0);
    expect(expected.excludedTotal).toBeGreaterThan(0);
    expect(await s.byTestId('preview-included').innerText()).toMatch(new RegExp(`^${expected.included}\\s+included`));
    expect(await s.byTestId('preview-held-back').innerText()).toMatch(new RegExp(`^${expected.excludedTotal}\\s+held back`));
    expect(await s.byTestId('preview-reason').count()).toBe(Object.keys(expected.excludedByReason).length);
    expect(await s.byTestId('preview-reasons').innerText()).toMatch(/No lawful basis yet/);
    expect(await s.byTestId('preview-included-people-row').count()).toBe(expected.included);
    expect(await s.byTestId('preview-included-people').innerText()).toMatch(/Ada Lovelace\s+Analytical Engines Ltd/);
    expect(await s.byTestId('preview-held-people').innerText()).toMatch(/Grace Hopper\s+Self-employed\s+No lawful basis yet/);
    await noRawKeys('export-preview');
    expect(await app.service.call('disclosures.list', {})).toEqual([]);
    await s.accessible('export-records-03-preview');
  });

  it('exports to the recipient: the CSV is saved, and the disclosure (its id to copy), counts and notes are shown', async () => {
    // The recipient is needed, and said so beside its field.
    await s.byTestId('export-button').click();
    await expect.poll(() => s.byTestId('export-form').getByTestId('field-error').innerText()).toMatch(/Choose who receives the file/);
    await s.byTestId('export-recipient').selectOption({ label: 'HubSpot Europe' });
    const csv = await download('export-button');
    expect(csv.name).toMatch(/^crm-export-networking-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text).toMatch(/"First Name","Last Name"/);
    expect(csv.text).toMatch(/"Ada","Lovelace"/);
    expect(csv.text).not.toMatch(/Grace/);
    await s.byTestId('export-result').waitFor();
    // The disclosure is named in words; its id is there to copy (the button's tooltip), not to read.
    const disclosed = s.byTestId('export-disclosure');
    expect(await disclosed.innerText()).toMatch(/^Disclosure recorded/);
    const disclosureId = (await disclosed.getByTestId('copy-id').getAttribute('title')) ?? '';
    expect(disclosureId).toMatch(UUID);
    expect(await disclosed.getByTestId('copy-id').getAttribute('aria-label')).toBe('Copy id of the disclosure');
    await s.inWords('export-result');
    expect(await s.byTestId('export-result-summary').innerText()).toMatch(/exported to HubSpot Europe for professional networking; \d+ people held back/);
    expect(await s.status()).toMatch(/Exported .* to HubSpot Europe/);
    await s.accessible('export-records-04-exported');

    await s.open('records');
    await expect.poll(() => s.byTestId('disclosure-row').count()).toBe(1);
    expect(await s.byTestId('disclosure-row').getByTestId('copy-id').getAttribute('title')).toBe(disclosureId);
    await s.inWords('disclosures-table');
    expect(await s.byTestId('disclosures-table').innerText()).toMatch(/HubSpot Europe\s+Professional networking/);
  });

  it('shows the Art. 30 record readably, saves it as Markdown and CSV, and prints only the record', async () => {
    await s.byTestId('art30-view').waitFor();
    const view = s.byTestId('art30-view');
    expect(await view.locator('h4').first().innerText()).toMatch(/Records of processing activities/);
    expect(await view.locator('table').count()).toBeGreaterThan(0);
    expect(await view.innerText()).toMatch(/HubSpot Europe/);
    // Markdown's escapes are undone on screen, never shown.
    expect(await view.innerText()).not.toMatch(/\\\(|\\\||\\-/);
    await expect.poll(() => s.byTestId('controller-details').innerText()).toMatch(/Analytical Engines Ltd[\s\S]*1 Difference Street/);
    expect(await s.byTestId('controller-edit').count()).toBe(0);
    // No DPO was given: the card and the record say the same true thing, that none is recorded (not "designated").
    const recordDpo = (await view.locator('tr', { hasText: 'Data protection officer' }).locator('td').last().innerText()).trim();
    expect(recordDpo).toBe('No DPO recorded');
    expect((await s.byTestId('controller-dpo-shown').innerText()).trim()).toBe(recordDpo);
    // The security measures are for a DPO to read: no parameter notation or SQLite words.
    const measures = await view.locator('li', { hasText: 'scrypt' }).innerText();
    expect(measures).toMatch(/scrypt using 128 MiB of memory/);
    const recordText = await view.innerText();
    for (const jargon of [/designated/i, /N=2\^/, /secure_delete/, /\bWAL\b/, /blind index/i]) expect(recordText).not.toMatch(jargon);
    expect(recordText).toMatch(/deleted records are overwritten and the file is rewritten/);
    await s.accessible('export-records-05-records');

    const markdown = await download('art30-save-markdown');
    expect(markdown.name).toMatch(/^records-of-processing-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.text).toBe((await app.service.call('report.art30', {})).markdown);
    expect(markdown.text).toMatch(/^# Records of processing activities/);
    const csv = await download('art30-save-csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toMatch(/Meetup people/);

    // On paper: the record alone, without the navigation, the buttons or the other cards.
    await page().emulateMedia({ media: 'print' });
    expect(await page().locator('.app-nav').isVisible()).toBe(false);
    expect(await s.byTestId('art30-save-markdown').isVisible()).toBe(false);
    expect(await s.byTestId('recipients-register').isVisible()).toBe(false);
    expect(await s.byTestId('art30-view').isVisible()).toBe(true);
    await app.screenshot('export-records-06-print');
    await page().emulateMedia({ media: 'screen' });
  });

  it('fits a 1024×700 window', async () => {
    await page().setViewportSize({ width: 1024, height: 700 });
    await s.open('export');
    await s.byTestId('export-form').waitFor();
    await s.accessible('export-records-07-export-1024');
    await page().setViewportSize({ width: 1280, height: 860 });
    expect(app.problems).toEqual([]);
  });
});
