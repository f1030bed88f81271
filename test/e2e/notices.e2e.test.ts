// Notices & PECR in Chromium against the real core, a data owner's day: the tricky export imported, a group with a
// lawful basis and one without; the data owner sees the notices due per group and per person, views, saves and prints
// the privacy notice, records it sent and sees the counts change, records an Art. 14(5) exemption for the other group,
// records a TPS screening and sees it listed, and confirms a subscriber type. Each state is checked with axe-core (no
// violation of any severity) and saved as a screenshot, at 1280 wide and once at 1024×700.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE } from '../support/vault.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
const clock = { now: new Date('2026-12-01T10:00:00Z') };
let app: App;
let page: Page;
const s = steps(() => app);
const byTestId = (id: string) => page.getByTestId(id);

beforeAll(async () => {
  app = await startApp({ now: () => clock.now });
  page = app.page;
  page.setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** A group's row in the summary table, and one of its counts. */
const groupRow = (label: string) => page.locator(`[data-testid="notice-group-row"][data-group="${label}"]`);
const countOf = (label: string, status: string) => groupRow(label).getByTestId(`notice-count-${status}`).textContent();

describe('Notices & PECR: a data owner’s day', { timeout: 60_000 }, () => {
  it('shows a data owner the notices due per group, in words', async () => {
    // Set up by the core what this test is not about: the controller, the import, two groups, one basis.
    await s.signIn(tmp.path('notices.vault'));
    await app.service.call('controller.set', { name: 'Analytical Engines Ltd', contact: 'privacy@analytical-engines.example, 1 Babbage Street, London' });
    await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category', 'phone-number', 'email-address'] } });
    const work = await app.service.call('groups.add', { label: 'Work addresses', rule: { type: 'email-kind', kind: 'corporate' }, confirm: true });
    await app.service.call('groups.add', { label: 'No email', rule: { type: 'email-kind', kind: 'none' }, confirm: true });
    await app.service.call('policy.assign', { groupId: work.id, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
    // The day belongs to a data owner who is nothing else.
    await app.service.call('members.add', { name: 'Dana Owner', roles: ['data-owner'], passphrase: PASSPHRASE });
    await app.service.call('vault.lock', {});
    await app.service.call('vault.unlock', { path: tmp.path('notices.vault'), name: 'Dana Owner', passphrase: PASSPHRASE });
    clock.now = new Date('2026-12-10T10:00:00Z');
    await page.reload();
    await byTestId('session').waitFor();

    await s.open('notices');
    await byTestId('notice-summary').waitFor();
    await expect.poll(() => countOf('Work addresses', 'due')).toBe('3');
    expect(await countOf('Work addresses', 'sent')).toBe('0');
    expect(await countOf('No email', 'due')).toBe('8');
    expect(await groupRow('Quarantine (no group)').textContent()).toMatch(/Next due by 1 January 2027/);
    expect(await groupRow('Work addresses').textContent()).toMatch(/Next due by 1 January 2027/);

    await groupRow('Work addresses').getByTestId('notice-show-people').click();
    await expect.poll(() => page.getByTestId('notice-person-row').count()).toBe(3);
    const rows = await page.getByTestId('notice-person-row').allTextContents();
    expect(rows.join('\n')).toMatch(/Ada Lovelace/);
    expect(rows.every((r) => /Due by 1 January 2027/.test(r))).toBe(true);
    // Nothing carried over: the button says why it cannot act.
    expect(await byTestId('confirm-notices').getAttribute('aria-disabled')).toBe('true');
    expect(await byTestId('confirm-carried').textContent()).toMatch(/Nothing to confirm/);
    await s.accessible('notices-01-group-people');
  });

  it('views the group’s privacy notice, saves it as Markdown and prints the notice alone', async () => {
    await byTestId('show-notice').click();
    await expect.poll(() => byTestId('notice-text').textContent()).toMatch(/Analytical Engines Ltd/);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('save-notice-markdown').click()]);
    expect(download.suggestedFilename()).toBe('privacy-notice-work-addresses.md');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toMatch(/^#/m);
    expect(saved).toMatch(/Analytical Engines Ltd/);

    // Print calls the browser's print; the print style sheet leaves the navigation and the controls out.
    await page.evaluate(() => {
      const w = globalThis as unknown as { print(): void; printed?: number };
      w.printed = 0;
      w.print = () => {
        w.printed = (w.printed ?? 0) + 1;
      };
    });
    await byTestId('print-notice').click();
    expect(await page.evaluate(() => (globalThis as unknown as { printed?: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Screens' }).isVisible()).toBe(false);
    expect(await byTestId('notice-summary').isVisible()).toBe(false);
    expect(await byTestId('print-notice').isVisible()).toBe(false);
    expect(await byTestId('notice-text').isVisible()).toBe(true);
    // The notice takes the page's width: the navigation's column is gone too.
    expect((await byTestId('notice-text').boundingBox())?.width ?? 0).toBeGreaterThan(1000);
    await app.screenshot('notices-02-print');
    await page.emulateMedia({ media: 'screen' });
    await s.accessible('notices-03-notice-text');
  });

  it('records the notice sent for the group, and the counts change', async () => {
    // A form sent empty says what each field needs, beside it.
    await byTestId('sent-on').fill('');
    await byTestId('mark-sent').click();
    await expect.poll(() => byTestId('sent-channel-error').textContent()).toMatch(/Choose how the notice was sent/);
    expect(await byTestId('sent-version-error').textContent()).toMatch(/version/);
    expect(await byTestId('sent-version').getAttribute('aria-describedby')).toBeTruthy();
    await s.accessible('notices-04-form-errors');

    await byTestId('sent-on').fill('2026-12-05');
    await byTestId('sent-channel').selectOption('email');
    await byTestId('sent-version').fill('v1');
    await byTestId('mark-sent').click();
    await expect.poll(s.status).toMatch(/Notice recorded as sent for 3 people/);
    await expect.poll(() => countOf('Work addresses', 'sent')).toBe('3');
    expect(await countOf('Work addresses', 'due')).toBe('0');
    expect(await groupRow('Work addresses').textContent()).toMatch(/Nobody waiting to be told/);
    await expect.poll(async () => (await page.getByTestId('notice-person-when').allTextContents()).join('|')).toMatch(/^(Told on 5 December 2026 by email \(version v1\)\|?){3}$/);
  });

  it('records an Art. 14(5) exemption for another group, with the DPIA that disproportionate effort needs', async () => {
    await groupRow('No email').getByTestId('notice-show-people').click();
    await expect.poll(() => page.getByTestId('notice-person-row').count()).toBe(8);
    expect(await byTestId('notice-text-unavailable').textContent()).toMatch(/no lawful basis/);
    await byTestId('exempt-ground').selectOption('disproportionate-effort');
    await byTestId('exempt-on').fill('2026-12-06');
    await byTestId('exempt-reason').fill('We hold no address for these people: LinkedIn gave us names and profiles only.');
    await byTestId('record-exemption').click();
    await expect.poll(() => byTestId('exempt-dpia-error').textContent()).toMatch(/DPIA/);
    await byTestId('exempt-dpia').fill('DPIA-2026-07');
    await byTestId('exempt-published').fill('https://analytical-engines.example/privacy');
    await byTestId('record-exemption').click();
    await expect.poll(s.status).toMatch(/Exemption recorded for 8 people/);
    await expect.poll(() => countOf('No email', 'exempt')).toBe('8');
    expect(await countOf('No email', 'due')).toBe('0');
    await expect.poll(() => page.locator('[data-testid="notice-person-row"][data-status="exempt"]').count()).toBe(8);
    expect(await page.getByTestId('notice-person-when').first().textContent()).toMatch(/Exempt since 6 December 2026: .*disproportionate effort/);
    await s.accessible('notices-05-exemption');
  });

  it('records a TPS screening and sees it listed, with the day a phone export may rely on it', async () => {
    expect(await byTestId('tps-covered').textContent()).toMatch(/No TPS screening is recorded/);
    await byTestId('tps-on').fill('2026-12-08');
    await byTestId('tps-list').selectOption('both');
    await byTestId('tps-version').fill('December 2026 edition');
    await byTestId('tps-provider').fill('Acme Screening');
    await byTestId('tps-record').click();
    await expect.poll(() => page.getByTestId('tps-row').count()).toBe(1);
    const row = (await byTestId('tps-row').textContent()) ?? '';
    expect(row).toMatch(/8 December 2026/);
    expect(row).toMatch(/Both TPS and CTPS/);
    expect(row).toMatch(/December 2026 edition/);
    expect(await byTestId('tps-covered').textContent()).toMatch(/TPS screening up to \d+ January 2027/);
  });

  it('confirms a subscriber type, and records a soft opt-in', async () => {
    const ada = page.locator('[data-testid="subscriber-row"][data-name="Ada Lovelace"]');
    await expect.poll(() => ada.textContent()).toMatch(/Likely corporate/);
    expect(await ada.getByTestId('subscriber-confirmed').textContent()).toBe('Not confirmed');
    await ada.getByTestId('subscriber-choose').click();
    await byTestId('confirm-type').click();
    await expect.poll(() => byTestId('confirm-entity-error').textContent()).toMatch(/Choose what this subscriber is/);
    await byTestId('confirm-entity').selectOption('company');
    await byTestId('confirm-number').fill('01234567');
    await byTestId('confirm-type').click();
    await expect.poll(s.status).toMatch(/Confirmed: corporate subscriber, for 1 contact/);
    await expect.poll(() => ada.getByTestId('subscriber-confirmed').textContent()).toMatch(/A company \(corporate subscriber\), confirmed for this person/);
    expect(await ada.getByTestId('subscriber-treated').textContent()).toBe('Corporate subscriber');

    await byTestId('soft-channel-email').check();
    await byTestId('soft-obtained').fill('2026-11-15');
    await byTestId('soft-context').selectOption('sale');
    await byTestId('soft-products').fill('Our payroll service, bought in November');
    await byTestId('soft-refusal').fill('A tick box to refuse marketing on the order form');
    await byTestId('soft-opt-in-add').click();
    await expect.poll(() => ada.getByTestId('subscriber-soft-opt-in').textContent()).toBe('Email');
    await s.accessible('notices-06-subscribers');
  });

  it('fits a 1024×700 window', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await groupRow('Work addresses').getByTestId('notice-show-people').click();
    await expect.poll(() => page.getByTestId('notice-person-row').count()).toBe(3);
    await s.accessible('notices-07-1024x700');
    // Nothing on the screen is wider than the window.
    const fits = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return g.document.documentElement.scrollWidth <= g.innerWidth;
    });
    expect(fits).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
