// `npm run bench`: generates 30,000- and 1,000,000-row exports (kept in bench/out/ between runs) and reports
// - inspect: records per second, its time as a ratio to a bare papaparse parse of the same file in the same
//   process, and the peak resident memory of a process that only runs inspect;
// - commit into a fresh vault (read, classify, minimise, encrypt, store): the same ratio, and peak memory;
// - destroying 100,000 due contacts out of 1,000,000, against a bare DELETE + TRUNCATE checkpoint, file sizes;
// - every operation between import and destruction on a prepared vault of 30,000 and 1,000,000 contacts, each in its
//   own process: time and peak memory (bench/measure-ops.js);
// - opening Contacts on the 30,000-contact vault in Chromium, end to end (click to first page shown), then Next and a
//   search (bench/measure-contacts-screen.js: the browser suite's harness, the renderer built into dist-renderer-bench/);
// - unlock time with the default passphrase KDF;
// - the Art. 9/10 hints, phone numbers and emails found in the hand-labelled and held-out sets (bench/hint-quality.js).
// Figures, not a pass/fail test: the machine is shared, so read the ratios, measured side by side.
// `npm run bench -- --quick` skips the million-row commit, operations and destruction, which take minutes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeExport } from './generate-export.js';

const here = import.meta.dirname;
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const quick = process.argv.includes('--quick');

/** @param {string} script @param {string[]} args */
function run(script, args, env = {}) {
  process.stderr.write(`  ${script} ${args.map((a) => a.replace(out, 'bench/out')).join(' ')}\n`);
  const stdout = execFileSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, ...env } });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/** @param {number} rows */
async function exportOf(rows) {
  const file = join(out, `connections-${rows}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${rows} rows…\n`);
    await writeExport(file, { rows, seed: 7 });
  }
  return file;
}

