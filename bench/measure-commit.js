// One benchmark process for committing an export into a fresh vault: a bare papaparse parse of the file and the
// commit (read, classify, minimise, encrypt, store, in one transaction) run in turn in this same process.
// Prints one JSON line.    node bench/measure-commit.js FILE [ROUNDS] [--rss-only]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vault } from '../dist/vault/vault.js';
import { commitImport } from '../dist/app/use-cases/commit-import.js';
import { bareParse, median, time } from './timing.js';

const [file, roundsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: node bench/measure-commit.js FILE [ROUNDS] [--rss-only]\n');
  process.exit(64);
}
const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
// The passphrase KDF is not what is measured here (see bench/measure-unlock.js): a light one keeps setup short.
const kdf = { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true };
let n = 0;

async function commit() {
  const { vault, session } = await Vault.create(join(dir, `v${n++}.db`), { name: 'Bench', passphrase: 'bench passphrase long' }, { kdf });
  try {
    return await commitImport(session, file, {});
  } finally {
    vault.close();
  }
}

try {
  if (process.argv.includes('--rss-only')) {
    const { ms, value } = await time(commit);
    process.stdout.write(`${JSON.stringify({ records: value.records, added: value.added, ms, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
  } else {
    const rounds = Number(roundsArg ?? 3);
    const ratios = [];
    const parse = [];
    const commits = [];
    let records = 0;
    await bareParse(file);
    await commit();
    for (let i = 0; i < rounds; i++) {
      const p = await time(() => bareParse(file));
      const c = await time(commit);
      records = c.value.records;
      parse.push(p.ms);
      commits.push(c.ms);
      ratios.push(c.ms / p.ms);
    }
    process.stdout.write(
      `${JSON.stringify({ records, bareParseMs: median(parse), commitMs: median(commits), ratio: median(ratios), ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios), recordsPerSecond: Math.round(records / (median(commits) / 1000)) })}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
