// Look and feel (issue 14): every screen a member with all three roles can open, in the light and the dark theme
// (following the OS: emulated here) and at 1024×700 and 1920×1080, with axe-core finding no violation of any
// severity, contrast included, and no vocabulary key where a person reads; one screenshot each under test-results/e2e/looks-*. Also: a message belongs to its
// screen (opening another clears it) and can be dismissed; the contact's detail opens as a drawer at 1024 px
// without squeezing the table, and closes on Escape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../renderer/lib/nav.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
/** Screens that show an id as text (none: an id a person may need is a button that copies it, components/copy-id.tsx). */
const IDS_SHOWN = new Set<string>([]);
let app: App;
const s = steps(() => app);
const SIZES = [
  { name: '1024', width: 1024, height: 700 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

beforeAll(async () => {
  app = await startApp({ now: () => new Date('2026-11-29T10:00:00Z') });
  app.page.setDefaultTimeout(15_000);
  await s.signIn(tmp.path('looks.vault'));
  await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
  const group = await app.service.call('groups.add', { label: 'Acme people', rule: { type: 'company', companies: ['Acme Ltd'] }, confirm: true });
  await app.service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
  await app.page.reload();
  await s.byTestId('session').waitFor();
}, 90_000);
afterAll(async () => {
  await app?.page.emulateMedia({ colorScheme: null });
  await app?.close();
});

describe('every screen, light and dark, small and large', { timeout: 120_000 }, () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      it(`${theme} at ${size.width}×${size.height}`, async () => {
        await app.page.emulateMedia({ colorScheme: theme });
        await app.page.setViewportSize({ width: size.width, height: size.height });
        for (const screen of SCREENS) {
          await s.open(screen.id);
          await s.byTestId(`nav-${screen.id}`).and(app.page.locator('[aria-current="page"]')).waitFor();
          // Let the screen's first answers arrive before judging it.
          await app.page.waitForLoadState('networkidle');
          await s.accessible(`looks-${screen.id}-${theme}-${size.name}`);
          // No vocabulary key where a person reads; ids only where they are there to be copied.
          await s.inWords('app', { idsShown: IDS_SHOWN.has(screen.id) });
        }
        expect(app.problems).toEqual([]);
      });
    }
  }
});