const ratio = (/** @type {any} */ m) => `${m.ratio.toFixed(2)} (${m.ratioMin.toFixed(2)}–${m.ratioMax.toFixed(2)})`;
const inspectRows = [];
const commitRows = [];
for (const rows of [30_000, 1_000_000]) {
  const file = await exportOf(rows);
  process.stderr.write(`measuring ${rows} rows…\n`);
  const speed = run('measure.js', [file, rows > 100_000 ? '3' : '7']);
  const memory = run('measure.js', [file, '--rss-only']);
  inspectRows.push({ rows, 'records/s': speed.recordsPerSecond, 'bare parse ms': Math.round(speed.bareParseMs), 'inspect ms': Math.round(speed.inspectMs), 'inspect / parse': ratio(speed), 'peak RSS MB': Math.round(memory.peakRssMB) });
  if (rows <= 100_000) {
    const commit = run('measure-commit.js', [file, '3']);
    commitRows.push({ rows, 'records/s': commit.recordsPerSecond, 'bare parse ms': Math.round(commit.bareParseMs), 'commit ms': Math.round(commit.commitMs), 'commit / parse': ratio(commit), 'peak RSS MB': '' });
  } else if (!quick) {
    const commit = run('measure-commit.js', [file, '--rss-only']);
    commitRows.push({ rows, 'records/s': Math.round(commit.records / (commit.ms / 1000)), 'bare parse ms': '', 'commit ms': Math.round(commit.ms), 'commit / parse': '', 'peak RSS MB': Math.round(commit.peakRssMB) });
  }
}
// Every operation between import and destruction, each in its own process on a copy of one prepared vault.
const OPS = ['first-page', 'search', 'group-add', 'retention-change', 'crm-export', 'subject-access', 'erase-one', 'purge-10'];
const opRows = [];
for (const rows of quick ? [30_000] : [30_000, 1_000_000]) {
  const vault = join(out, `ops-${rows}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(vault + suffix, { force: true });
  process.stderr.write(`preparing a vault of ${rows} contacts…\n`);
  const setup = run('measure-ops.js', ['prepare', await exportOf(rows), vault]);
  opRows.push({ rows, operation: 'commit (import into a new vault)', ms: Math.round(setup.commitMs), 'peak RSS MB': Math.round(setup.peakRssMB), 'ratio to a bare reference': `${setup.ratio.toFixed(1)} × the bare parse` });
  for (const op of OPS) {
    const m = run('measure-ops.js', [op, vault], { BENCH_SETUP: JSON.stringify(setup) });
    const extra = op === 'search' ? `first ${Math.round(m.firstSearchMs)} ms (builds the index), then ${Math.round(m.nextSearchMs)} ms` : '';
    opRows.push({ rows, operation: op, ms: Math.round(m.ms), 'peak RSS MB': Math.round(m.peakRssMB), 'ratio to a bare reference': extra });
  }
  if (rows === 30_000) {
    // The same vault opened in the Contacts screen, in Chromium (a copy per run): median of 5 runs, and the range.
    const range = (/** @type {any} */ s) => `median of 5 (${Math.round(s.minMs)}–${Math.round(s.maxMs)} ms)`;
    try {
      const screen = run('measure-contacts-screen.js', [vault, '5']);
      opRows.push({ rows, operation: 'Contacts screen: open (click → first page shown)', ms: Math.round(screen.open.medianMs), 'peak RSS MB': '', 'ratio to a bare reference': `${range(screen.open)}; groups.list ${Math.round(screen.open.medianGroupsListCoreMs)} ms in the core` });
      opRows.push({ rows, operation: 'Contacts screen: Next', ms: Math.round(screen.next.medianMs), 'peak RSS MB': '', 'ratio to a bare reference': range(screen.next) });
      opRows.push({ rows, operation: 'Contacts screen: first search (incl. 250 ms pause)', ms: Math.round(screen.search.medianMs), 'peak RSS MB': '', 'ratio to a bare reference': range(screen.search) });
      opRows.push({ rows, operation: 'Contacts screen: next search (incl. 250 ms pause)', ms: Math.round(screen.searchAgain.medianMs), 'peak RSS MB': '', 'ratio to a bare reference': range(screen.searchAgain) });
    } catch (err) {
      // No Chromium here (CHROMIUM_PATH, a system one, or @sparticuz/chromium on Linux x64): said, not fatal.
      opRows.push({ rows, operation: 'Contacts screen in Chromium', ms: '', 'peak RSS MB': '', 'ratio to a bare reference': `not measured: ${String(/** @type {Error} */ (err).message).split('\n')[0]}` });
    }
  }
}
const unlock = run('measure-unlock.js', ['3']);
const destroy = quick ? null : run('measure-destroy.js', ['1000000', '100000']);
const hints = run('hint-quality.js', ['--json']);
const heldOut = run('hint-quality.js', [join(here, '..', 'test', 'fixtures', 'special-category-heldout.jsonl'), '--json']);

console.log('\nInspect (targets: ≤ 1.5 × the bare parse; ≤ 256 MB for 1,000,000 rows)');
console.table(inspectRows);
console.log('\nCommit into a vault (targets: ≤ 3 × the bare parse for 30,000 rows; ≤ 300 MB for 1,000,000 rows)');
console.table(commitRows);
if (destroy) {
  console.log('\nDestruction of 100,000 due contacts out of 1,000,000 (target: ≤ 3 × a bare DELETE + TRUNCATE checkpoint)');
  console.table([{ 'purge ms': Math.round(destroy.purgeMs), 'bare DELETE + checkpoint ms': Math.round(destroy.bareMs), ratio: destroy.ratio.toFixed(2), 'file MB before': Math.round(destroy.fileMBBefore), 'file MB after purge (vacuumed)': Math.round(destroy.fileMBAfter), 'file MB after bare DELETE': Math.round(destroy.bareFileMBAfter) }]);
}
console.log('\nOperations on a vault (targets at 1,000,000 contacts: peak RSS ≤ 300 MB each; first page ≤ 200 ms; a search ≤ 2 s; group add ≤ 60 s; erasure ≤ 1 s. At 30,000: first page ≤ 50 ms, a search ≤ 100 ms; opening the Contacts screen in Chromium ≤ 1 s, end to end)');
console.table(opRows);
console.log(`\nUnlock with scrypt N=${unlock.kdf.N}, r=${unlock.kdf.r}, p=${unlock.kdf.p}: ${Math.round(unlock.unlockMs)} ms (median; ${Math.round(unlock.minMs)}–${Math.round(unlock.maxMs)})`);
console.log(
  '\nSpecial-category hints on the labelled set (targets: precision and recall ≥ 0.95 over all categories and ≥ 0.9 in ' +
    `each; phone numbers ≥ 0.95; email addresses 1.0): ${hints.items} items, ${hints.misclassified} misclassified ` +
    '(node bench/hint-quality.js --misses lists them)',
);
console.table(hints.table);
console.log(`\nThe same on the held-out set (written after the tuning; a guide to how the detector generalises): ${heldOut.items} items, ${heldOut.misclassified} misclassified`);
console.table(heldOut.table);
