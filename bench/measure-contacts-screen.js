// Issue 13's screen target: opening Contacts on a vault of 30,000 contacts in ≤ 1 s, end to end, in the browser
// suite's stand-in for Electron (test/e2e/harness.ts: a Chromium found by test/e2e/browser.ts loads the built
// renderer under the app's Content-Security-Policy, over a page binding to the real router, service, SQLite and
// crypto). Prints a small table, then one JSON line.
//   node bench/measure-contacts-screen.js [VAULT] [RUNS]
// VAULT: a vault made by `bench/measure-ops.js prepare` (member 'Bench Admin'); by default
// bench/out/contacts-screen-30000.db, prepared from bench/out/connections-30000.csv when missing (needs dist/:
// `npm run build`). RUNS: 5 by default.
// Each run unlocks a fresh copy of the vault through the unlock form in a freshly loaded page (`?vault=` names the
// file, as the desktop menu does), waits on Home until the core has been idle for half a second, then times, in the
// page's own clock (performance.now()):
// - open: from the click on the Contacts navigation button to the frame after the first page's rows are laid out in
//   the viewport, the count reads "Contacts 1–100 of N" and the results are no longer busy;
// - next: the same from the click on Next to "Contacts 101–200 of N";
// - search: from the input event of typing "nguyen" (one fill) to its first page, the first search after unlock
//   (the core builds its search index then); search again: "nguye", the index built. Both include the screen's
//   250 ms pause for typing (contacts-screen.tsx, SEARCH_PAUSE_MS).
// Beside each, the time the page's requests spent in the core (AppService.call, its queue included): the rest is
// the router's response check, the binding that stands in for Electron's IPC, React and layout.
// The renderer is built into dist-renderer-bench/ (vite.config.ts: RENDERER_OUT_DIR), and the harness bundled with
// esbuild into bench/out/, so the measurement uses the suite's own code: no copy of its serving or CSP logic.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeExport } from './generate-export.js';
import { median } from './timing.js';

const here = import.meta.dirname;
const root = join(here, '..');
const out = join(here, 'out');
const MEMBER = { name: 'Bench Admin', passphrase: 'bench passphrase long enough' }; // measure-ops.js ROOT
const PAGE = 100; // contacts-screen.tsx CONTACTS_PAGE
const SEARCH_PAUSE_MS = 250; // contacts-screen.tsx
const RENDERER_OUT_DIR = 'dist-renderer-bench';
const ORIGIN = 'http://contact-sanitizer.test'; // harness.ts

const [vaultArg, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

/** The vault to measure: the one given, else ours in bench/out/, prepared as measure-ops.js does. */
async function vaultPath() {
  if (vaultArg) return vaultArg;
  const vault = join(out, 'contacts-screen-30000.db');
  if (existsSync(vault)) return vault;
  if (!existsSync(join(root, 'dist', 'api', 'router.js'))) throw new Error('dist/ is missing: run `npm run build` first (measure-ops.js prepares the vault with the compiled core).');
  const csv = join(out, 'connections-30000.csv');
  if (!existsSync(csv)) {
    log('generating 30000 rows…');
    await writeExport(csv, { rows: 30_000, seed: 7 });
  }
  for (const suffix of ['-wal', '-shm']) rmSync(vault + suffix, { force: true });
  log('preparing a vault of 30000 contacts…');
  execFileSync(process.execPath, [join(here, 'measure-ops.js'), 'prepare', csv, vault], { stdio: ['ignore', 'ignore', 'inherit'] });
  return vault;
}

/** The renderer, built as test/setup-renderer.ts builds it, into its own folder. */
function buildRenderer() {
  log(`building the renderer into ${RENDERER_OUT_DIR}/…`);
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, RENDERER_OUT_DIR },
  });
}

