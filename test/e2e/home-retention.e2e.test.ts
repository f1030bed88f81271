// Home and Retention in Chromium against the real core, on a clock the test moves: a new vault's calm home and a due
// chart that says in words that nothing is due; then an admin's home lists what falls due, the quarantine and the
// notices in words and dates and links to Retention; a retention policy is removed after a confirmation; after a run,
// home names the last run, and its certificate is read as text, saved as text and printed alone. Each state is
// checked with axe-core (no violation of any severity) and saved as a screenshot, at 1280 wide and at 1024×700.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
const clock = { now: new Date('2026-12-01T09:00:00Z') };
let app: App;
const s = steps(() => app);

beforeAll(async () => {
  app = await startApp({ now: () => clock.now });
  app.page.setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** Axe and a screenshot at 1280 wide, then at 1024×700. */
async function bothSizes(name: string): Promise<void> {
  await s.accessible(`${name}-1280`);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await s.accessible(`${name}-1024x700`);
  await app.page.setViewportSize({ width: 1280, height: 860 });
}

const text = async (id: string) => (await s.byTestId(id).textContent()) ?? '';

/** The page's DOM, typed here by hand: the tests are compiled without the DOM library. */
interface PageElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** Where focus is after an action (issue 14): never the page's body. */
async function focused(): Promise<{ testId: string | null; id: string; text: string; label: string | null }> {
  const where = await app.page.evaluate(() => {
    const d = (globalThis as unknown as { document: { activeElement: PageElement | null; body: PageElement } }).document;
    const el = d.activeElement;
    if (!el || el === d.body) return null;
    return { testId: el.getAttribute('data-testid'), id: el.id, text: (el.textContent ?? '').trim(), label: el.getAttribute('aria-label') };
  });
  expect(where, 'focus fell to the page’s body').not.toBeNull();
  return where!;
}

/** The relative luminance (WCAG) of a computed `rgb(r, g, b)` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Computed styles of the first element matching `selector`. */
async function styleOf(selector: string): Promise<{ background: string; border: string; shadow: string }> {
  return app.page.evaluate((sel) => {
    const g = globalThis as unknown as { document: { querySelector(s: string): unknown }; getComputedStyle(e: unknown): Record<string, string> };
    const st = g.getComputedStyle(g.document.querySelector(sel));
    return { background: st.backgroundColor!, border: st.borderTopColor!, shadow: st.boxShadow! };
  }, selector);
}

/** Press a control from the keyboard: focus it, then Enter. */
async function press(id: string): Promise<void> {
  await s.byTestId(id).focus();
  await app.page.keyboard.press('Enter');
}

describe('Home and Retention', { timeout: 90_000 }, () => {
  it('says calmly that nothing needs attention in a new vault, and that nothing is due', async () => {
    await s.signIn(tmp.path('home.vault'));
    await s.byTestId('attention-empty').waitFor();
    expect(await text('attention-empty')).toBe('Nothing needs your attention.');
    expect(await text('last-run-text')).toBe('No destruction has run yet.');
    await bothSizes('home-01-empty');
    await s.open('retention');
    await s.byTestId('due-empty').waitFor();
    expect(await s.byTestId('due-chart').count()).toBe(0);
    expect(await text('due-empty')).toMatch(/^Nothing is due for destruction now or in the next 12 months\./);
    // The quarantine field shows the period in force, not a placeholder.
    expect(await s.byTestId('quarantine-days').inputValue()).toBe('30');
    expect(await s.byTestId('default-retention-months').inputValue()).toBe('24');
    await bothSizes('retention-01-empty');
    // Saving disables the button while the core works: focus comes back to it, not to the page's body.
    await press('quarantine-save');
    await expect.poll(s.status).toMatch(/Quarantine set to 30 days/);
    expect(await focused()).toMatchObject({ testId: 'quarantine-save' });
    await press('default-retention-save');
    await expect.poll(s.status).toMatch(/Default retention set to 24 months/);
    expect(await focused()).toMatchObject({ testId: 'default-retention-save' });
  });

  it('lists what falls due, the quarantine and the notices in words and dates, and links to Retention', async () => {
    const svc = app.service;
    await svc.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    const group = await svc.call('groups.add', { label: 'Computing pioneers', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
    await svc.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
    await svc.call('retention.set', { policy: { scope: { type: 'group', groupId: group.id }, months: 36, anchor: 'imported', rationale: 'Three years covers our meetup series' }, confirm: true });
    const summary = await svc.call('home.summary', {});
    const quarantined = summary.quarantine!.contacts;
    expect(quarantined).toBeGreaterThan(0);

    clock.now = new Date('2026-12-10T09:00:00Z');
    await s.open('home');
    await s.byTestId('attention-list').waitFor();
    // Quarantine ends 30 days after the import: 31 December 2026.
    expect(await text('attention-due-soon')).toMatch(new RegExp(`^Soon${quarantined} contacts are due for destruction on 31 December 2026\\.Open Retention$`));
    expect(await text('attention-quarantine')).toMatch(/in quarantine: in no group with a lawful basis, so destroyed 30 days after import\. The next \d+ go on 31 December 2026/);
    expect(await text('attention-notices-due')).toMatch(/people still need their Art\. 14 privacy notice, the first by 1 January 2027\./);
    // The quarantine's end is the destruction due then: the quarantine item says so rather than announce it again.
    expect(await text('attention-quarantine')).toMatch(/The next \d+ go on 31 December 2026 \(among those due then, above\)\./);
    // Every item links to where it is acted on.
    const items = await s.byTestId('attention-list').locator('li').count();
    expect(await s.byTestId('attention-list').locator('li button.link-button').count()).toBe(items);
    await bothSizes('home-02-attention');
    await s.byTestId('attention-due-soon-link').click();
    await s.byTestId('due-schedule').waitFor();
    expect(await s.byTestId('nav-retention').getAttribute('aria-current')).toBe('page');
    // The chart's axis is round and its figures are in a table too.
    await s.byTestId('due-chart').waitFor();
    expect(await s.byTestId('due-chart-table').locator('tbody tr').first().textContent()).toBe('Overdue now0');
  });

  it('removes a retention policy only after a confirmation', async () => {
    await s.byTestId('retention-policy-row').waitFor();
    expect(await s.byTestId('retention-policy-row').count()).toBe(1);
    await s.byTestId('retention-remove').click();
    await s.byTestId('confirm-dialog').waitFor();
    expect(await s.byTestId('confirm-dialog').textContent()).toMatch(/Remove this retention policy\?.*Group: Computing pioneers: 36 months/);
    await bothSizes('retention-02-remove-confirm');
    // In the dark theme the dialog is raised above the page, not sunk below it: a lighter surface than the cards and
    // the page, with a visible edge and a shadow; axe still finds no contrast problem.
    await app.page.emulateMedia({ colorScheme: 'dark' });
    const dialog = await styleOf('dialog.dialog');
    const card = await styleOf('.card');
    const page = await styleOf('body');
    expect(luminance(dialog.background), `dialog ${dialog.background} over card ${card.background}`).toBeGreaterThan(luminance(card.background));
    expect(luminance(dialog.background)).toBeGreaterThan(luminance(page.background === 'rgba(0, 0, 0, 0)' ? (await styleOf('html')).background : page.background));
    expect(luminance(dialog.border)).toBeGreaterThan(luminance(dialog.background) * 1.5);
    expect(dialog.shadow).not.toBe('none');
    await s.accessible('retention-02-remove-confirm-dark');
    await app.page.emulateMedia({ colorScheme: null });
    // Cancel (Escape) keeps it, and gives focus back to the button that asked.
    await app.page.keyboard.press('Escape');
    expect(await s.byTestId('retention-policy-row').count()).toBe(1);
    expect(await focused()).toMatchObject({ testId: 'retention-remove' });
    await app.page.keyboard.press('Enter');
    await press('retention-remove-confirm');
    await expect.poll(s.status).toMatch(/Retention policy removed \(Group: Computing pioneers\)/);
    await expect.poll(() => s.byTestId('retention-policy-row').count()).toBe(0);
    // Its row is gone with its button: focus is on the list's heading.
    expect(await focused()).toMatchObject({ id: 'policies-title', text: 'Retention policies' });
    expect((await app.service.call('retention.list', {})).policies).toEqual([]);
  });

  it('places and lifts a legal hold, focus staying with the holds', async () => {
    await s.byTestId('hold-group').selectOption({ label: 'Computing pioneers' });
    await s.byTestId('hold-reason').fill('A claim from a former client');
    await press('place-hold');
    await expect.poll(() => s.byTestId('hold-row').count()).toBe(1);
    await expect.poll(focused).toMatchObject({ testId: 'place-hold' });
    await press('lift-hold');
    await s.byTestId('confirm-dialog').waitFor();
    await press('lift-hold-confirm');
    await expect.poll(() => s.byTestId('hold-row').count()).toBe(0);
    // The lifted hold's row is gone with its button: focus is on the holds' heading.
    expect(await focused()).toMatchObject({ id: 'holds-title', text: 'Legal holds' });
  });

  it('holds one contact by the id copied from the bottom of its details', async () => {
    await s.open('contacts');
    await s.byTestId('contact-row').first().click();
    await s.byTestId('contact-detail').waitFor();
    // The id is not read but copied: a button, reached by keyboard, named for what it copies, the id its tooltip.
    const copy = s.byTestId('detail-id').getByTestId('copy-id');
    expect(await copy.getAttribute('aria-label')).toBe('Copy id of the contact');
    const contactId = (await copy.getAttribute('title')) ?? '';
    expect(contactId).toMatch(/^[0-9a-f-]{36}$/);
    await copy.focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(s.status).toMatch(/Copied the contact id\.|The clipboard is not available here/);
    await s.inWords('contact-detail');
    await s.accessible('retention-03-contact-id');
    await s.byTestId('close-detail').click();

    await s.open('retention');
    await s.byTestId('hold-target').selectOption('contact');
    expect(await s.byTestId('hold-form').innerText()).toMatch(/Copy it with “Copy id” at the bottom of the contact’s details/);
    await s.byTestId('hold-contact').fill(contactId);
    await s.byTestId('hold-reason').fill('A claim about this one person');
    await press('place-hold');
    await expect.poll(() => s.byTestId('hold-row').count()).toBe(1);
    expect(await s.byTestId('hold-row').locator('th').innerText()).toMatch(/^One contact/);
    expect(await s.byTestId('hold-row').getByTestId('copy-id').getAttribute('title')).toBe(contactId);
    await s.inWords('holds-table');
    await press('lift-hold');
    await press('lift-hold-confirm');
    await expect.poll(() => s.byTestId('hold-row').count()).toBe(0);
  });

  it('says the contacts past their quarantine once on the home screen, with a link', async () => {
    clock.now = new Date('2027-01-05T09:00:00Z');
    const summary = await app.service.call('home.summary', {});
    // They are the same people: every contact due now is past the quarantine.
    expect(summary.destruction!.overdue).toBeGreaterThan(0);
    expect(summary.quarantine!.overdue).toBe(summary.destruction!.overdue);
    await s.open('home');
    await s.byTestId('attention-list').waitFor();
    expect(await text('attention-overdue')).toBe(
      `Now${summary.destruction!.overdue} contacts are past the 30-day quarantine (in no group with a lawful basis) and will be destroyed at the next run.Open Retention`,
    );
    expect(await s.byTestId('attention-quarantine').count()).toBe(summary.quarantine!.contacts > summary.quarantine!.overdue ? 1 : 0);
    const items = await s.byTestId('attention-list').locator('li').count();
    expect(await s.byTestId('attention-list').locator('li button.link-button').count()).toBe(items);
    await s.inWords('attention');
  });

  it('asks to destroy a number of contacts from named groups, counted as the dialog opens', async () => {
    await s.byTestId('attention-overdue-link').click();
    await s.byTestId('run-now').click();
    await s.byTestId('confirm-dialog').waitFor();
    const dry = await app.service.call('destruction.dryRun', {});
    await expect.poll(() => s.byTestId('confirm-dialog').locator('h2').innerText()).toBe(`Destroy the ${dry.destroyed} contacts due now (all with no group)?`);
    expect(await s.byTestId('confirm-run').isDisabled()).toBe(false);
    await bothSizes('retention-03-run-confirm');
    // Cancelled: nothing is destroyed, and focus is back on Run now.
    await app.page.keyboard.press('Escape');
    expect(await s.byTestId('confirm-dialog').count()).toBe(0);
    expect(await focused()).toMatchObject({ testId: 'run-now' });
    expect((await app.service.call('destruction.dryRun', {})).destroyed).toBe(dry.destroyed);
  });

  it('names the last run on the home screen, and reads, saves and prints its certificate', async () => {
    const run = await app.service.call('destruction.run', {});
    expect(run.destroyed).toBeGreaterThan(0);
    await s.open('home');
    await expect.poll(() => text('last-run-text')).toBe(`The last destruction run was on 5 January 2027 at 09:00 UTC, by you: ${run.destroyed} contacts destroyed.`);
    // Its certificate in words, the id to copy from the button beside.
    expect(await s.inWords('last-run')).toMatch(/Certificate of the run on 5 Jan 2027/);
    expect(await s.byTestId('last-run').getByTestId('copy-id').getAttribute('title')).toBe(run.certificate!.id);
    await bothSizes('home-03-last-run');
    await s.byTestId('last-run-link').click();
    // A dry run disables its button while it runs: focus comes back to it.
    await press('dry-run');
    await s.byTestId('destruction-result').waitFor();
    await expect.poll(focused).toMatchObject({ testId: 'dry-run' });

    await press('certificate-show');
    await s.byTestId('certificate-view').waitFor();
    // The certificate asked for has the focus: its heading.
    expect(await focused()).toMatchObject({ id: 'certificate-view-title' });
    const certificate = await text('certificate-text');
    expect(certificate).toMatch(/^CERTIFICATE OF SCHEDULED DESTRUCTION/);
    expect(certificate).toContain(`Certificate   ${run.certificate!.id}`);
    // The counts per group, one a line: the group, a colon, the count in words.
    expect(await s.byTestId('certificate-group').allInnerTexts()).toEqual([`No group (quarantined): ${run.destroyed} contacts`]);
    await bothSizes('retention-03-certificate');

    const [download] = await Promise.all([app.page.waitForEvent('download'), s.byTestId('certificate-save-text').click()]);
    expect(download.suggestedFilename()).toBe(`certificate-${run.certificate!.id}.txt`);
    expect(readFileSync(await download.path(), 'utf8')).toBe(certificate);
    const [json] = await Promise.all([app.page.waitForEvent('download'), s.byTestId('certificate-save-json').click()]);
    expect(JSON.parse(readFileSync(await json.path(), 'utf8'))).toEqual(run.certificate);

    // Print asks the browser to print; the print style sheet shows the certificate alone.
    await app.page.evaluate(() => {
      const w = globalThis as unknown as { print: () => void; printed?: number };
      w.printed = 0;
      w.print = () => {
        w.printed = (w.printed ?? 0) + 1;
      };
    });
    await s.byTestId('certificate-print').click();
    expect(await app.page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
    await app.page.emulateMedia({ media: 'print' });
    expect(await s.byTestId('certificate-text').isVisible()).toBe(true);
    for (const hidden of ['nav-home', 'due-schedule', 'certificate-print', 'certificates-list']) expect(await s.byTestId(hidden).first().isVisible(), hidden).toBe(false);
    await app.screenshot('retention-04-certificate-print');
    await app.page.emulateMedia({ media: 'screen' });
    await press('certificate-close');
    expect(await s.byTestId('certificate-view').count()).toBe(0);
    // Closed, focus is back on the View button that opened it.
    await expect.poll(focused).toMatchObject({ testId: 'certificate-show', label: expect.stringMatching(/^View the certificate issued /) });
    expect(app.problems).toEqual([]);
  });
});
