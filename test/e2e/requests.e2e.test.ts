// People's requests in Chromium against the real core. An admin answers a subject access request (the summary read
// in sections, the JSON saved), records an objection and sees it listed without personal data, lifts it with a
// reason behind a confirmation, erases a person who had been exported to a CRM (the confirmation says what happens;
// the certificate is shown as text; the recipient's Art. 19 task is listed and marked done). Then a data owner, who
// is nothing else, finds a person, records a consent (an empty form first: errors beside the fields) and withdraws
// it; erasure and lifting are not offered to them. Each state is checked with axe-core (no violation of any
// severity) and saved as a screenshot, at 1280 wide and once at 1024×700.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE } from '../support/vault.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
const clock = { now: new Date('2026-11-29T10:00:00Z') };
let app: App;
let page: Page;
const s = steps(() => app);
const byTestId = (id: string) => page.getByTestId(id);
const VAULT = () => tmp.path('requests.vault');

beforeAll(async () => {
  app = await startApp({ now: () => clock.now });
  page = app.page;
  page.setDefaultTimeout(15_000);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** The id of the element that has the focus. */
const focused = () =>
  page.evaluate(() => {
    const active = (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null; textContent: string | null } | null } }).document.activeElement;
    return active?.getAttribute('data-testid') ?? active?.textContent ?? null;
  });

