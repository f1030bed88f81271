// The desktop app's screens in Chromium (see browser.ts) against the real core: create a vault, drop the tricky
// export and the archive ZIP, see each finding, commit, assign a lawful basis with an LIA and see a guardrail fire,
// erase a contact, page through 30,000 contacts (never sent more than one page of them), cancel then confirm a
// shorter quarantine that makes contacts due, dry-run and run destruction with a moved clock, verify the audit log.
// Each screen is checked with axe-core and saved as a screenshot under test-results/e2e/. Last, the CSP is shown
// enforced in this browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
import { PASSPHRASE } from '../support/vault.js';
import { startApp, type App } from './harness.js';

const AXE = readFileSync(join(createRequire(import.meta.url).resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
const tmp = scratch();
const clock = { now: new Date('2026-11-29T10:00:00Z') };
let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp({ now: () => clock.now });
  page = app.page;
  // Fail on the step that is stuck, well before the test's own timeout.
  page.setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const byTestId = (id: string) => page.getByTestId(id);
/** The rows the Contacts screen asks for at a time (renderer/screens/contacts-screen.tsx). */
const PAGE = 100;

/** axe-core in the page (evaluated over CDP, which the CSP does not govern): no serious or critical violations. */
async function accessible(screen: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  })) as { id: string; impact: string; nodes: number }[];
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), screen).toEqual([]);
  await app.screenshot(screen);
}

/** Search the contacts and wait until the page shown is the core's answer to it (the search waits for typing to pause). */
async function searchContacts(text: string): Promise<void> {
  await byTestId('contacts-search').fill(text);
  await expect.poll(() => byTestId('contacts-results').getAttribute('aria-busy')).toBe('false');
}

async function status(): Promise<string> {
  return (await byTestId('status').textContent()) ?? '';
}

