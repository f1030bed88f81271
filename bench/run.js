// `npm run bench`: generates 30,000- and 1,000,000-row exports (kept in bench/out/ between runs) and reports, for
// each, inspect's records per second, its time as a ratio to a bare papaparse parse of the same file in the same
// process, and the peak resident memory of a process that only runs inspect. Figures, not a pass/fail test:
// the machine is shared, so read the ratios, measured side by side, rather than the absolute times.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeExport } from './generate-export.js';

const here = import.meta.dirname;
const out = join(here, 'out');
mkdirSync(out, { recursive: true });

const sizes = [
  { rows: 30_000, rounds: 7 },
  { rows: 1_000_000, rounds: 3 },
];

/** @param {string[]} args */
function measure(args) {
  const stdout = execFileSync(process.execPath, [join(here, 'measure.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

const rows = [];
for (const { rows: n, rounds } of sizes) {
  const file = join(out, `connections-${n}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${n} rows…\n`);
    await writeExport(file, { rows: n, seed: 7 });
  }
  process.stderr.write(`measuring ${n} rows…\n`);
  const speed = measure([file, String(rounds)]);
  const memory = measure([file, '--rss-only']);
  rows.push({
    rows: n,
    'records/s': speed.recordsPerSecond,
    'bare parse ms': Math.round(speed.bareParseMs),
    'inspect ms': Math.round(speed.inspectMs),
    'inspect / parse': `${speed.ratio.toFixed(2)} (${speed.ratioMin.toFixed(2)}–${speed.ratioMax.toFixed(2)})`,
    'peak RSS MB': Math.round(memory.peakRssMB),
  });
}
console.table(rows);
console.log('Targets: inspect / parse ≤ 1.5; peak RSS for 1,000,000 rows ≤ 256 MB.');
