// One benchmark process for one file: a bare papaparse parse of the file and `inspect` of the same file, run in
// turn in this same process, so their ratio holds when the machine's speed drifts. Prints one JSON line.
//   node bench/measure.js FILE [ROUNDS]
// With --rss-only it runs inspect once and reports this process's peak resident memory instead.
import { inspectExport } from '../dist/report/inspect.js';
import { bareParse, median, time } from './timing.js';

const [file, roundsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rssOnly = process.argv.includes('--rss-only');
if (!file) {
  process.stderr.write('usage: node bench/measure.js FILE [ROUNDS] [--rss-only]\n');
  process.exit(64);
}

if (rssOnly) {
  const { ms, value } = await time(() => inspectExport(file));
  const result = { records: value.records, findings: value.findings.length, ms, peakRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const rounds = Number(roundsArg ?? 3);
  const parse = [];
  const inspect = [];
  const ratios = [];
  let records = 0;
  await bareParse(file); // warm-up: JIT and page cache
  await inspectExport(file);
  for (let i = 0; i < rounds; i++) {
    const p = await time(() => bareParse(file));
    const r = await time(() => inspectExport(file));
    records = r.value.records;
    parse.push(p.ms);
    inspect.push(r.ms);
    ratios.push(r.ms / p.ms);
  }
  const result = {
    records,
    bareParseMs: median(parse),
    inspectMs: median(inspect),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    recordsPerSecond: Math.round(records / (median(inspect) / 1000)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