/** test/e2e/harness.ts (and browser.ts, the core from src/) as one ES module in bench/out/, packages left external. */
async function harness() {
  const file = join(out, 'contacts-screen-harness.mjs');
  // bench/out/ is as deep as test/e2e/, so the harness's ROOT (two folders up) is still the checkout.
  await build({ entryPoints: [join(root, 'test', 'e2e', 'harness.ts')], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  process.env.RENDERER_OUT_DIR = RENDERER_OUT_DIR;
  return /** @type {typeof import('../test/e2e/harness.js')} */ (await import(pathToFileURL(file).href));
}

/**
 * Runs in the page: waits for `spec.start` (a click or an input event, listened to on the document before React sees
 * it), then for the results to be shown (count text matching, not busy, a row laid out in the viewport; with
 * `needBusy`, only after the results went busy, i.e. after the screen took the new request up), then for the next
 * frame. Leaves the answer on window.__probe.
 * @param {{ start: string, count: string, needBusy: boolean }} spec
 */
function installProbe(spec) {
  const w = /** @type {any} */ (globalThis);
  const count = new RegExp(spec.count);
  w.__probe = new Promise((resolve, reject) => {
    /** @type {number | null} */
    let t0 = null;
    let sawBusy = false;
    let done = false;
    const q = (/** @type {string} */ id, within = w.document) => within.querySelector(`[data-testid="${id}"]`);
    const check = () => {
      if (done || t0 === null) return;
      const results = q('contacts-results');
      const busy = results?.getAttribute('aria-busy');
      if (busy === 'true') sawBusy = true;
      if (spec.needBusy && !sawBusy) return;
      const text = q('contacts-count')?.textContent ?? '';
      const box = results ? q('contact-row', results)?.getBoundingClientRect() : undefined;
      if (busy !== 'false' || !count.test(text) || !box || box.height === 0 || box.top >= w.innerHeight) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const inDom = w.performance.now();
      // The frame that shows them: after the next animation frame's paint.
      w.requestAnimationFrame(() => {
        const channel = new w.MessageChannel();
        channel.port1.onmessage = () => {
          const end = w.performance.now();
          resolve({ ms: end - /** @type {number} */ (t0), domMs: inDom - /** @type {number} */ (t0), text, rows: results.querySelectorAll('[data-testid="contact-row"]').length });
        };
        channel.port2.postMessage(null);
      });
    };
    const observer = new w.MutationObserver(check);
    observer.observe(w.document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    w.document.addEventListener(
      spec.start,
      () => {
        t0 = w.performance.now();
        check();
      },
      { capture: true, once: true },
    );
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not shown within 120 s: the count reads "${q('contacts-count')?.textContent}"`));
    }, 120_000);
  });
}

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fmt = (/** @type {number} */ n) => n.toLocaleString('en-GB');

const vault = await vaultPath();
buildRenderer();
const { startApp } = await harness();
const info = console.info;
console.info = (...args) => log(args.join(' ')); // the harness names its Chromium on stdout; ours is the JSON line
const app = await startApp();
console.info = info;
const { page } = app;
page.setDefaultTimeout(120_000);

// The time the page's requests spent in the core, by channel, since the last reset; and whether it is busy.
/** @type {{ channel: string, ms: number }[]} */
let coreCalls = [];
let inFlight = 0;
let lastAnswer = performance.now();
const serviceCall = app.service.call.bind(app.service);
app.service.call = /** @type {typeof serviceCall} */ (
  async (channel, payload, progress) => {
    const start = performance.now();
    inFlight++;
    try {
      return await serviceCall(channel, payload, progress);
    } finally {
      inFlight--;
      lastAnswer = performance.now();
      coreCalls.push({ channel, ms: performance.now() - start });
    }
  }
);
/** Until the page has asked the core nothing for `quietMs` (what Home loads after the unlock is not measured). */
async function settle(quietMs = 500) {
  while (inFlight > 0 || performance.now() - lastAnswer < quietMs) await new Promise((r) => setTimeout(r, 50));
}
const coreMs = (/** @type {string} */ channel) => coreCalls.filter((c) => c.channel === channel).reduce((sum, c) => sum + c.ms, 0);

/** Time one step: the probe in the page, then `act` (which fires `start`), then the probe's answer. */
async function step(/** @type {{ start: string, count: string, needBusy?: boolean }} */ spec, /** @type {() => Promise<void>} */ act) {
  await page.evaluate(installProbe, { needBusy: false, ...spec });
  coreCalls = [];
  await act();
  const shown = /** @type {{ ms: number, domMs: number, text: string, rows: number }} */ (await page.evaluate('window.__probe'));
  return { ...shown, contactsListCoreMs: coreMs('contacts.list'), groupsListCoreMs: coreMs('groups.list') };
}

/** @type {Record<'open' | 'next' | 'search' | 'searchAgain', Awaited<ReturnType<typeof step>>[]>} */
const results = { open: [], next: [], search: [], searchAgain: [] };
let total = 0;
let found = 0;
try {
  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'cs-screen-'));
    try {
      const path = join(dir, 'vault.db');
      copyFileSync(vault, path);
      for (const s of ['-wal', '-shm']) if (existsSync(vault + s)) copyFileSync(vault + s, path + s);
      // A fresh page at the unlock form, and an unlock as a user does it.
      await page.goto(`${ORIGIN}/index.html?vault=${encodeURIComponent(path)}`);
      await page.getByTestId('passphrase').waitFor();
      await page.getByTestId('vault-path').fill(path);
      await page.getByTestId('member-name').fill(MEMBER.name);
      await page.getByTestId('passphrase').fill(MEMBER.passphrase);
      await page.getByTestId('unlock-button').click();
      await page.getByTestId('nav-contacts').waitFor();
      await settle();

      const any = `^Contacts 1–${PAGE} of [\\d,]+$`;
      const open = await step({ start: 'click', count: any }, () => page.getByTestId('nav-contacts').click());
      total = Number(open.text.replace(/.* of /, '').replace(/,/g, ''));
      const next = await step({ start: 'click', count: `^${escape(`Contacts ${PAGE + 1}–${2 * PAGE} of ${fmt(total)}`)}$` }, () => page.getByTestId('contacts-next').click());
      const search = await step({ start: 'input', count: `^Contacts 1–\\d+ of [\\d,]+$`, needBusy: true }, () => page.getByTestId('contacts-search').fill('nguyen'));
      const searchAgain = await step({ start: 'input', count: `^Contacts 1–\\d+ of [\\d,]+$`, needBusy: true }, () => page.getByTestId('contacts-search').fill('nguye'));
      // What was shown is the core's own count (asked after the timing, so it warms nothing measured).
      const whole = (await serviceCall('contacts.list', { limit: 1 })).total;
      found = (await serviceCall('contacts.list', { search: 'nguyen', limit: 1 })).total;
      if (total !== whole) throw new Error(`the screen showed ${open.text}, the core counts ${whole}`);
      if (!search.text.endsWith(` of ${fmt(found)}`)) throw new Error(`the search showed "${search.text}", the core finds ${found}`);
      results.open.push(open);
      results.next.push(next);
      results.search.push(search);
      results.searchAgain.push(searchAgain);
      log(`  run ${run}/${runs}: open ${Math.round(open.ms)} ms (core: groups.list ${Math.round(open.groupsListCoreMs)} ms, contacts.list ${Math.round(open.contactsListCoreMs)} ms), next ${Math.round(next.ms)} ms, search ${Math.round(search.ms)} ms, again ${Math.round(searchAgain.ms)} ms`);
      await serviceCall('vault.lock', {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} catch (err) {
  // What the page showed and said, for the reader of a failed run.
  const shot = join(out, 'contacts-screen-failure.png');
  await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
  log(`the page reported: ${app.problems.join('; ') || 'nothing'}; its screenshot: ${shot}`);
  throw err;
} finally {
  await app.close();
}

const summary = (/** @type {Awaited<ReturnType<typeof step>>[]} */ xs) => {
  const ms = xs.map((x) => x.ms);
  return {
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    medianDomMs: median(xs.map((x) => x.domMs)),
    medianContactsListCoreMs: median(xs.map((x) => x.contactsListCoreMs)),
    medianGroupsListCoreMs: median(xs.map((x) => x.groupsListCoreMs)),
    rowsInDom: Math.max(...xs.map((x) => x.rows)),
  };
};
const figures = {
  contacts: total,
  runs,
  chromium: app.browser.version?.() ?? '',
  browserSource: app.found.source,
  open: summary(results.open),
  next: summary(results.next),
  search: { ...summary(results.search), term: 'nguyen', found, includesPauseMs: SEARCH_PAUSE_MS },
  searchAgain: { ...summary(results.searchAgain), term: 'nguye', includesPauseMs: SEARCH_PAUSE_MS },
  problems: app.problems,
  loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
};
const row = (/** @type {string} */ step, /** @type {ReturnType<typeof summary>} */ s) => ({
  step,
  'ms (median)': Math.round(s.medianMs),
  'min–max': `${Math.round(s.minMs)}–${Math.round(s.maxMs)}`,
  'contacts.list in the core': Math.round(s.medianContactsListCoreMs),
  'groups.list in the core': Math.round(s.medianGroupsListCoreMs),
});
console.log(`Contacts screen in Chromium ${figures.chromium} (${figures.browserSource}), ${fmt(total)} contacts, ${runs} runs; load average ${figures.loadAverage.join(' ')}`);
console.table([
  row('open Contacts (click → first page shown)', figures.open),
  row('Next page', figures.next),
  row(`first search "nguyen" (${fmt(found)} found; builds the index; incl. ${SEARCH_PAUSE_MS} ms pause)`, figures.search),
  row(`next search "nguye" (incl. ${SEARCH_PAUSE_MS} ms pause)`, figures.searchAgain),
]);
if (app.problems.length) log(`the page reported: ${app.problems.join('; ')}`);
console.log(JSON.stringify(figures));
