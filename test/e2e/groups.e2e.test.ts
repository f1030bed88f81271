// Groups & lawful basis in Chromium against the real core (issue 14): the screen is split (groups on the left, the
// chosen group on the right) instead of one long scroll; the lawful-basis form is a stepper whose Back and Next keep
// the values; problems show on their fields, in words, all at once; a guardrail appears live beside its step and
// blocks Save with its reason; a group is edited and moved, each previewed with who would change group. axe-core
// (no violation of any severity) and screenshots at 1280 wide and at 1024×700.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
const clock = { now: new Date('2026-11-29T10:00:00Z') };
let app: App;
const { byTestId, accessible, status, signIn, open } = steps(() => app);
/** A raw key where a person reads: a camelCase word or a dotted field path (renderer/lib/policy-errors.ts). */
const RAW_KEY = /\b[a-z]+[0-9]*[A-Z]\w*\b|\b(?:evidence|art14Notice)\.\w+|legitimate-interests|account-management/;
let work: string;
let recent: string;

beforeAll(async () => {
  app = await startApp({ now: () => clock.now });
  app.page.setDefaultTimeout(15_000);
  await signIn(tmp.path('groups.vault'), { roles: ['admin', 'data-owner', 'importer'] });
  // The tricky export with its special-category hints kept: 3 corporate addresses, 7 connected in 2019 or later.
  await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
  work = (await app.service.call('groups.add', { label: 'Work addresses', rule: { type: 'email-kind', kind: 'corporate' } })).id;
  recent = (await app.service.call('groups.add', { label: 'Since 2019', rule: { type: 'connected-year', from: 2019 } })).id;
  await open('groups');
  await byTestId('group-list').waitFor();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const page = () => app.page;
const current = () => page().locator('[data-testid="policy-steps"] [aria-current="step"]').getAttribute('data-testid');
const formText = async () => (await byTestId('policy-form').innerText()) ?? '';

/** The page's DOM, typed here by hand: the tests are compiled without the DOM library. */
interface PageElement {
  id: string;
  tagName: string;
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}
type PageDocument = { activeElement: PageElement | null; body: PageElement; querySelectorAll(selector: string): ArrayLike<PageElement & { labels: ArrayLike<PageElement> | null }>; getElementById(id: string): PageElement | null };

/** Where focus is after an action (issue 14): never the page's body. */
async function focused(): Promise<{ testId: string | null; id: string; tag: string; className: string; text: string; group: string | null }> {
  const where = await page().evaluate(() => {
    const d = (globalThis as unknown as { document: PageDocument }).document;
    const el = d.activeElement;
    if (!el || el === d.body) return null;
    return { testId: el.getAttribute('data-testid'), id: el.id, tag: el.tagName.toLowerCase(), className: el.className, text: (el.textContent ?? '').trim(), group: el.closest('[data-group-id]')?.getAttribute('data-group-id') ?? null };
  });
  expect(where, 'focus fell to the page’s body').not.toBeNull();
  return where!;
}

/** Every date picker on the page with the words beside it (label, hint, problem): none may name a format. */
async function datePickerWords(): Promise<string[]> {
  return page().evaluate(() => {
    const d = (globalThis as unknown as { document: PageDocument }).document;
    return Array.from(d.querySelectorAll('input[type="date"]')).map((input) => {
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      const words = [...Array.from(input.labels ?? []), ...described.map((id) => d.getElementById(id))].map((el) => el?.textContent ?? '');
      return words.join(' | ');
    });
  });
}
const FORMAT = /yyyy|mm\/dd|dd\/mm|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/i;

describe('Groups & lawful basis', { timeout: 60_000 }, () => {
  it('is split: the groups on the left, the chosen group on the right, not one long scroll', async () => {
    expect(await page().getByTestId('group-row').count()).toBe(2);
    await expect.poll(() => byTestId('group-detail').locator('h3').textContent()).toBe('Work addresses');
    // The screen scrolls in its own area under the header (styles.css, .app-main): its length is that area's.
    const height = Number(await page().evaluate("document.querySelector('main').scrollHeight"));
    expect(height).toBeLessThan(1800);
    await accessible('groups-01-split-1280');
  });

  it('walks the lawful-basis form as steps; Back and Next keep the values; problems show on their fields, in words, all at once', async () => {
    // Opened from the keyboard, the form replaces its button: focus lands on the form's heading, not the page's body.
    await byTestId('edit-policy').focus();
    await page().keyboard.press('Enter');
    expect(await current()).toBe('policy-step-basis');
    expect(await focused()).toMatchObject({ id: 'policy-title' });
    await byTestId('policy-purpose-description').fill('Short');
    // Leaving step 1 incomplete: its problems show when the person comes back, each on its field.
    await byTestId('policy-next').click();
    expect(await current()).toBe('policy-step-evidence');
    expect(await byTestId('policy-step-basis').textContent()).toMatch(/3 to fix/);
    await byTestId('policy-back').click();
    expect(await current()).toBe('policy-step-basis');
    expect(await byTestId('policy-purpose-description').inputValue()).toBe('Short');
    const errors = byTestId('policy-step-body-basis').getByTestId('field-error');
    expect(await errors.count()).toBe(3);
    for (const id of ['policy-basis', 'policy-purpose', 'policy-purpose-description']) {
      const field = byTestId(id);
      expect(await field.getAttribute('aria-invalid'), id).toBe('true');
      const described = (await field.getAttribute('aria-describedby')) ?? '';
      const errorId = described.split(' ').find((x) => x.endsWith('-error'));
      expect(errorId, id).toBeTruthy();
      expect(await page().locator(`[id="${errorId}"]`).textContent(), id).toMatch(/[A-Z].*\./);
    }
    expect(await formText()).not.toMatch(RAW_KEY);
    await accessible('groups-02-inline-errors');

    // Filled, the errors go; the values stay across the steps.
    await byTestId('policy-basis').selectOption('legitimate-interests');
    await byTestId('policy-purpose').selectOption('account-management');
    await byTestId('policy-purpose-description').fill('Looking after the client accounts we already manage');
    expect(await errors.count()).toBe(0);
    await byTestId('policy-next').click();
    await byTestId('evidence-purposeTest').fill('Serving clients we already work with is a legitimate business interest');
    await byTestId('policy-back').click();
    expect(await byTestId('policy-purpose-description').inputValue()).toBe('Looking after the client accounts we already manage');
    await byTestId('policy-next').click();
    expect(await byTestId('evidence-purposeTest').inputValue()).toBe('Serving clients we already work with is a legitimate business interest');
  });

  it('shows a guardrail live beside its step, and Save disabled (not primary) with its reason', async () => {
    await byTestId('evidence-necessityTest').fill('We need their work contact details to manage the accounts we hold');
    await byTestId('evidence-balancingTest').fill('Clients expect their account manager to contact them about their account');
    await byTestId('evidence-optOut').fill('Any client can ask us to stop at any time by replying');
    await byTestId('evidence-assessedAt').fill('2026-11-20');
    await byTestId('evidence-assessedBy').fill('Data protection officer');
    await byTestId('evidence-version').fill('1');
    await byTestId('evidence-signedOffBy').fill('Head of accounts');
    await byTestId('evidence-signedOffAt').fill('2026-11-21');
    // The dates are date pickers, shown in the browser's own form: no hint or problem beside them names a format.
    const evidenceDates = await datePickerWords();
    expect(evidenceDates.length).toBe(3);
    for (const words of evidenceDates) expect(words).not.toMatch(FORMAT);
    await byTestId('policy-step-special').click();
    expect(await current()).toBe('policy-step-special');
    // Nobody pressed Check: the rules ran as the form filled.
    const guardrail = byTestId('step-guardrails').getByTestId('guardrail-special-category-needs-art9');
    await guardrail.waitFor();
    expect(await guardrail.getAttribute('data-severity')).toBe('block');
    await expect.poll(() => byTestId('policy-step-special').textContent()).toMatch(/blocked/);
    await accessible('groups-03-live-guardrail-1280');

    await byTestId('policy-step-notice').click();
    await byTestId('notice-status').selectOption('sent');
    await byTestId('notice-date').fill('');
    await byTestId('policy-step-review').click();
    await byTestId('policy-step-notice').click();
    // Left empty, the date's problem asks to pick one, in words.
    await expect.poll(() => byTestId('policy-step-body-notice').getByTestId('field-error').allTextContents()).toContain('✗ Pick the date of the notice.');
    for (const words of await datePickerWords()) expect(words).not.toMatch(FORMAT);
    await byTestId('notice-date').fill('2026-11-29');
    await byTestId('notice-method').fill('Privacy notice by email');
    await byTestId('policy-step-review').click();
    const save = byTestId('save-policy');
    await expect.poll(() => byTestId('save-reason').getAttribute('data-kind')).toBe('blocked');
    expect(await save.isDisabled()).toBe(true);
    expect((await save.getAttribute('class')) ?? '').not.toMatch(/primary/);
    expect(await save.getAttribute('aria-describedby')).toBe('save-reason');
    expect(await byTestId('save-reason').textContent()).toMatch(/^Save is blocked: .*Art\. 9/);
    expect(await byTestId('policy-check-results').getByTestId('guardrail-special-category-needs-art9').count()).toBe(1);
    expect(await formText()).not.toMatch(RAW_KEY);
    await accessible('groups-04-save-blocked-1280');
    await page().setViewportSize({ width: 1024, height: 700 });
    await accessible('groups-05-save-blocked-1024x700');
    await page().setViewportSize({ width: 1280, height: 860 });

    // Answering the guardrail at its step lets Save go ahead, as the primary action.
    await byTestId('policy-step-special').click();
    await byTestId('art9-condition').selectOption('made-public-by-data-subject');
    await byTestId('art9-justification').fill('They state these roles publicly on their own LinkedIn profiles');
    await byTestId('art9-made-public-where').fill('The headline of their own public LinkedIn profile');
    await byTestId('policy-step-review').click();
    await expect.poll(async () => ((await save.isEnabled()) ? 'ready' : await byTestId('save-reason').getAttribute('data-kind')), { timeout: 10_000 }).toMatch(/ready|needs-acknowledgement/);
    if (await byTestId('acknowledge-warnings').count()) await byTestId('acknowledge-warnings').check();
    expect(await save.getAttribute('class')).toMatch(/primary/);
    await save.focus();
    await page().keyboard.press('Enter');
    await expect.poll(() => page().locator(`[data-group-id="${work}"]`).getByTestId('group-basis').textContent(), { timeout: 10_000 }).toMatch(/legitimate interests/i);
    // Saved, the form closes: focus is back on the button that opened it.
    expect(await focused()).toMatchObject({ testId: 'edit-policy', text: 'Change basis' });
  });

  it('lists every problem at once on the review step, each linked to its step', async () => {
    await page().locator(`[data-group-id="${recent}"]`).getByTestId('select-group').click();
    await byTestId('edit-policy').click();
    await byTestId('policy-basis').selectOption('consent');
    await byTestId('policy-step-review').click();
    const problems = page().getByTestId('policy-problem');
    await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(8);
    expect(await byTestId('policy-problems').innerText()).not.toMatch(RAW_KEY);
    expect(await byTestId('save-reason').getAttribute('data-kind')).toBe('incomplete');
    await page().locator('[data-testid="policy-problem"][data-field="evidence.wording"] button').click();
    expect(await current()).toBe('policy-step-evidence');
    expect(await byTestId('evidence-wording').getAttribute('aria-invalid')).toBe('true');
    await byTestId('close-policy').focus();
    await page().keyboard.press('Enter');
    expect(await byTestId('policy-form').count()).toBe(0);
    expect(await focused()).toMatchObject({ testId: 'edit-policy', text: 'Set lawful basis' });
  });

  it('moves a group up, saying first who would change group; Cancel keeps the order', async () => {
    const row = page().locator(`[data-group-id="${recent}"]`);
    await row.getByTestId('move-up').focus();
    await page().keyboard.press('Enter');
    await byTestId('regroup-dialog').waitFor();
    expect(await byTestId('regroup-moves').textContent()).toBe('2 contacts would move from “Work addresses” to “Since 2019”.');
    await accessible('groups-06-move-preview');
    await page().keyboard.press('Escape');
    expect(await page().getByTestId('group-row').first().getAttribute('data-group-id')).toBe(work);
    // Cancelled, focus is back on the arrow that asked.
    await expect.poll(focused).toMatchObject({ testId: 'move-up', group: recent });

    await page().keyboard.press('Enter');
    await byTestId('regroup-dialog').waitFor();
    await byTestId('regroup-confirm').focus();
    await page().keyboard.press('Enter');
    await expect.poll(() => page().getByTestId('group-row').first().getAttribute('data-group-id')).toBe(recent);
    expect(await status()).toMatch(/2 contacts moved from “Work addresses” to “Since 2019”/);
    // The moved row keeps the focus: first now, its up arrow is disabled, so its down arrow has it.
    await expect.poll(focused).toMatchObject({ testId: 'move-down', group: recent });
    expect(await row.getByTestId('move-up').isDisabled()).toBe(true);
  });

  it('edits a group in place: a new rule is previewed, then applied', async () => {
    await page().locator(`[data-group-id="${work}"]`).getByTestId('select-group').click();
    await byTestId('edit-group').focus();
    await page().keyboard.press('Enter');
    // The form replaces the button that opened it: focus is on its first field.
    expect(await focused()).toMatchObject({ testId: 'edit-group-label' });
    await byTestId('edit-group-label').fill('Before 2019');
    await byTestId('edit-rule-type').selectOption('connected-year');
    await byTestId('edit-rule-to-year').fill('2018');
    await accessible('groups-07-edit-group');
    await byTestId('edit-group-submit').click();
    await byTestId('regroup-dialog').waitFor();
    expect(await byTestId('regroup-moves').textContent()).toMatch(/contacts? would move from no group \(quarantined\) to “Work addresses”/);
    await byTestId('regroup-confirm').click();
    await expect.poll(() => byTestId('group-detail').locator('h3').textContent()).toBe('Before 2019');
    expect(await byTestId('group-rule').textContent()).toMatch(/2018/);
    // Applied, the form closes: focus is back on Edit the group.
    expect(await focused()).toMatchObject({ testId: 'edit-group' });
    // Cancel closes it the same way.
    await page().keyboard.press('Enter');
    await byTestId('edit-group-cancel').focus();
    await page().keyboard.press('Enter');
    expect(await focused()).toMatchObject({ testId: 'edit-group' });
  });

  it('adds a group and removes it, focus following the group and never dropped on the page', async () => {
    await byTestId('show-add-group').click();
    await byTestId('group-label').fill('Nobody yet');
    await byTestId('rule-companies').fill('No Such Company Ltd');
    await byTestId('rule-companies').press('Tab');
    await byTestId('add-group-submit').focus();
    await page().keyboard.press('Enter');
    // Added, the form gives way to the new group's detail, whose heading has the focus.
    await expect.poll(() => byTestId('group-detail').locator('h3').textContent()).toBe('Nobody yet');
    expect(await focused()).toMatchObject({ className: 'group-detail-title', text: 'Nobody yet' });

    await byTestId('remove-group').focus();
    await page().keyboard.press('Enter');
    await byTestId('confirm-dialog').waitFor();
    await page().keyboard.press('Escape');
    expect(await byTestId('confirm-dialog').count()).toBe(0);
    expect(await focused()).toMatchObject({ testId: 'remove-group' });

    await page().keyboard.press('Enter');
    await byTestId('confirm-remove-group').focus();
    await page().keyboard.press('Enter');
    await expect.poll(() => page().getByTestId('group-row').count()).toBe(2);
    // The removed group's detail is gone: focus is on the list of groups.
    await expect.poll(focused).toMatchObject({ id: 'groups-list-title' });
    expect(app.problems).toEqual([]);
  });

  it('records the group’s review, which restarts retention counted from the last review; the log says so', async () => {
    await page().locator(`[data-group-id="${work}"]`).getByTestId('select-group').click();
    const button = byTestId('review-group');
    await expect.poll(() => button.textContent()).toMatch(/^Mark \d+ contacts? reviewed$/);
    const before = (await app.service.call('audit.entries', { action: 'contact-review', limit: 10 })).total;
    await button.focus();
    await page().keyboard.press('Enter');
    await expect.poll(() => status()).toMatch(/^✓ Marked \d+ contacts? of “[^”]+” reviewed on 29 November 2026\.$/);
    expect((await app.service.call('audit.entries', { action: 'contact-review', limit: 10 })).total).toBe(before + 1);
    // The button stays where it was, and keeps the focus.
    expect(await page().evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid'))).toBe('review-group');
    await accessible('groups-review-1280');
  });
});
