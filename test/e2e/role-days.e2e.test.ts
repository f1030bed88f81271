// The acceptance walk of issue 14: each role's day, in Chromium against the real core, by a member who holds that role
// and no other. The vault is made by its founding admin in the core; the three members are added there and each
// signs the page in through its unlock form. The importer chooses the tricky export, reads the verdict, keeps one
// special-category hint and strips the rest, and commits; the data owner adds and orders groups, gives one a lawful
// basis through the stepper (a guardrail shown live), records its Art. 14 notice sent and exports it to a CRM; a
// month on, the admin adds a member and changes their roles, issues a destruction token, runs the destruction now
// due, reads its certificate, the Art. 30 record and the audit log. Every step is judged by `looks`: axe-core (no
// violation of any severity) and a screenshot `day-<role>-<step>-<theme>-<size>`, light and dark, 1024×700 and
// 1920×1080; what a person reads is checked to be in words, never a vocabulary key.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { PASSPHRASE } from '../support/vault.js';
import { startApp, type App } from './harness.js';
import { RAW_KEYS, steps } from './steps.js';

const tmp = scratch();
const VAULT = tmp.path('day.vault');
const TRICKY = fixture('connections-tricky.csv');
const clock = { now: new Date('2026-12-01T09:00:00Z') };
const WALK_SIZE = { width: 1280, height: 860 };
let app: App;
const s = steps(() => app);
const page = () => app.page;
const text = async (id: string) => ((await s.byTestId(id).innerText()) ?? '').trim();

/** What the screen says, read as a person reads it (steps.ts, inWords): no vocabulary key, and unless ids are the
 * point, no id. */
const inWords = (testId = 'app', options: { idsShown?: boolean } = {}) => s.inWords(testId, options);

/** The step is judged in both themes and sizes; the page reported no console error or CSP violation. */
async function looks(name: string): Promise<void> {
  await s.looks(`day-${name}`);
  expect(app.problems).toEqual([]);
}

/** Lock the page and sign in again through its unlock form, as `name`. */
async function signInAs(name: string, roles: string): Promise<void> {
  await s.byTestId('lock-button').click();
  await s.byTestId('unlock-form').waitFor();
  await s.byTestId('vault-path').fill(VAULT);
  await s.byTestId('member-name').fill(name);
  await s.byTestId('passphrase').fill(PASSPHRASE);
  await s.byTestId('unlock-button').click();
  await expect.poll(() => s.byTestId('session').innerText()).toContain(`${name} · ${roles}`);
}

const navigation = () => page().getByRole('navigation', { name: 'Screens' }).getByRole('button').allInnerTexts();

/** Electron's preload gives a chosen or dropped file's path (webUtils.getPathForFile); the stand-in here knows the
 * fixtures by name, so the file picker works as on the desktop. */
const PATH_FOR_FILE = `(() => {
  const paths = ${JSON.stringify({ 'connections-tricky.csv': TRICKY })};
  window.sanitizer = Object.freeze({ ...window.sanitizer, pathForFile: (file) => paths[file.name] ?? '' });
})();`;

