// The Contacts table at 1024×700 and 1280 wide (issue 14): every column header ends inside the window and the
// table's region does not scroll sideways, with the contact's drawer shut and open; Company and Position keep more
// than 100 px. A long value is cut short in its cell and read whole in the drawer, which the keyboard opens too.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
let app: App;
const s = steps(() => app);
const COMPANY = 'International Consolidated Holdings of Analytical and Difference Engines Ltd';
const POSITION = 'Principal Programme Manager, Responsible Data Stewardship and Retention Engineering';
const HEADERS = ['Name', 'Company', 'Position', 'Group', 'Status', 'Due for destruction'];

beforeAll(async () => {
  app = await startApp({ now: () => new Date('2026-11-29T10:00:00Z') });
  app.page.setDefaultTimeout(15_000);
  await s.signIn(tmp.path('layout.vault'));
  const csv = tmp.path('connections.csv');
  writeFileSync(
    csv,
    [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      `Charles,Babbage,https://www.linkedin.com/in/charles-babbage,charles@engines.example,"${COMPANY}","${POSITION}",26 Dec 2019`,
      'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@gmail.com,Analytical Engines,Head of Computation,10 Dec 2019',
      'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,Navy,Rear Admiral,9 Dec 2020',
      // Enough rows for the table to scroll, so its scroll bar takes its width too.
      ...Array.from({ length: 60 }, (_, i) => `Person,Number ${i},https://www.linkedin.com/in/person-${i},person${i}@example.org,Firm ${i},Analyst,1 Jan 2021`),
    ].join('\n'),
  );
  await app.service.call('import.commit', { path: csv, choices: {} });
  const group = await app.service.call('groups.add', { label: 'Engine builders of the nineteenth century', rule: { type: 'company', companies: [COMPANY] }, confirm: true });
  await app.service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
  await app.page.reload();
  await s.byTestId('session').waitFor();
}, 90_000);
afterAll(async () => {
  await app?.close();
});

/** Where each column header ends, the window's width, and how far the table's region and the page scroll sideways. */
async function measure() {
  const table = s.byTestId('contacts-table');
  expect(await table.getByRole('columnheader').allTextContents()).toEqual(HEADERS);
  const headers: Record<string, { left: number; right: number; width: number }> = {};
  for (const name of HEADERS) {
    const box = (await table.getByRole('columnheader', { name, exact: true }).boundingBox())!;
    headers[name] = { left: box.x, right: box.x + box.width, width: box.width };
  }
  const region = await table.evaluate((el) => {
    const viewport = el.parentElement!;
    // The screen scrolls in its own area (styles.css, .app-main), so sideways scrolling would show there.
    const main = el.ownerDocument.querySelector('main')!;
    const doc = el.ownerDocument.documentElement;
    return {
      regionRight: viewport.getBoundingClientRect().right,
      sideways: viewport.scrollWidth - viewport.clientWidth,
      scrollLeft: viewport.scrollLeft,
      pageSideways: Math.max(doc.scrollWidth - doc.clientWidth, main.scrollWidth - main.clientWidth),
      // Headers, statuses and dates are never cut short (the last two columns of every row).
      clipped: [...el.querySelectorAll('th'), ...[...el.querySelectorAll('tr[data-row-index]')].flatMap((tr) => [...tr.children].slice(-2))]
        .filter((cell) => cell.scrollWidth > cell.clientWidth)
        .map((cell) => cell.textContent),
      windowWidth: doc.clientWidth,
    };
  });
  return { headers, ...region };
}

function expectAllInView(m: Awaited<ReturnType<typeof measure>>, what: string): void {
  expect(m.sideways, `${what}: the table region scrolls sideways`).toBeLessThanOrEqual(0);
  expect(m.scrollLeft, what).toBe(0);
  expect(m.pageSideways, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  expect(m.clipped, `${what}: cut short`).toEqual([]);
  for (const [name, box] of Object.entries(m.headers)) {
    expect(box.left, `${what}: ${name} starts in the window`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${what}: ${name} ends in the window`).toBeLessThanOrEqual(Math.min(m.windowWidth, m.regionRight) + 0.5);
  }
  for (const name of ['Company', 'Position']) expect(m.headers[name]!.width, `${what}: ${name}`).toBeGreaterThan(100);
}

describe('the Contacts table fits the window', { timeout: 90_000 }, () => {
  for (const width of [1024, 1280]) {
    it(`at ${width} px every column is in view, with the drawer shut and open`, async () => {
      await app.page.setViewportSize({ width, height: 700 });
      await s.open('contacts');
      await expect.poll(() => s.byTestId('contact-row').count()).toBeGreaterThan(10);
      const region = s.byTestId('contacts-table').locator('xpath=..');
      expect(await region.evaluate((el) => el.scrollHeight > el.clientHeight), 'the table scrolls down').toBe(true);
      const shut = await measure();
      console.info(`contacts layout at ${width}: ${JSON.stringify(shut)}`);
      expectAllInView(shut, `${width}, drawer shut`);
      await s.accessible(`contacts-layout-${width}`);

      await s.byTestId('contact-row').first().getByRole('button').focus();
      await app.page.keyboard.press('Enter');
      await s.byTestId('contact-detail').waitFor();
      const open = await measure();
      expectAllInView(open, `${width}, drawer open`);
      expect(open.headers.Company!.width, 'the drawer leaves Company be').toBe(shut.headers.Company!.width);
      await app.page.keyboard.press('Escape');
      await expect.poll(() => s.byTestId('contact-detail').count()).toBe(0);

      // A long value is cut short in its cell (whole on hover) ...
      await s.byTestId('contacts-search').fill('Babbage');
      await expect.poll(() => s.byTestId('contact-row').count()).toBe(1);
      const babbage = s.byTestId('contact-row').filter({ hasText: 'Charles Babbage' });
      const companyCell = babbage.locator('td').nth(1);
      expect(await companyCell.evaluate((td) => td.scrollWidth > td.clientWidth)).toBe(true);
      expect(await companyCell.locator('[title]').getAttribute('title')).toBe(COMPANY);

      // ... and whole in the drawer, opened from the keyboard.
      await babbage.getByRole('button').focus();
      await app.page.keyboard.press('Enter');
      await s.byTestId('contact-detail').waitFor();
      const detail = (await s.byTestId('contact-detail').textContent())!;
      expect(detail).toContain(COMPANY);
      expect(detail).toContain(POSITION);
      expect(detail).toContain('Engine builders of the nineteenth century');
      expect(detail).toContain('Work (corporate)'); // the email kind, which the table leaves to the details
      expectAllInView(await measure(), `${width}, drawer open on a long row`);
      await s.accessible(`contacts-layout-${width}-drawer`);
      await app.page.keyboard.press('Escape');
      await expect.poll(() => s.byTestId('contact-detail').count()).toBe(0);
      await s.byTestId('contacts-search').fill('');
    });
  }

  it('beside the table on a wide window, the details still leave every column in view', async () => {
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await s.open('contacts');
    await s.byTestId('contact-row').first().click();
    await s.byTestId('contact-detail').waitFor();
    expectAllInView(await measure(), '1440, details beside');
    await app.page.keyboard.press('Escape');
  });
});