describe('calm feedback and the contact drawer', { timeout: 60_000 }, () => {
  it('a message stays with its screen and can be dismissed', async () => {
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.page.setViewportSize({ width: 1280, height: 860 });
    await s.open('audit');
    await s.byTestId('verify-audit').click();
    await s.byTestId('audit-result').waitFor();
    // The days are date pickers: a problem speaks of the days, never of a format.
    await s.byTestId('audit-filter-from').fill('2026-11-30');
    await s.byTestId('audit-filter-to').fill('2026-11-01');
    await expect.poll(() => s.byTestId('field-error').textContent()).toMatch(/The last day is before the first/);
    await s.byTestId('audit-filter-from').fill('');
    await s.byTestId('audit-filter-to').fill('');
    await s.byTestId('audit-export-csv').click();
    await expect.poll(() => s.status()).toMatch(/Saved \d+ audit entries as CSV/);
    await s.byTestId('status-dismiss').click();
    await expect.poll(() => s.status()).toBe('');
    await s.byTestId('audit-export-json').click();
    await expect.poll(() => s.status()).toMatch(/as JSON/);
    await s.open('contacts');
    await expect.poll(() => s.status()).toBe('');
  });

  it('a message never covers the screen: not the control just used, nor a row at any scroll', async () => {
    for (const size of SIZES) {
      await app.page.setViewportSize({ width: size.width, height: size.height });
      await s.open('audit');
      // The button used is at the foot of the window when the message comes (the worst place for a bar over it).
      const used = s.byTestId('audit-export-json');
      await used.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await used.click();
      await expect.poll(() => s.status()).toMatch(/as JSON/);
      const bar = (await app.page.locator('.status-bar').boundingBox())!;
      const main = (await app.page.locator('main').boundingBox())!;
      // The message has its own row: the screen's scrolling area ends where it begins.
      expect(main.y + main.height, `${size.name}: the screen ends above the message`).toBeLessThanOrEqual(bar.y + 0.5);
      // What is on screen at the used button's place is the button itself, not the message.
      const box = (await used.boundingBox())!;
      const hit = await app.page.evaluate(([x, y]) => {
        const el = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null } }).document.elementFromPoint(x!, y!);
        return el?.closest('[data-testid="audit-export-json"]') != null;
      }, [box.x + box.width / 2, Math.min(box.y + box.height / 2, main.y + main.height - 1)]);
      expect(hit, `${size.name}: the button just used is still there to see and press`).toBe(true);
      // Scrolled to its end, the screen's last row is above the message too.
      await app.page.locator('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      const lastBottom = await app.page.locator('main').evaluate((el) => el.lastElementChild!.lastElementChild!.getBoundingClientRect().bottom);
      expect(lastBottom).toBeLessThanOrEqual(bar.y + 0.5);
      await s.byTestId('status-dismiss').click();
    }
  });

  it('visiting a screen and paging its list writes one entry a read, not one a page; the log reads in words', async () => {
    await app.page.setViewportSize({ width: 1280, height: 860 });
    const before = (await app.service.call('audit.verify', {})).entries;
    await s.open('audit');
    await s.byTestId('audit-table').waitFor();
    // Each Next is judged after the page it asked for has arrived (its first entry is another): judged before, a Next
    // still enabled from the page before could be pressed on the last page, where it never becomes enabled again.
    const firstEntry = () => app.page.locator('[data-testid="audit-row"] th').first().textContent();
    await expect.poll(firstEntry).toMatch(/^\d+$/);
    for (let i = 0; i < 3 && (await s.byTestId('audit-next').getAttribute('aria-disabled')) === 'false'; i++) {
      const shown = await firstEntry();
      await s.byTestId('audit-next').click();
      await expect.poll(firstEntry).not.toBe(shown);
    }
    const after = (await app.service.call('audit.verify', {})).entries;
    // audit.verify itself (twice), the members and groups lists (names for the log's ids) and one reading of the log,
    // however many pages were read.
    expect(after - before).toBeLessThanOrEqual(5);
    // Newest first by default; the order can be turned.
    const firstTwo = async () => (await app.page.locator('[data-testid="audit-row"] th').allTextContents()).slice(0, 2).map(Number);
    await expect.poll(async () => {
      const [a, b] = await firstTwo();
      return a! > b!;
    }).toBe(true);
    await s.byTestId('audit-order').selectOption('oldest');
    await expect.poll(async () => (await firstTwo())[0]).toBe(1);
    await s.byTestId('audit-filter-action').selectOption('import-commit');
    await expect.poll(() => s.byTestId('audit-count').textContent()).toMatch(/^Entries 1–1 of 1$/);
    const cells = await app.page.locator('[data-testid="audit-row"] td').allTextContents();
    expect(cells.join(' ')).toContain('Imported a file');
    expect(cells.join(' ')).not.toMatch(/import-commit|\bsuccess\b/);
  });

  it('at 1024 and 1280 px Company and Position stay readable; the contact opens as a drawer that leaves them be; Escape closes it', async () => {
    for (const width of [1280, 1024]) {
      await app.page.setViewportSize({ width, height: 700 });
      await s.open('contacts');
      await s.byTestId('contacts-table').waitFor();
      for (const name of ['Company', 'Position']) expect((await app.page.getByRole('columnheader', { name }).boundingBox())!.width, `${name} at ${width}`).toBeGreaterThan(100);
    }
    const company = app.page.getByRole('columnheader', { name: 'Company' });
    const before = (await company.boundingBox())!.width;
    await app.page.getByTestId('contact-row').first().click();
    await s.byTestId('contact-detail').waitFor();
    expect((await company.boundingBox())!.width).toBe(before);
    await expect.poll(() => s.byTestId('detail-expires').textContent()).toMatch(/^(on |not while|no date)/);
    expect(await s.byTestId('contact-detail').textContent()).toContain('Due for destruction');
    expect(await s.byTestId('contact-detail').textContent()).not.toContain('Destroyed on');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => s.byTestId('contact-detail').count()).toBe(0);
  });
});