describe('People’s requests: an admin and a data owner', { timeout: 60_000 }, () => {
  it('answers a subject access request: a readable summary, saved as JSON', async () => {
    // What the test is not about, through the core: the import, a group with a basis, a recipient that received it.
    await s.signIn(VAULT());
    // Special-category hints stripped at import, so that the group's basis needs no Art. 9 condition.
    await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
    const work = await app.service.call('groups.add', { label: 'Work addresses', rule: { type: 'email-kind', kind: 'corporate' }, confirm: true });
    await app.service.call('policy.assign', { groupId: work.id, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
    const crm = await app.service.call('recipients.add', { name: 'Pipeline CRM Ltd', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'UK', transfer: 'none' });
    await app.service.call('export.crm', { purpose: 'networking', recipientId: crm.recipientId, channels: ['email'], directMarketing: false });

    await s.open('requests');
    await byTestId('requests-screen').waitFor();
    // An empty request is refused beside the field, not sent.
    await byTestId('access-submit').click();
    expect(await byTestId('requests-access').getByTestId('field-error').textContent()).toMatch(/Enter the person’s email address/);
    expect(await focused()).toBe('access-value');

    await byTestId('access-value').fill('ada@analytical-engines.example');
    await byTestId('access-submit').click();
    await byTestId('access-summary').waitFor();
    expect(await byTestId('access-summary').locator('h4').textContent()).toBe('What is held about Ada Lovelace');
    const personal = (await byTestId('access-section-personal').textContent()) ?? '';
    expect(personal).toMatch(/Analytical Engines Ltd/);
    expect(personal).toMatch(/Head of Computation/);
    expect(await byTestId('access-section-basis').textContent()).toMatch(/Work addresses.*Legitimate interests/s);
    expect(await byTestId('access-section-recipients').textContent()).toMatch(/Pipeline CRM Ltd/);
    expect(await byTestId('access-section-suppression').textContent()).toMatch(/not on the suppression list/);
    await s.accessible('requests-01-subject-access');

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('access-save-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^subject-access-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { contactId: string; personalData: { email: string } };
    expect(saved.personalData.email).toBe('ada@analytical-engines.example');
    // On screen the contact id is a button that copies it (its tooltip); the saved report holds it as text.
    expect(saved.contactId).toBe(await byTestId('access-contact-id').getByTestId('copy-id').getAttribute('title'));
    await s.inWords('access-summary');
  });

  it('records an objection, lists it without personal data, and lifts it with a reason', async () => {
    await byTestId('requests-tab-suppression').click();
    await byTestId('suppression-empty').waitFor();
    expect(await byTestId('suppression-privacy').textContent()).toMatch(/No personal data is shown/);

    await byTestId('objection-email').fill('grace.hopper1906@gmail.com');
    await byTestId('objection-submit').click();
    await expect.poll(() => s.status()).toMatch(/Objection recorded/);
    const row = page.getByTestId('suppression-row');
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/Objected \(Art\. 21\)/);
    expect(text).toMatch(/Every use/);
    expect(text).toMatch(/email/);
    expect(text).not.toMatch(/grace/i);
    await s.accessible('requests-02-objection-listed');

    // Lifting asks for a reason inside the confirmation; without one it is refused beside the field.
    await byTestId('suppression-lift').click();
    await byTestId('confirm-dialog').waitFor();
    await byTestId('suppression-lift-confirm').click();
    expect(await byTestId('confirm-dialog').getByTestId('field-error').textContent()).toMatch(/Say why the entry is lifted/);
    expect(await focused()).toBe('suppression-lift-reason');
    await s.accessible('requests-03-lift-dialog');
    await byTestId('suppression-lift-reason').fill('She consented again on 2026-11-28 (form 4411).');
    await byTestId('suppression-lift-confirm').click();
    await expect.poll(() => row.getAttribute('data-lifted')).toBe('true');
    expect(await row.textContent()).toMatch(/Lifted on 29 Nov 2026/);
    expect(await byTestId('confirm-dialog').count()).toBe(0);
    expect(await focused()).toBe('The suppression list');
  });

  it('erases a person behind a confirmation that says what happens, and shows the certificate', async () => {
    await byTestId('requests-tab-erasure').click();
    await byTestId('erasure-value').fill('k.johnson@nasa.example');
    await byTestId('erasure-submit').click();
    const dialog = byTestId('confirm-dialog');
    await dialog.waitFor();
    const said = (await dialog.textContent()) ?? '';
    expect(said).toMatch(/k\.johnson@nasa\.example/);
    expect(said).toMatch(/every copy of their record/);
    expect(said).toMatch(/certificate of erasure/);
    expect(said).toMatch(/suppression list/);
    await s.accessible('requests-04-erase-confirm');
    // Cancel leaves everything as it was, and focus goes back to the button.
    await byTestId('confirm-cancel').click();
    expect(await dialog.count()).toBe(0);
    expect(await focused()).toBe('erasure-submit');

    await byTestId('erasure-submit').click();
    await byTestId('erasure-confirm').click();
    await byTestId('erasure-result').waitFor();
    const certificate = (await byTestId('erasure-certificate').textContent()) ?? '';
    expect(certificate).toMatch(/CERTIFICATE OF ERASURE \(UK GDPR Art\. 17\)/);
    // The certificate is named in words with its id to copy; the certificate's own text, a document, prints it.
    expect(await byTestId('erasure-certificate-issued').innerText()).toMatch(/^Certificate of the erasure on \d{1,2} \w{3} \d{4}/);
    expect(certificate).toContain((await byTestId('erasure-certificate-issued').getByTestId('copy-id').getAttribute('title')) ?? 'missing');
    expect(await byTestId('erasure-art19').textContent()).toMatch(/Tell Pipeline CRM Ltd/);
    await s.accessible('requests-05-erased');
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('erasure-save-text').click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(certificate);

    // The person is on the suppression list now, and subject access no longer finds them.
    await byTestId('requests-tab-suppression').click();
    await expect.poll(() => page.locator('[data-testid="suppression-row"][data-reason="erasure"]').count()).toBe(1);
    await byTestId('requests-tab-access').click();
    await byTestId('access-value').fill('k.johnson@nasa.example');
    await byTestId('access-submit').click();
    // Nothing held is an answer to give the person (Art. 15(1)), not an error.
    await expect.poll(() => byTestId('access-none-held').textContent()).toMatch(/no personal data about this person is kept here/);
  });

  it('lists the Art. 19 task the erasure made, and marks it done', async () => {
    await byTestId('requests-tab-art19').click();
    const row = page.getByTestId('art19-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Pipeline CRM Ltd.*Erasure.*k\.johnson@nasa\.example/s);
    await s.accessible('requests-06-art19');
    await byTestId('art19-done').click();
    await byTestId('art19-empty').waitFor();
    await byTestId('art19-include-done').check();
    await expect.poll(() => row.textContent()).toMatch(/Done on 29 Nov 2026/);
    expect(await row.textContent()).not.toMatch(/k\.johnson/);
  });

  it('lets a data owner record a consent and withdraw it, and offers them no erasure or lifting', async () => {
    await app.service.call('members.add', { name: 'Dana Owner', roles: ['data-owner'], passphrase: PASSPHRASE });
    await app.service.call('suppression.add', { profileUrl: 'https://www.linkedin.com/in/timbl' });
    await app.service.call('vault.lock', {});
    await app.service.call('vault.unlock', { path: VAULT(), name: 'Dana Owner', passphrase: PASSPHRASE });
    await page.reload();
    await byTestId('session').waitFor();
    await s.open('requests');
    expect(await byTestId('requests-tab-erasure').count()).toBe(0);
    await byTestId('requests-tab-suppression').click();
    await expect.poll(() => page.getByTestId('suppression-row').count()).toBe(3);
    expect(await byTestId('suppression-lift').count()).toBe(0);

    await byTestId('requests-tab-consents').click();
    await byTestId('consent-search').fill('Lovelace');
    await byTestId('consent-search-submit').click();
    await byTestId('consent-choose').click();
    await byTestId('consent-none').waitFor();

    // An empty form is refused with a sentence beside each field, and focus goes to the first.
    await byTestId('consent-submit').click();
    const errors = byTestId('consent-form').getByTestId('field-error');
    await expect.poll(() => errors.count()).toBe(6);
    expect(await byTestId('consent-channels').textContent()).toMatch(/Tick at least one way/);
    expect(await focused()).toBe('consent-purpose');
    await s.accessible('requests-07-consent-errors');

    await byTestId('consent-purpose').selectOption('email-marketing');
    await byTestId('consent-obtained').fill('2026-11-20');
    await byTestId('consent-method').selectOption('form');
    await byTestId('consent-channel-email').check();
    await byTestId('consent-wording').fill('Yes, send me Analytical Engines news by email.');
    await byTestId('consent-version').fill('v3');
    await byTestId('consent-proof').fill('Web form submission 4411');
    await byTestId('consent-submit').click();
    await expect.poll(() => s.status()).toMatch(/Consent recorded for Ada Lovelace/);
    const row = page.getByTestId('consent-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Email marketing.*Email.*20 Nov 2026, a form.*v3.*In force/s);
    await s.accessible('requests-08-consent-recorded');

    await byTestId('consent-withdraw').click();
    await byTestId('consent-withdraw-method').selectOption('reply');
    await byTestId('consent-withdraw-submit').click();
    await expect.poll(() => byTestId('consent-state').textContent()).toBe('Withdrawn on 29 Nov 2026 (a reply (email or message))');
    expect(await row.getAttribute('data-live')).toBe('false');

    // The withdrawal put the person on the suppression list for that purpose.
    await byTestId('requests-tab-suppression').click();
    await expect.poll(() => page.locator('[data-testid="suppression-row"][data-reason="consent-withdrawn"]').count()).toBe(1);
    expect(await page.locator('[data-testid="suppression-row"][data-reason="consent-withdrawn"]').textContent()).toMatch(/Withdrew consent \(Art\. 7\(3\)\).*Email marketing/s);

    // Consents in bulk: a file checked first (nothing stored), then imported; a line for no one in the vault is named.
    const file = tmp.write(
      [
        'email,purpose,channels,obtained_at,method,wording,wording_version,proof',
        'frances@ibm.example,events,email,2026-11-02,form,Invite me to your meetups,v1,form 5120',
        'nobody@example.com,events,email,2026-11-02,form,Invite me to your meetups,v1,form 5121',
      ].join('\n'),
      'consents.csv',
    );
    await byTestId('requests-tab-consents').click();
    await byTestId('consent-import-path').fill(file);
    await byTestId('consent-import-check').click();
    await expect.poll(() => byTestId('consent-import-result').textContent()).toMatch(/Checked only, nothing stored: 1 consent would be added from 2 lines\..*No one in the vault matches line 3/s);
    await byTestId('consent-import-submit').click();
    await expect.poll(() => byTestId('consent-import-result').textContent()).toMatch(/Imported: 1 consent added from 2 lines/);
    expect((await app.service.call('consent.list', {})).filter((c) => c.purpose === 'events')).toHaveLength(1);

    // A smaller window: the same screen, still accessible.
    await page.setViewportSize({ width: 1024, height: 700 });
    await byTestId('consent-search-form').waitFor();
    await s.accessible('requests-09-consents-1024');
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(app.problems).toEqual([]);
  });
});