beforeAll(async () => {
  expect(RAW_KEYS).toEqual(expect.arrayContaining(['legitimate-interests', 'data-owner', 'import-commit', 'no-lawful-basis']));
  app = await startApp({ now: () => clock.now });
  page().setDefaultTimeout(15_000);
  await page().setViewportSize(WALK_SIZE);
  await page().addInitScript({ content: PATH_FOR_FILE });
  // The founding admin makes the vault and adds the three members, each with one role.
  await s.signIn(VAULT, { name: 'Alice Founder' });
  await app.service.call('controller.set', { name: 'Analytical Engines Ltd', contact: '1 Difference Street, London; privacy@ae.example' });
  for (const [name, role] of [['Ivy Importer', 'importer'], ['Dora Owner', 'data-owner'], ['Adam Admin', 'admin']] as const) {
    await app.service.call('members.add', { name, roles: [role], passphrase: PASSPHRASE });
  }
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('the importer’s day', { timeout: 120_000 }, () => {
  let added = '';
  let quarantined = '';

  it('signs in and sees only Home and Import', async () => {
    await signInAs('Ivy Importer', 'Importer');
    expect(await navigation()).toEqual(['Home', 'Import']);
    await inWords();
    await looks('importer-01-home');
  });

  it('chooses the export and reads the verdict first', async () => {
    await s.open('import');
    const [chooser] = await Promise.all([page().waitForEvent('filechooser'), s.byTestId('drop-zone').getByText('Or choose the file…').click()]);
    await chooser.setFiles(TRICKY);
    await s.byTestId('import-verdict').waitFor();
    await expect.poll(() => text('commit-prediction')).not.toMatch(/Counting again/);
    expect(await s.byTestId('import-path').inputValue()).toBe(TRICKY);
    expect(await s.byTestId('import-verdict').locator('h3').innerText()).toBe('14 records of your LinkedIn connections');
    expect(await text('verdict-added')).toBe('12');
    expect(await text('verdict-duplicates-file')).toBe('1');
    expect(await text('verdict-empty')).toBe('1');
    expect(await text('decision-hints')).toMatch(/^4 people with a hint of special-category data/);
    await inWords();
    await looks('importer-02-verdict');
  });

  it('keeps one person’s special-category hint and strips the others', async () => {
    // Every hint is stripped unless kept: Katherine Johnson's job title is kept as it is.
    const rows = page().getByTestId('hint-row');
    expect(await rows.getByTestId('hint-person').allInnerTexts()).toEqual(['Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Frances Allen']);
    expect(await page().locator('[data-testid="hint-row"][data-decision="strip"]').count()).toBe(4);
    const katherine = rows.filter({ hasText: 'Katherine Johnson' });
    expect(await katherine.getByTestId('hint-cell').innerText()).toMatch(/Position: “Pastor at First Baptist Church”/);
    await katherine.getByRole('radio', { name: 'Keep' }).check();
    await expect.poll(() => katherine.getAttribute('data-decision')).toBe('keep');
    await expect.poll(() => s.byTestId('commit-button').isEnabled()).toBe(true);
    expect(await page().locator('[data-testid="hint-row"][data-decision="strip"]').count()).toBe(3);
    added = await text('verdict-added');
    quarantined = (await text('decision-quarantine')).match(/^(\d+) contacts will be quarantined/)?.[1] ?? '';
    expect(quarantined).toBe('12');
    await inWords();
    await looks('importer-03-hint-decisions');
  });

  it('commits, and the result counts are the preview’s', async () => {
    await s.byTestId('commit-button').click();
    await s.byTestId('commit-summary').waitFor({ timeout: 20_000 });
    expect(await text('summary-added')).toBe(added);
    expect(await text('summary-quarantined')).toBe(quarantined);
    expect(await text('summary-duplicates')).toMatch(/^1 \(0 already in the vault, 1 repeated in the file\)/);
    await expect.poll(() => s.status()).toMatch(/Import committed: 12 contacts added\.$/);
    await inWords();
    await looks('importer-04-committed');
  });
});

describe('the data owner’s day', { timeout: 120_000 }, () => {
  const groupRow = (label: string) => page().getByTestId('group-row').filter({ hasText: label });

  it('signs in and sees the screens of a data owner, not an admin’s', async () => {
    clock.now = new Date('2026-12-03T10:00:00Z');
    await signInAs('Dora Owner', 'Data owner');
    expect(await navigation()).toEqual(['Home', 'Groups & lawful basis', 'Contacts', 'Notices & PECR', 'People’s requests', 'CRM export', 'Records (Art. 30)']);
    // Katherine Johnson's kept hint is in the vault; the other three were cut before anything was stored.
    const people = (await app.service.call('contacts.list', { limit: 100 })).contacts;
    expect(people.filter((p) => p.specialCategories.length > 0).map((p) => p.firstName)).toEqual(['Katherine']);
    await inWords();
    await looks('owner-01-home');
  });

  /** Add a group from the Groups screen: its label, its kind of rule, then the rule itself. */
  async function addGroup(label: string, type: string, setRule: () => Promise<unknown>): Promise<void> {
    if (!(await s.byTestId('add-group').count())) await s.byTestId('show-add-group').click();
    await s.byTestId('group-label').fill(label);
    await s.byTestId('rule-type').selectOption(type);
    await setRule();
    await s.byTestId('add-group-submit').click();
    await expect.poll(() => groupRow(label).count()).toBe(1);
  }

  it('adds two groups', async () => {
    await s.open('groups');
    await s.byTestId('add-group').waitFor();
    await addGroup('Since 2019', 'connected-year', () => s.byTestId('rule-from-year').fill('2019'));
    await addGroup('Work addresses', 'email-kind', () => s.byTestId('rule-email-kind').selectOption('corporate'));
    expect(await groupRow('Since 2019').innerText()).toMatch(/^1\. Since 2019\s+7 contacts · ⚠ no basis: quarantined/);
    expect(await groupRow('Work addresses').innerText()).toMatch(/^2\. Work addresses\s+1 contact · ⚠ no basis: quarantined/);
    expect(await text('unassigned-count')).toBe('4');
    await inWords();
    await looks('owner-02-groups-added');
  });

  it('moves “Work addresses” first, told before who would change group', async () => {
    await groupRow('Work addresses').getByTestId('move-up').click();
    await s.byTestId('regroup-dialog').waitFor();
    expect(await text('regroup-moves')).toBe('2 contacts would move from “Since 2019” to “Work addresses”.');
    await inWords();
    await looks('owner-03-move-preview');
    await s.byTestId('regroup-confirm').click();
    await expect.poll(() => page().getByTestId('group-row').first().innerText()).toMatch(/^1\. Work addresses\s+3 contacts/);
    await expect.poll(() => s.status()).toMatch(/2 contacts moved from “Since 2019” to “Work addresses”/);
  });

  it('gives “Work addresses” a lawful basis step by step; the rule on special categories shows live', async () => {
    await groupRow('Work addresses').getByTestId('select-group').click();
    await s.byTestId('edit-policy').click();
    await s.byTestId('policy-basis').selectOption('legitimate-interests');
    await s.byTestId('policy-purpose').selectOption('networking');
    await s.byTestId('policy-purpose-description').fill('Invitations to our engineering meetups for these people.');
    await s.byTestId('policy-next').click();
    for (const [field, value] of Object.entries({
      purposeTest: 'Inviting people we know professionally to our meetups is a legitimate interest',
      necessityTest: 'Their work address is the least intrusive way to invite them',
      balancingTest: 'Professional contacts expect an occasional invitation, with an easy way to say no',
      optOut: 'Reply “stop” to any invitation',
      assessedAt: '2026-11-20',
      assessedBy: 'The data protection officer',
      version: '1',
      signedOffBy: 'Head of engineering',
      signedOffAt: '2026-11-21',
    })) {
      await s.byTestId(`evidence-${field}`).fill(value);
    }
    await s.byTestId('policy-next').click();
    // Nobody pressed Check: the kept hint's rule appears beside the step as the form fills, and blocks.
    const guardrail = s.byTestId('step-guardrails').getByTestId('guardrail-special-category-needs-art9');
    await guardrail.waitFor();
    expect(await guardrail.getAttribute('data-severity')).toBe('block');
    expect(await guardrail.innerText()).toMatch(/Art\. 9/);
    await expect.poll(() => text('policy-step-special')).toMatch(/blocked by a rule/);
    await inWords('policy-form');
    await looks('owner-04-basis-guardrail');
  });

  it('answers the rule, plans the notice, and saves the basis', async () => {
    await s.byTestId('art9-condition').selectOption('made-public-by-data-subject');
    await s.byTestId('art9-justification').fill('They state their roles publicly on their own LinkedIn profiles');
    await s.byTestId('art9-made-public-where').fill('The headline of their own public LinkedIn profile');
    await s.byTestId('policy-next').click();
    await s.byTestId('notice-status').selectOption('planned');
    await s.byTestId('notice-date').fill('2026-12-03');
    await s.byTestId('notice-method').fill('Privacy notice by email');
    await s.byTestId('policy-next').click();
    const save = s.byTestId('save-policy');
    await expect.poll(async () => ((await save.isEnabled()) ? 'ready' : await s.byTestId('save-reason').getAttribute('data-kind')), { timeout: 10_000 }).toMatch(/ready|needs-acknowledgement/);
    if (await s.byTestId('acknowledge-warnings').count()) await s.byTestId('acknowledge-warnings').check();
    await expect.poll(() => save.isEnabled()).toBe(true);
    const review = await inWords('policy-form');
    expect(review).toMatch(/Legitimate interests/);
    expect(review).toMatch(/Planned: to be sent by 3 December 2026/);
    await looks('owner-05-basis-review');
    await save.click();
    await expect.poll(() => groupRow('Work addresses').getByTestId('group-basis').innerText(), { timeout: 10_000 }).toMatch(/Legitimate interests/);
    await expect.poll(() => s.status()).toMatch(/Lawful basis saved for “Work addresses”/);
    expect(await text('current-basis')).toMatch(/Basis\s+Legitimate interests\s+Purpose\s+Professional networking/);
    expect(await text('current-basis')).toMatch(/Art\. 14 notice\s+Planned: to be sent by 3 December 2026/);
    await inWords();
    await looks('owner-06-basis-saved');
  });

  it('records the Art. 14 notice sent to the group', async () => {
    const row = page().locator('[data-testid="notice-group-row"][data-group="Work addresses"]');
    await s.open('notices');
    await expect.poll(() => row.getByTestId('notice-count-due').innerText()).toBe('3');
    await row.getByTestId('notice-show-people').click();
    await expect.poll(() => page().getByTestId('notice-person-row').count()).toBe(3);
    await s.byTestId('sent-on').fill('2026-12-03');
    await s.byTestId('sent-channel').selectOption('email');
    await s.byTestId('sent-version').fill('v1');
    await s.byTestId('mark-sent').click();
    await expect.poll(() => s.status()).toMatch(/Notice recorded as sent for 3 people/);
    await expect.poll(() => row.getByTestId('notice-count-sent').innerText()).toBe('3');
    expect(await row.getByTestId('notice-count-due').innerText()).toBe('0');
    expect(await page().getByTestId('notice-person-when').allInnerTexts()).toEqual(Array(3).fill('Told on 3 December 2026 by email (version v1)'));
    await inWords();
    await looks('owner-07-notice-sent');
  });

  it('registers the CRM as a recipient', async () => {
    await s.open('export');
    await s.byTestId('export-register-recipient').click();
    await s.byTestId('recipient-form').waitFor();
    await s.byTestId('recipient-name').fill('HubSpot Europe');
    await s.byTestId('recipient-role').selectOption('processor');
    await s.byTestId('recipient-contract-date').fill('2026-01-15');
    await s.byTestId('recipient-region').fill('EU (Frankfurt)');
    await s.byTestId('recipient-transfer').selectOption('adequacy');
    await s.byTestId('recipient-add').click();
    await expect.poll(() => s.byTestId('recipient-row').count()).toBe(1);
    expect(await text('recipients-table')).toMatch(/HubSpot Europe\s+Processor/);
    await inWords();
    await looks('owner-08-recipient');
  });

  it('previews the CRM export: who is included, who is held back and why', async () => {
    await s.open('export');
    await s.byTestId('export-form').waitFor();
    await s.byTestId('export-direct-marketing-no').check();
    await s.byTestId('export-preview-button').click();
    await s.byTestId('export-preview').waitFor();
    const expected = await app.service.call('export.preview', { purpose: 'networking', channels: ['email'], directMarketing: false });
    expect(expected.included).toBe(3);
    expect(expected.excludedTotal).toBe(9);
    expect(await text('preview-included')).toMatch(/^3\s+included/);
    expect(await text('preview-held-back')).toMatch(/^9\s+held back/);
    expect((await page().getByTestId('preview-included-people-row').allInnerTexts()).sort()).toEqual([
      expect.stringMatching(/^Ada Lovelace\s+Analytical Engines Ltd/),
      expect.stringMatching(/^Frances Allen\s+IBM/),
      expect.stringMatching(/^Katherine Johnson\s+NASA/),
    ]);
    expect(await text('preview-reasons')).toMatch(/No lawful basis yet/);
    await inWords();
    await looks('owner-09-export-preview');
  });

  it('exports to the CRM: the file is saved and the disclosure recorded', async () => {
    await s.byTestId('export-recipient').selectOption({ label: 'HubSpot Europe' });
    const [file] = await Promise.all([page().waitForEvent('download'), s.byTestId('export-button').click()]);
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(1 + 3);
    expect(csv).toMatch(/"Katherine","Johnson"/);
    await s.byTestId('export-result').waitFor();
    expect(await text('export-result-summary')).toMatch(/exported to HubSpot Europe for professional networking; 9 people held back/);
    expect(await app.service.call('disclosures.list', {})).toHaveLength(1);
    // The disclosure is named in words; its id is a button that copies it.
    expect(await text('export-disclosure')).toMatch(/^Disclosure recorded/);
    expect(await s.byTestId('export-disclosure').getByTestId('copy-id').getAttribute('aria-label')).toBe('Copy id of the disclosure');
    await inWords();
    await looks('owner-10-exported');
  });
});

describe('the admin’s day, a month later', { timeout: 120_000 }, () => {
  let destroyed = 0;

  it('signs in and sees what needs attention', async () => {
    // The quarantine of the contacts left without a lawful basis ended on 31 December 2026.
    clock.now = new Date('2027-01-05T09:00:00Z');
    await signInAs('Adam Admin', 'Admin');
    expect(await navigation()).toEqual(['Home', 'Contacts', 'Notices & PECR', 'People’s requests', 'Records (Art. 30)', 'Retention', 'Members', 'Audit']);
    // The 9 due are the 9 past their quarantine: said once, with a link, not in a second item.
    await expect.poll(() => text('attention-overdue')).toMatch(/9 contacts are past the 30-day quarantine \(in no group with a lawful basis\) and will be destroyed at the next run\./);
    expect(await page().getByTestId('attention-quarantine').count()).toBe(0);
    expect(await page().getByTestId('attention-overdue-link').count()).toBe(1);
    await inWords();
    await looks('admin-01-home');
  });

  it('adds a member, then changes their roles', async () => {
    await s.open('members');
    await expect.poll(() => page().getByTestId('member-row').count()).toBe(4);
    await s.byTestId('new-member-name').fill('Nia Newcomer');
    await s.byTestId('role-importer').check();
    await s.byTestId('new-member-passphrase').fill('maple violin harbour sixty');
    await s.byTestId('new-member-passphrase-confirm').fill('maple violin harbour sixty');
    await s.byTestId('add-member-submit').click();
    const nia = page().getByTestId('member-row').filter({ hasText: 'Nia Newcomer' });
    await expect.poll(() => nia.getByTestId('member-roles').innerText()).toBe('Importer');
    expect(await s.status()).toMatch(/Member “Nia Newcomer” added/);
    await inWords();
    await looks('admin-02-member-added');

    await nia.getByTestId('edit-roles').click();
    await s.byTestId('roles-dialog').waitFor();
    await s.byTestId('edit-role-data-owner').check();
    await inWords('roles-dialog');
    await looks('admin-03-roles-dialog');
    await s.byTestId('roles-save').click();
    await expect.poll(() => nia.getByTestId('member-roles').innerText()).toBe('Data owner, Importer');
  });

  it('issues a destruction token, shown once', async () => {
    await s.byTestId('token-create').click();
    await s.byTestId('token-created').waitFor();
    expect(await text('token-created')).toContain('Shown only now.');
    const token = await text('token-value');
    expect(token.length).toBeGreaterThan(20);
    await expect.poll(() => s.byTestId('token-row').count()).toBe(1);
    expect(await text('token-state')).toBe('Active');
    // The token table numbers the tokens; each id is a button that copies it. The secret shown once is no id.
    expect(await s.byTestId('token-row').getByTestId('copy-id').getAttribute('aria-label')).toBe('Copy id of the token');
    await inWords();
    await looks('admin-04-token-shown');
    await s.byTestId('token-done').click();
    expect(await s.byTestId('token-created').count()).toBe(0);
    expect(await page().locator('body').innerText()).not.toContain(token);
  });

  it('runs the destruction that is due, after a dry run', async () => {
    await s.open('retention');
    await s.byTestId('dry-run').click();
    await expect.poll(() => s.byTestId('destruction-result').getAttribute('data-dry-run')).toBe('true');
    destroyed = Number(await text('destruction-count'));
    expect(destroyed).toBe(9);
    await s.byTestId('run-now').click();
    await s.byTestId('confirm-dialog').waitFor();
    await expect.poll(() => page().getByTestId('confirm-dialog').locator('h2').innerText()).toBe('Destroy the 9 contacts due now (5 in “Since 2019”, 4 with no group)?');
    await inWords();
    await looks('admin-05-destruction-confirm');
    await s.byTestId('confirm-run').click();
    await expect.poll(() => s.byTestId('destruction-result').getAttribute('data-dry-run')).toBe('false');
    expect(await text('destruction-count')).toBe(String(destroyed));
    expect(await text('destruction-result')).toMatch(/were destroyed; 0 due but held/);
    await expect.poll(() => s.status()).toMatch(/9 contacts destroyed\.$/);
    // The certificate is named in words with the result; its id, what the controller files, is copied from a button.
    expect(await s.byTestId('destruction-result').getByTestId('copy-id').getAttribute('aria-label')).toBe('Copy id of the certificate');
    await inWords();
    await looks('admin-06-destroyed');
  });

  it('opens the certificate and reads it', async () => {
    await s.byTestId('certificate-row').first().waitFor();
    expect(await s.byTestId('certificate-row').count()).toBe(1);
    await s.byTestId('certificate-show').click();
    await s.byTestId('certificate-view').waitFor();
    // The certificate list names each one in words; the certificate itself, a document, prints its ids.
    expect(await text('certificate-row')).toMatch(/^Certificate of the run on 5 Jan 2027/);
    await inWords('certificates-list');
    const certificate = await inWords('certificate-text', { idsShown: true });
    expect(certificate).toMatch(/^CERTIFICATE OF SCHEDULED DESTRUCTION/);
    expect(certificate).toMatch(new RegExp(`\\b${destroyed}\\b`));
    expect(await page().getByTestId('certificate-group').allInnerTexts()).toEqual(['“Since 2019”: 5 contacts', 'No group (quarantined): 4 contacts']);
    await looks('admin-07-certificate');
    await s.byTestId('certificate-close').click();
  });

  it('reads the Art. 30 record', async () => {
    await s.open('records');
    await s.byTestId('art30-view').waitFor();
    const record = await inWords('art30-view');
    expect(record).toMatch(/Records of processing activities/);
    expect(record).toMatch(/Analytical Engines Ltd/);
    expect(record).toMatch(/Work addresses/);
    expect(record).toMatch(/Legitimate interests/i);
    expect(record).toMatch(/HubSpot Europe/);
    await expect.poll(() => s.byTestId('disclosure-row').count()).toBe(1);
    await looks('admin-08-art30');
  });

  it('filters the audit log and reads it in words', async () => {
    await s.open('audit');
    await s.byTestId('verify-audit').click();
    await expect.poll(() => s.byTestId('audit-result').getAttribute('data-ok')).toBe('true');
    await s.byTestId('audit-filter-action').selectOption('destruction-run');
    await expect.poll(() => text('audit-count')).toBe('Entries 1–1 of 1');
    const run = await text('audit-row');
    expect(run).toMatch(/Adam Admin\s+Ran the destruction of due contacts\s+✓ Done/);
    // An entry's details hold ids (the log keeps no names): each is a button that copies it, not text to read.
    await inWords();
    expect(await s.byTestId('audit-row').getByTestId('copy-id').first().getAttribute('aria-label')).toBe('Copy id of the certificate');
    await looks('admin-09-audit-destruction');

    // Who imported, and when: the importer's commit, by name.
    await s.byTestId('audit-filter-action').selectOption('import-commit');
    await s.byTestId('audit-filter-member').selectOption({ label: 'Ivy Importer' });
    await expect.poll(() => text('audit-count')).toBe('Entries 1–1 of 1');
    expect(await text('audit-row')).toMatch(/Ivy Importer\s+Imported a file/);
    await inWords();
    await looks('admin-10-audit-import');
  });
});
