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

/** The page's DOM, typed here by hand: the tests are compiled without the DOM library. */
interface PageElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}
type PageDocument = {
  activeElement: PageElement | null;
  body: PageElement;
  querySelectorAll(selector: string): ArrayLike<PageElement & { labels: ArrayLike<PageElement> | null }>;
  getElementById(id: string): PageElement | null;
};

/** Where focus is after an action (issue 14): never the page's body. */
async function focused(): Promise<{ testId: string | null; id: string; row: string | null; person: string | null }> {
  const where = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: PageDocument }).document;
    const el = d.activeElement;
    if (!el || el === d.body) return null;
    return { testId: el.getAttribute('data-testid'), id: el.id, row: el.closest('[data-group]')?.getAttribute('data-group') ?? null, person: el.closest('[data-name]')?.getAttribute('data-name') ?? null };
  });
  expect(where, 'focus fell to the page’s body').not.toBeNull();
  return where!;
}

/** Press a control from the keyboard: focus it, then Enter. */
async function press(id: string): Promise<void> {
  await byTestId(id).focus();
  await page.keyboard.press('Enter');
}

/** Every date picker on the page with the words beside it (label, hint, problem). */
async function datePickerWords(): Promise<string[]> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: PageDocument }).document;
    return Array.from(d.querySelectorAll('input[type="date"]')).map((input) => {
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return [...Array.from(input.labels ?? []), ...described.map((id) => d.getElementById(id))].map((el) => el?.textContent ?? '').join(' | ');
    });
  });
}
/** A date format, or a day written in figures: what a date picker (shown in the browser's own form) must not be told. */
const FORMAT = /yyyy|mm\/dd|dd\/mm|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/i;

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
    // The day is a date picker: its problem asks to pick one, and nothing beside any date picker names a format.
    expect(await byTestId('sent-on-error').textContent()).toBe('✗ Pick the day the notice was sent.');
    const dates = await datePickerWords();
    expect(dates.length).toBeGreaterThanOrEqual(3);
    for (const words of dates) expect(words).not.toMatch(FORMAT);
    await s.accessible('notices-04-form-errors');

    await byTestId('sent-on').fill('2026-12-05');
    await byTestId('sent-channel').selectOption('email');
    await byTestId('sent-version').fill('v1');
    await press('mark-sent');
    await expect.poll(s.status).toMatch(/Notice recorded as sent for 3 people/);
    // The button was disabled while the core worked: focus is back on it, not on the page's body.
    await expect.poll(focused).toMatchObject({ testId: 'mark-sent' });
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
    await press('record-exemption');
    await expect.poll(s.status).toMatch(/Exemption recorded for 8 people/);
    await expect.poll(focused).toMatchObject({ testId: 'record-exemption' });
    await expect.poll(() => countOf('No email', 'exempt')).toBe('8');
    expect(await countOf('No email', 'due')).toBe('0');
    await expect.poll(() => page.locator('[data-testid="notice-person-row"][data-status="exempt"]').count()).toBe(8);
    expect(await page.getByTestId('notice-person-when').first().textContent()).toMatch(/Exempt since 6 December 2026: .*disproportionate effort/);
    await s.accessible('notices-05-exemption');
    // Closing the group's people gives focus back to the button that showed them.
    await press('notice-group-close');
    expect(await byTestId('notice-group').count()).toBe(0);
    expect(await focused()).toMatchObject({ testId: 'notice-show-people', row: 'No email' });
  });

  it('records a TPS screening and sees it listed, with the day a phone export may rely on it', async () => {
    expect(await byTestId('tps-covered').textContent()).toMatch(/No TPS screening is recorded/);
    await byTestId('tps-on').fill('2026-12-08');
    await byTestId('tps-list').selectOption('both');
    await byTestId('tps-version').fill('December 2026 edition');
    await byTestId('tps-provider').fill('Acme Screening');
    await press('tps-record');
    await expect.poll(() => page.getByTestId('tps-row').count()).toBe(1);
    await expect.poll(focused).toMatchObject({ testId: 'tps-record' });
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
    await press('confirm-type');
    await expect.poll(s.status).toMatch(/Confirmed: corporate subscriber, for 1 contact/);
    await expect.poll(focused).toMatchObject({ testId: 'confirm-type' });
    await expect.poll(() => ada.getByTestId('subscriber-confirmed').textContent()).toMatch(/A company \(corporate subscriber\), confirmed for this person/);
    expect(await ada.getByTestId('subscriber-treated').textContent()).toBe('Corporate subscriber');

    await byTestId('soft-channel-email').check();
    await byTestId('soft-obtained').fill('2026-11-15');
    await byTestId('soft-context').selectOption('sale');
    await byTestId('soft-products').fill('Our payroll service, bought in November');
    await byTestId('soft-refusal').fill('A tick box to refuse marketing on the order form');
    for (const words of await datePickerWords()) expect(words).not.toMatch(FORMAT);
    await press('soft-opt-in-add');
    await expect.poll(() => ada.getByTestId('subscriber-soft-opt-in').textContent()).toBe('Email');
    await expect.poll(focused).toMatchObject({ testId: 'soft-opt-in-add' });
    await s.accessible('notices-06-subscribers');
    // Closing the person's forms gives focus back to their Choose button.
    await press('subscriber-close');
    expect(await byTestId('subscriber-forms').count()).toBe(0);
    expect(await focused()).toMatchObject({ testId: 'subscriber-choose', person: 'Ada Lovelace' });
  });

  it('fits a 1024×700 window', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await groupRow('Work addresses').getByTestId('notice-show-people').click();
    await expect.poll(() => page.getByTestId('notice-person-row').count()).toBe(3);
    await s.accessible('notices-07-1024x700');
    // Nothing on the screen is wider than the window.
    const fits = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelector(s: string): { scrollWidth: number; clientWidth: number } }; innerWidth: number };
      const main = g.document.querySelector('main');
      return g.document.documentElement.scrollWidth <= g.innerWidth && main.scrollWidth <= main.clientWidth;
    });
    expect(fits).toBe(true);
    expect(app.problems).toEqual([]);
  });
});
