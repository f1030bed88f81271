// What a second walk through the app as a new user found, each with the check that would have caught it: a new
// vault's Home offers the first steps; a file with nobody new cannot be committed; a CRM export of nobody cannot be
// made; subject access for someone not held is an answer, not an error; an erasure finds the person before asking
// and names them; lifting a legal hold is asked first; an audit filter that keeps nothing says so and saves nothing;
// the only admin's Remove says why it cannot act. No wall-clock timing: every step waits for what it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
let app: App;
const s = steps(() => app);

beforeAll(async () => {
  app = await startApp({ now: () => new Date('2026-11-29T10:00:00Z') });
  app.page.setDefaultTimeout(15_000);
  await s.signIn(tmp.path('second.vault'));
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('a second look', { timeout: 60_000 }, () => {
  it('a new vault’s Home offers the first steps: import, and record the controller', async () => {
    await s.open('home');
    await s.byTestId('first-steps').waitFor();
    expect(await s.byTestId('first-step-import').textContent()).toMatch(/holds nobody yet/);
    expect(await s.byTestId('first-step-controller').textContent()).toMatch(/controller/);
    await s.byTestId('first-step-import').getByRole('button').click();
    await s.byTestId('import-path').waitFor();
  });

  it('a file whose people are all in the vault already cannot be committed, and says why', async () => {
    await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    await s.open('import');
    await s.byTestId('import-path').fill(fixture('connections-tricky.csv'));
    await s.byTestId('preview-button').click();
    await s.byTestId('nothing-to-store').waitFor();
    expect(await s.byTestId('commit-button').isDisabled()).toBe(true);
    expect(await s.byTestId('nothing-to-store').textContent()).toMatch(/Nothing to import/);
    await s.accessible('second-01-nothing-to-import');
  });

  it('a CRM export that would hold nobody cannot be made: the reason is beside the button', async () => {
    // Nobody has a lawful basis: the preview holds everyone back.
    await app.service.call('recipients.add', { name: 'Our CRM', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'UK', transfer: 'none' });
    await s.open('export');
    await s.byTestId('export-preview-button').waitFor();
    // Networking is not always marketing: say it is not.
    await s.byTestId('export-direct-marketing-no').check();
    await s.byTestId('export-preview-button').click();
    await expect.poll(() => s.byTestId('export-blocked').textContent()).toMatch(/Nobody would be exported/);
    expect(await s.byTestId('export-button').getAttribute('aria-disabled')).toBe('true');
  });

  it('subject access for someone not held is an answer to give them, not an error', async () => {
    await s.open('requests');
    await s.byTestId('requests-tab-access').click();
    await s.byTestId('access-value').fill('nobody@nowhere.example');
    await s.byTestId('access-submit').click();
    await s.byTestId('access-none-held').waitFor();
    expect(await s.byTestId('access-none-held').textContent()).toMatch(/no personal data about this person is kept here/);
    expect(await s.status()).not.toMatch(/Error/);
    const download = app.page.waitForEvent('download');
    await s.byTestId('access-none-save').click();
    expect((await download).suggestedFilename()).toMatch(/^subject-access-none-.*\.txt$/);
  });

  it('an erasure finds the person first: nobody matching is said at once, a match is named in the confirmation', async () => {
    await s.open('requests');
    await s.byTestId('requests-tab-erasure').click();
    const field = s.byTestId('erasure-value');
    await field.fill('nobody@nowhere.example');
    await s.byTestId('erasure-form').locator('button[type="submit"]').click();
    await expect.poll(() => s.byTestId('erasure-form').getByTestId('field-error').textContent()).toMatch(/No contact in the vault matches/);
    expect(await app.page.getByTestId('confirm-dialog').count()).toBe(0);
    await field.fill('grace.hopper1906@gmail.com');
    await s.byTestId('erasure-form').locator('button[type="submit"]').click();
    await expect.poll(() => s.byTestId('erasure-matched').textContent()).toMatch(/Grace Hopper/);
    await app.page.getByTestId('confirm-cancel').click();
  });

  it('lifting a legal hold is asked first; Cancel keeps it', async () => {
    const group = await app.service.call('groups.add', { label: 'Acme people', rule: { type: 'company', companies: ['Acme Ltd'] }, confirm: true });
    await app.service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
    await app.service.call('holds.place', { groupId: group.id, reason: 'A claim about Acme is expected' });
    await s.open('retention');
    await s.byTestId('lift-hold').first().click();
    await s.byTestId('lift-hold-confirm').waitFor();
    await s.accessible('second-02-lift-hold');
    await app.page.getByTestId('confirm-cancel').click();
    expect((await app.service.call('holds.list', {})).total).toBe(1);
    await s.byTestId('lift-hold').first().click();
    await s.byTestId('lift-hold-confirm').click();
    await expect.poll(async () => (await app.service.call('holds.list', {})).total).toBe(0);
  });

  it('an audit filter that keeps nothing says so, and there is nothing to save', async () => {
    await s.open('audit');
    await s.byTestId('audit-filter-from').fill('2030-01-01');
    await s.byTestId('audit-none').waitFor();
    expect(await s.byTestId('audit-export-csv').isDisabled()).toBe(true);
    expect(await app.page.getByTestId('audit-table').count()).toBe(0);
  });

  it('the only admin’s Remove cannot act, and says why', async () => {
    await s.open('members');
    const remove = s.byTestId('remove-member').first();
    await remove.waitFor();
    expect(await remove.isDisabled()).toBe(true);
    expect(await app.page.locator('#last-admin-hint').textContent()).toMatch(/only admin cannot be removed/);
  });
});
