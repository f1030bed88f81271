// Tables that fit a 1024×700 window (design review): in the audit log no cell's words run past their cell or the
// table's box, the table is not a scroll box inside the scrolling screen, and the action filter shows its longest
// choice whole; in the PECR subscriber table no heading or type label wraps onto more than two lines, and a person's
// explanation is a line or two, not a narrow column of eight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { startApp, type App } from './harness.js';
import { steps } from './steps.js';

const tmp = scratch();
let app: App;
const s = steps(() => app);

beforeAll(async () => {
  app = await startApp({ now: () => new Date('2026-12-01T10:00:00Z') });
  app.page.setDefaultTimeout(15_000);
  await s.signIn(tmp.path('tables.vault'));
  // An import writes an entry with the longest details: its id and the file's SHA-256.
  await app.service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
  await app.page.reload();
  await s.byTestId('session').waitFor();
  await app.page.setViewportSize({ width: 1024, height: 700 });
}, 90_000);
afterAll(async () => {
  await app?.close();
});

// Run in the page (a string: the tests are compiled without the DOM library). How many lines an element's words
// take: the distinct tops of the boxes of its text, half a line apart.
const LINES = `(el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const half = parseFloat(getComputedStyle(el).fontSize) / 2;
  const tops = [];
  for (const r of range.getClientRects()) {
    if (r.width === 0 || r.height === 0) continue;
    if (!tops.some((t) => Math.abs(t - r.top) < half)) tops.push(r.top);
  }
  return tops.length;
}`;

/** What in the audit table does not fit at this size, in words (empty: all fits). */
const AUDIT_MISFITS = `(() => {
  const misfits = [];
  const main = document.querySelector('main');
  const table = document.querySelector('[data-testid="audit-table"]');
  const box = table.parentElement.getBoundingClientRect();
  const tableBox = table.getBoundingClientRect();
  if (tableBox.right > box.right + 0.5) misfits.push('the table is ' + Math.round(tableBox.right - box.right) + ' px wider than its box');
  if (main.scrollWidth > main.clientWidth) misfits.push('the screen scrolls sideways');
  for (const cell of table.querySelectorAll('th, td')) {
    const edge = cell.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(cell);
    const words = range.getBoundingClientRect();
    const what = (cell.textContent || '').trim().slice(0, 40);
    if (words.width > 0 && words.right > edge.right + 0.5) misfits.push('"' + what + '" runs ' + Math.round(words.right - edge.right) + ' px past its cell');
    if (cell.scrollWidth > cell.clientWidth + 1) misfits.push('"' + what + '" is wider than its cell');
    if (edge.right > box.right + 0.5) misfits.push('"' + what + '" is past the table’s box');
  }
  // The screen scrolls: no box between it and the table scrolls up and down as well.
  for (let el = table.parentElement; el && el !== main; el = el.parentElement) {
    const y = getComputedStyle(el).overflowY;
    if ((y === 'auto' || y === 'scroll') && el.scrollHeight > el.clientHeight + 1) misfits.push('the table scrolls in a box of its own inside the screen');
  }
  // The action filter shows its longest choice whole (the arrow takes about 1.5rem).
  const select = document.querySelector('[data-testid="audit-filter-action"]');
  const style = getComputedStyle(select);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = style.font;
  const widest = Math.max(...Array.from(select.options).map((o) => ctx.measureText(o.text).width));
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
  if (widest > room) misfits.push('the action filter cuts its longest choice (' + Math.round(widest) + ' px in ' + Math.round(room) + ')');
  return misfits;
})()`;

/** Each heading and type label of the subscriber table that takes more than two lines, and each explanation that
 * takes more than two. */
const SUBSCRIBER_MISFITS = `(() => {
  const lines = ${LINES};
  const table = document.querySelector('[data-testid="subscribers-table"]');
  const misfits = [];
  const labels = [
    ...table.querySelectorAll('thead th'),
    ...table.querySelectorAll('[data-testid="subscriber-suggested"], [data-testid="subscriber-confirmed"], [data-testid="subscriber-treated"], [data-testid="subscriber-soft-opt-in"]'),
  ];
  for (const el of labels) if (lines(el) > 2) misfits.push('"' + el.textContent.trim() + '" takes ' + lines(el) + ' lines');
  for (const el of table.querySelectorAll('.notices-reason')) if (lines(el) > 2) misfits.push('the explanation "' + el.textContent.trim().slice(0, 30) + '…" takes ' + lines(el) + ' lines');
  return misfits;
})()`;

describe('tables that fit 1024×700', { timeout: 60_000 }, () => {
  it('the audit log: every cell’s words inside their cell and the table’s box, one scrolling area, the filter whole', async () => {
    await s.open('audit');
    await s.byTestId('audit-table').waitFor();
    await expect.poll(() => app.page.getByTestId('audit-row').filter({ hasText: 'Imported a file' }).count()).toBe(1);
    expect(await app.page.evaluate(AUDIT_MISFITS)).toEqual([]);
    // The same with only the import's entry, its details the longest.
    await s.byTestId('audit-filter-action').selectOption('import-commit');
    await expect.poll(() => s.byTestId('audit-count').textContent()).toMatch(/^Entries 1–1 of 1$/);
    expect(await app.page.evaluate(AUDIT_MISFITS)).toEqual([]);
    await s.accessible('tables-fit-audit-import-1024');
    await s.byTestId('audit-filter-action').selectOption('');
    await expect.poll(() => app.page.getByTestId('audit-row').count()).toBeGreaterThan(1);
    await s.accessible('tables-fit-audit-1024');
  });

  it('the subscriber types: no heading or type label over more than two lines, each explanation a line or two', async () => {
    await s.open('notices');
    await expect.poll(() => app.page.getByTestId('subscriber-row').count()).toBeGreaterThan(5);
    expect(await app.page.evaluate(SUBSCRIBER_MISFITS)).toEqual([]);
    await s.accessible('tables-fit-subscribers-1024');
    expect(app.problems).toEqual([]);
  });
});