describe('the desktop app in a browser, against the real core', { timeout: 60_000 }, () => {
  it('creates a vault and shows the recovery key once', async () => {
    await byTestId('mode-create').click();
    await byTestId('vault-path').fill(tmp.path('team.vault'));
    await byTestId('member-name').fill('Alice Admin');
    await byTestId('passphrase').fill(PASSPHRASE);
    await byTestId('passphrase-confirm').fill(PASSPHRASE);
    await accessible('01-create-vault');
    await byTestId('create-button').click();
    await expect.poll(() => byTestId('recovery-key').textContent(), { timeout: 20_000 }).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    await accessible('02-recovery-key');
    await byTestId('recovery-confirm').check();
    await byTestId('recovery-continue').click();
    await expect.poll(() => byTestId('session').textContent()).toMatch(/Alice Admin|admin/i);
  });

  it('previews the tricky export: each finding, grouped by kind, down to its line', async () => {
    await byTestId('nav-import').click();
    await byTestId('import-path').fill(fixture('connections-tricky.csv'));
    await byTestId('preview-button').click();
    await byTestId('findings').waitFor();
    for (const [kind, count] of [['special-category', 4], ['phone-number', 1], ['formula', 1], ['email-address', 1], ['personal-mailbox', 2], ['duplicate', 1], ['empty-record', 1]] as const) {
      await expect.poll(() => byTestId(`finding-kind-${kind}`).getAttribute('data-count'), { message: kind }).toBe(String(count));
    }
    await byTestId('finding-toggle-phone-number').click();
    await expect.poll(() => page.locator('[data-testid="finding-row"][data-line="8"]').count()).toBe(1);
    await page.locator('[data-testid="finding-row"][data-line="8"] button').click();
    await expect.poll(() => byTestId('finding-selected').textContent()).toMatch(/8/);
    await expect.poll(() => byTestId('columns-table').textContent()).toMatch(/Job title/);
    await accessible('03-import-preview');
  });

  it('says what else the archive holds, and warns about ImportedContacts.csv', async () => {
    await byTestId('import-path').fill(fixture('Basic_LinkedInDataExport_11-29-2026.zip'));
    await byTestId('preview-button').click();
    await byTestId('archive-contents').waitFor();
    await expect.poll(() => byTestId('imported-contacts-warning').textContent()).toMatch(/never connected/);
    await accessible('04-import-archive');
  });

  it('commits the tricky export with a summary', async () => {
    await byTestId('import-path').fill(fixture('connections-tricky.csv'));
    await byTestId('preview-button').click();
    // The app suggests cutting every flagged fragment; keep the special-category hints, to see their guardrail.
    await expect.poll(() => byTestId('strip-phone-number').isChecked()).toBe(true);
    await byTestId('strip-special-category').uncheck();
    await byTestId('commit-button').click();
    await byTestId('commit-summary').waitFor({ timeout: 20_000 });
    expect(await byTestId('summary-added').textContent()).toBe('12');
    expect(await byTestId('summary-quarantined').textContent()).toBe('12');
    await accessible('05-import-committed');
  });

  it('assigns a lawful basis with the three-step LIA; the special-category guardrail fires first', async () => {
    await byTestId('nav-groups').click();
    await byTestId('group-label').fill('Work addresses');
    await byTestId('rule-type').selectOption('email-kind');
    await byTestId('rule-email-kind').selectOption('corporate');
    await byTestId('add-group-submit').click();
    await expect.poll(() => page.getByTestId('group-row').count()).toBe(1);
    await byTestId('edit-policy').click();
    // Step 1: basis and purpose.
    await byTestId('policy-basis').selectOption('legitimate-interests');
    await byTestId('policy-purpose').selectOption('account-management');
    await byTestId('policy-purpose-description').fill('Looking after the client accounts we already manage');
    await byTestId('policy-next').click();
    // Step 2: the three-part test and the sign-off.
    await byTestId('evidence-purposeTest').fill('Serving clients we already work with is a legitimate business interest');
    await byTestId('evidence-necessityTest').fill('We need their work contact details to manage the accounts we hold');
    await byTestId('evidence-balancingTest').fill('Clients expect their account manager to contact them about their account');
    await byTestId('evidence-optOut').fill('Any client can ask us to stop at any time by replying');
    await byTestId('evidence-assessedAt').fill('2026-11-20');
    await byTestId('evidence-assessedBy').fill('Data protection officer');
    await byTestId('evidence-version').fill('1');
    await byTestId('evidence-signedOffBy').fill('Head of accounts (data owner)');
    await byTestId('evidence-signedOffAt').fill('2026-11-21');
    await byTestId('policy-next').click();
    // Step 3: the special-category guardrail fires as the form fills, beside this step.
    try {
      await byTestId('step-guardrails').getByTestId('guardrail-special-category-needs-art9').waitFor();
    } catch (err) {
      await app.screenshot('failed-policy-check');
      throw err;
    }
    expect(await byTestId('guardrail-special-category-needs-art9').textContent()).toMatch(/Art\. 9/);
    await accessible('06-policy-guardrail');
    await byTestId('art9-condition').selectOption('made-public-by-data-subject');
    await byTestId('art9-justification').fill('They state these roles publicly on their own LinkedIn profiles');
    await byTestId('art9-made-public-where').fill('The headline of their own public LinkedIn profile');
    await byTestId('policy-next').click();
    // Step 4: the notice; step 5: review, acknowledge any warning, save.
    await byTestId('notice-status').selectOption('sent');
    await byTestId('notice-date').fill('2026-11-29');
    await byTestId('notice-method').fill('Privacy notice by email');
    await byTestId('policy-next').click();
    await expect.poll(async () => ((await byTestId('save-policy').isEnabled()) ? 'ready' : await byTestId('save-reason').getAttribute('data-kind')), { timeout: 10_000 }).toMatch(/ready|needs-acknowledgement/);
    if (await byTestId('acknowledge-warnings').count()) await byTestId('acknowledge-warnings').check();
    await byTestId('save-policy').click();
    await expect.poll(() => byTestId('group-basis').textContent(), { timeout: 10_000 }).toMatch(/legitimate interests/i);
    await accessible('07-groups');
  });

  it('lists the contacts in a virtualised table, and erases one with a certificate', async () => {
    await byTestId('nav-contacts').click();
    await byTestId('contacts-table').waitFor();
    await searchContacts('Hopper');
    await page.getByTestId('contact-row').first().click();
    await byTestId('contact-detail').waitFor();
    await accessible('08-contact-detail');
    await byTestId('erase-button').click();
    await byTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: /erase/i }).click();
    await expect.poll(() => byTestId('erase-certificate').textContent(), { timeout: 10_000 }).toMatch(/^Certificate of the erasure on /);
    expect(await byTestId('erase-certificate').getByTestId('copy-id').getAttribute('title')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await status()).toMatch(/was erased\. A certificate was issued\.$/);
    await searchContacts('');
    await expect.poll(() => byTestId('contacts-count').textContent()).toMatch(/\b11\b/);
  });

  it('records an objection (Art. 21) from a contact: confirmed first, then the person is on the suppression list', async () => {
    await searchContacts('Lovelace');
    await page.getByTestId('contact-row').first().click();
    await byTestId('contact-detail').waitFor();
    await byTestId('object-button').click();
    await byTestId('confirm-dialog').waitFor();
    expect(await byTestId('confirm-dialog').textContent()).toMatch(/Art\. 21/);
    await byTestId('confirm-object').click();
    await expect.poll(() => byTestId('object-button').textContent(), { timeout: 10_000 }).toBe('Objection recorded');
    expect(await byTestId('object-button').isDisabled()).toBe(true);
    await expect.poll(status).toMatch(/objection is recorded: they are left out of every export/);
    await byTestId('close-detail').click();
    await searchContacts('');
  });

  it('asks before a shorter quarantine makes contacts due: Cancel keeps the old one, Go ahead saves it', async () => {
    // Eleven days after the import, the eight quarantined contacts are due on 2026-12-29 (30 days): seven days would
    // make them due now.
    clock.now = new Date('2026-12-10T10:00:00Z');
    await byTestId('nav-retention').click();
    await byTestId('due-schedule').waitFor();
    await byTestId('quarantine-days').fill('7');
    await byTestId('quarantine-save').click();
    await byTestId('impact-dialog').waitFor();
    expect(await byTestId('impact-message').textContent()).toMatch(/makes 8 contact\(s\) due now and 0 more within 30 days/);
    expect(await byTestId('impact-confirm').textContent()).toBe('Go ahead: make them due');
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('impact-cancel');
    await accessible('09-retention-confirm-change');
    await byTestId('impact-cancel').click();
    await expect.poll(status).toMatch(/Nothing was changed: the quarantine period stays as it was/);
    expect(await byTestId('impact-dialog').count()).toBe(0);
    // The core kept 30 days: nothing is due yet.
    await byTestId('dry-run').click();
    await expect.poll(() => byTestId('destruction-count').textContent()).toBe('0');
    await byTestId('quarantine-save').click();
    await byTestId('impact-dialog').waitFor();
    await byTestId('impact-confirm').click();
    await expect.poll(status).toMatch(/Quarantine set to 7 days.*8 contacts are now due for destruction\./);
    expect(await byTestId('impact-dialog').count()).toBe(0);
    await expect.poll(() => byTestId('due-overdue').textContent()).toMatch(/^8\b/);
    await byTestId('dry-run').click();
    await expect.poll(() => byTestId('destruction-count').textContent()).toBe('8');
  });

  it('dry-runs and runs destruction with a moved clock', async () => {
    clock.now = new Date('2027-01-15T10:00:00Z');
    await byTestId('nav-retention').click();
    await byTestId('due-schedule').waitFor();
    await byTestId('dry-run').click();
    await expect.poll(() => byTestId('destruction-result').textContent()).toMatch(/\b8\b/);
    await accessible('09-retention-dry-run');
    await byTestId('run-now').click();
    await byTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: /destroy|run/i }).click();
    await expect.poll(() => byTestId('destruction-result').textContent(), { timeout: 20_000 }).toMatch(/A certificate was issued/);
    expect(await byTestId('destruction-result').getByTestId('copy-id').getAttribute('title')).toMatch(/^[0-9a-f-]{36}$/);
    await accessible('10-retention-run');
  });

  it('adds a member with only the importer role', async () => {
    await byTestId('nav-members').click();
    await byTestId('members-table').waitFor();
    await byTestId('new-member-name').fill('Bob Importer');
    await byTestId('role-importer').check();
    await byTestId('new-member-passphrase').fill('bob has a long passphrase');
    await byTestId('new-member-passphrase-confirm').fill('bob has a long passphrase');
    await byTestId('add-member-submit').click();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(2);
    await accessible('12-members');
  });

  it('opens Contacts at 30,000 rows a page at a time: the count is whole, the renderer is sent one page, the DOM one screenful', async () => {
    page.setDefaultTimeout(60_000);
    const big = tmp.path('Connections-30000.csv');
    await writeExport(big, { rows: 30_000, seed: 3 });
    await byTestId('nav-import').click();
    await byTestId('import-path').fill(big);
    await byTestId('preview-button').click();
    await byTestId('commit-button').click();
    await byTestId('commit-summary').waitFor({ timeout: 45_000 });
    // The vault's own count (the export repeats a few rows, which are skipped; three earlier contacts remain).
    const total = (await app.service.call('contacts.list', { limit: 1 })).total;
    expect(total).toBeGreaterThan(29_900);
    const answersBefore = app.contactsList.answers;
    await byTestId('nav-contacts').click();
    await byTestId('contacts-table').waitFor();
    await expect.poll(() => byTestId('contacts-count').textContent(), { timeout: 60_000 }).toBe(`Contacts 1–${PAGE} of ${total.toLocaleString('en-GB')}`);
    expect(await byTestId('contacts-count').textContent()).toMatch(/ of (29,9\d\d|30,0\d\d)$/);
    // The renderer was sent one page of the whole vault, never the vault.
    expect(app.contactsList.answers).toBeGreaterThan(answersBefore);
    expect(app.contactsList.largestPage).toBe(PAGE);
    // The DOM holds a screenful of that page.
    const rendered = await page.getByTestId('contact-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThanOrEqual(PAGE);
    await page.getByTestId('contacts-table').press('End');
    await page.getByTestId('contacts-table').press('PageUp');
    expect(await page.getByTestId('contact-row').count()).toBeLessThanOrEqual(PAGE);
    await accessible('13-contacts-30000');
    // Next and Previous ask the core for the neighbouring page.
    const firstRow = await page.getByTestId('contact-row').first().textContent();
    await byTestId('contacts-next').click();
    await expect.poll(() => byTestId('contacts-count').textContent()).toBe(`Contacts ${PAGE + 1}–${2 * PAGE} of ${total.toLocaleString('en-GB')}`);
    expect(await page.getByTestId('contact-row').first().textContent()).not.toBe(firstRow);
    await byTestId('contacts-previous').click();
    await expect.poll(() => byTestId('contacts-count').textContent()).toBe(`Contacts 1–${PAGE} of ${total.toLocaleString('en-GB')}`);
    // Disabled for assistive technology, yet focusable, so the button just pressed keeps the focus.
    expect(await byTestId('contacts-previous').getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('contacts-previous');
    // A search and a filter run in the core: the count is the core's, the page still one page at most.
    await searchContacts('nguyen');
    const found = (await app.service.call('contacts.list', { search: 'nguyen', limit: 1 })).total;
    expect(found).toBeGreaterThan(PAGE);
    expect(await byTestId('contacts-count').textContent()).toBe(`Contacts 1–${PAGE} of ${found.toLocaleString('en-GB')}`);
    await byTestId('contacts-status-filter').selectOption('usable');
    const usable = (await app.service.call('contacts.list', { search: 'nguyen', status: 'usable', limit: 1 })).total;
    await expect.poll(() => byTestId('contacts-count').textContent()).toMatch(new RegExp(`of ${usable.toLocaleString('en-GB')}$|^No contacts$`));
    await byTestId('contacts-status-filter').selectOption('all');
    await searchContacts('');
    expect(app.contactsList.largestPage).toBe(PAGE);
    page.setDefaultTimeout(15_000);
  }, 180_000);

  it('says in the contact detail which special-category hints were stripped at import', async () => {
    await byTestId('nav-import').click();
    await byTestId('import-path').fill(tmp.write([HEADER, 'Zebedee,Quokka,https://www.linkedin.com/in/zebedee-quokka,,IBM,Living with multiple sclerosis | accessibility advocate,04 Aug 2020', ''].join('\n'), 'stripped.csv'));
    await byTestId('preview-button').click();
    await expect.poll(() => byTestId('strip-special-category').isChecked()).toBe(true);
    await byTestId('commit-button').click();
    await byTestId('commit-summary').waitFor({ timeout: 20_000 });
    await byTestId('nav-contacts').click();
    await byTestId('contacts-table').waitFor();
    await searchContacts('Quokka');
    await page.getByTestId('contact-row').first().click();
    await byTestId('contact-detail').waitFor();
    await expect.poll(() => byTestId('detail-special-categories').textContent()).toBe('stripped (health)');
    await byTestId('close-detail').click();
    await searchContacts('');
  });

  it('verifies the audit log', async () => {
    await byTestId('nav-audit').click();
    await byTestId('audit-table').waitFor();
    await byTestId('verify-audit').click();
    await expect.poll(() => byTestId('audit-result').textContent()).toMatch(/intact/i);
    await accessible('11-audit');
    expect(app.problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
    // Over the whole suite, no contacts.list answer sent to the page held more than one page, nor any other list's.
    expect(app.contactsList.answers).toBeGreaterThan(0);
    expect(app.contactsList.largestPage).toBeLessThanOrEqual(PAGE);
    expect([...app.pagedLists.keys()]).toEqual(expect.arrayContaining(['contacts.list', 'audit.entries', 'certificates.list', 'holds.list']));
    for (const [channel, seen] of app.pagedLists) expect(seen.largestPage, channel).toBeLessThanOrEqual(PAGE);
    await expect.poll(() => byTestId('audit-count').textContent()).toMatch(/^Entries 1–\d+ of [\d,]+$/);
    expect(await status()).not.toMatch(/went wrong/i);
  });

  it('enforces the Content-Security-Policy in this browser: an inline script is refused and reported', async () => {
    // The element is added over CDP (which the CSP does not govern); running its inline text is up to the page,
    // under the header's policy (the one Electron sends; index.html's meta copy adds a second report).
    await page.evaluate(`(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, disposition: e.disposition, policy: e.originalPolicy }));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true';
      document.head.append(script);
    })()`);
    await expect
      .poll(() => page.evaluate('window.__violations'))
      .toContainEqual({ directive: 'script-src-elem', blocked: 'inline', disposition: 'enforce', policy: CONTENT_SECURITY_POLICY });
    expect(await page.evaluate('window.__inlineScriptRan === true')).toBe(false);
    // …and reported where the suite looks for problems (the test before this one found none).
    expect(app.problems).toContain('Content Security Policy (enforce): script-src-elem refused inline');
  });
});
