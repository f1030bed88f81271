// Acceptance: a process killed in the middle of a commit leaves the vault openable, consistent and without a
// partial import. A child process (crash-commit-child.mjs, running the compiled code) commits a generated export of
// 20,000 rows and kills itself (SIGKILL) at a named point of the commit (src/vault/crash-points.ts): the
// transaction begun, every thousandth record, or just before the audit entry and COMMIT, drawn with a seeded PRNG
// from the points that one run that is not killed reached; the test then opens the vault and checks it. The
// vaults are crashed in two lanes side by side (the children are CPU-bound; the suite runs on two cores). In each
// lane every crash is followed by a rerun of the same commit on the same vault (the next run, which is killed in
// turn, and finally one that is not), and that last rerun must complete with the full import. One lane runs as
// the app does; the other with a small page cache, so that SQLite has already spilled uncommitted pages into the
// WAL when the process dies, as it would in a much larger import.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import { IMPORT_POINTS, RECORDS_PER_POINT, type ImportPoint } from '../../src/vault/crash-points.js';
import { Vault } from '../../src/vault/vault.js';
import { scratch } from '../support/fixtures.js';
import { drawKillPoints, label, pointsReached, type KillPoint } from '../support/kill-points.js';
import { seeded } from '../support/seeded.js';
import { newVault, PASSPHRASE } from '../support/vault.js';

const ROWS = 20_000;
const KILLED_RUNS = 15;
/** Page cache of each lane's children (KiB; null: SQLite's default, as the app runs). */
const LANE_CACHE_KIB = [null, 512];
const CHILD = join(import.meta.dirname, 'crash-commit-child.mjs');
const MEMBER = 'Alice Admin';

const tmp = scratch();
const live = new Set<ReturnType<typeof spawn>>();
afterAll(() => live.forEach((child) => child.kill('SIGKILL'))); // only if a failed assertion left one running
let exportPath: string;
let basePath: string;

interface ChildRun {
  /** Killed at its kill point (false: it finished). */
  killed: boolean;
  /** The points the commit reached, in order (for a killed run, the last is where it died). */
  reached: KillPoint<ImportPoint>[];
  report: { importId: string; records: number; added: number; duplicatesSkipped: number } | null;
  /** Size of the WAL left on disk right after the child died. */
  walBytes: number;
}

/** Run the child on a vault; it dies at `kill` (null: it finishes). */
function runChild(vaultPath: string, kill: KillPoint<ImportPoint> | null, cacheKib: number | null = null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, vaultPath, exportPath, ...(kill ? [kill.point, String(kill.n)] : [])], {
      env: { ...process.env, CS_MEMBER: MEMBER, CS_PASSPHRASE: PASSPHRASE, ...(cacheKib ? { CS_CACHE_KIB: String(cacheKib) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      live.delete(child);
      const walBytes = existsSync(`${vaultPath}-wal`) ? statSync(`${vaultPath}-wal`).size : 0;
      const lines = stdout.split('\n');
      const reached = pointsReached(lines, IMPORT_POINTS);
      if (signal === 'SIGKILL') return resolve({ killed: true, reached, report: null, walBytes });
      if (code !== 0) return reject(new Error(`the child failed (exit ${code}, ${signal}): ${stderr}`));
      const line = lines.find((l) => l.startsWith('{'));
      if (!line || !lines.includes('start')) return reject(new Error(`the child did not report its commit: ${stdout} ${stderr}`));
      resolve({ killed: false, reached, report: JSON.parse(line) as ChildRun['report'], walBytes });
    });
  });
}

interface VaultState {
  contacts: number;
  imports: { id: string; kind: string; added: number; contacts: number }[];
}

/** Open the vault as the app would after a crash and check that it is whole; returns what it holds. */
function checkVault(path: string, fullImport: number | null): VaultState {
  const vault = Vault.open(path);
  try {
    const db = vault.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const imports = db
      .prepare('SELECT i.id, i.kind, i.added, (SELECT count(*) FROM contacts c WHERE c.import_id = i.id) AS contacts FROM imports i ORDER BY i.id')
      .all() as VaultState['imports'];
    const contacts = (db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    const orphans = (db.prepare('SELECT count(*) AS n FROM contacts WHERE import_id NOT IN (SELECT id FROM imports)').get() as { n: number }).n;
    expect(orphans, 'contacts without a committed import').toBe(0);
    for (const i of imports) {
      expect(i.kind, 'an import left half-written').toBe('linkedin-connections');
      expect(i.contacts, `import ${i.id}: its contacts are all there`).toBe(i.added);
    }
    // Either the import is entirely there (once; a later commit of the same file adds nobody) or not at all.
    expect(imports.reduce((n, i) => n + i.added, 0)).toBe(contacts);
    if (fullImport !== null) expect([0, fullImport]).toContain(contacts);
    // The log verifies and records exactly the imports that are there.
    expect(vault.audit.verify()).toMatchObject({ ok: true });
    const logged = vault.audit.entries({ limit: 100_000 }).filter((e) => e.action === 'import-commit');
    expect(logged.every((e) => e.outcome === 'success')).toBe(true);
    const byId = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
    expect(logged.map((e) => [e.details.importId, e.details.added]).sort(byId)).toEqual(imports.map((i) => [i.id, i.added]));
    return { contacts, imports };
  } finally {
    vault.close();
  }
}

beforeAll(async () => {
  exportPath = tmp.path('Connections-20000.csv');
  await writeExport(exportPath, { rows: ROWS, seed: 11 });
  const base = await newVault(tmp.dir, { name: MEMBER });
  base.vault.close();
  basePath = base.path;
  expect(existsSync(`${basePath}-wal`)).toBe(false); // closed cleanly: the copies below are whole vaults
}, 30_000);

const copyOfBase = (name: string) => {
  const path = tmp.path(name);
  copyFileSync(basePath, path);
  return path;
};

describe('a commit killed half-way', () => {
  it(`leaves the vault whole, the import fully there or absent, at ${KILLED_RUNS} kill points; the reruns complete`, async () => {
    // A run that is not killed: the committed state is full, and it lists the points a commit reaches, in order.
    const reference = copyOfBase('reference.db');
    const full = await runChild(reference, null);
    expect(full.killed).toBe(false);
    expect(full.report!.records).toBe(ROWS);
    const expected = full.report!.added;
    expect(expected).toBeGreaterThan(ROWS * 0.9);
    const state = checkVault(reference, expected);
    expect(state).toMatchObject({ contacts: expected, imports: [{ added: expected, contacts: expected }] });
    const batches = ROWS / RECORDS_PER_POINT;
    expect(full.reached.map(label)).toEqual(['begin 1', ...Array.from({ length: batches }, (_, i) => `records ${i + 1}`), 'commit 1']);

    // Kill points: the beginning and the end of the transaction, and batches of records drawn stratified and
    // seeded; dealt to the lanes in turn, in the order a commit reaches them.
    const random = seeded(20261129);
    const plan = drawKillPoints(full.reached, (point) => (point === 'records' ? KILLED_RUNS - 2 : 1), random);
    expect(plan).toHaveLength(KILLED_RUNS);
    expect(new Set(plan.map((k) => k.point))).toEqual(new Set(IMPORT_POINTS));
    const lanes = LANE_CACHE_KIB.map((cacheKib, l) => ({
      cacheKib,
      path: copyOfBase(`lane-${l}.db`),
      points: plan.filter((_, i) => i % LANE_CACHE_KIB.length === l),
    }));
    const runs = (
      await Promise.all(
        lanes.map(async (lane) => {
          const out: { lane: number | null; point: KillPoint<ImportPoint>; run: ChildRun; state: VaultState }[] = [];
          for (const point of lane.points) {
            const run = await runChild(lane.path, point, lane.cacheKib);
            out.push({ lane: lane.cacheKib, point, run, state: checkVault(lane.path, expected) });
          }
          // The rerun after the last crash of this lane completes, and the vault then holds the whole import.
          const rerun = await runChild(lane.path, null, lane.cacheKib);
          expect(rerun.killed).toBe(false);
          const after = checkVault(lane.path, expected);
          expect(after.contacts).toBe(expected);
          expect(after.imports.filter((i) => i.added > 0)).toEqual([expect.objectContaining({ added: expected, contacts: expected })]);
          return out;
        }),
      )
    ).flat();

    // The test bites: every run died where it was told, inside the transaction, and nothing of the import was kept;
    // in the small-cache lane after uncommitted pages had reached the WAL on disk.
    expect(runs).toHaveLength(KILLED_RUNS);
    for (const r of runs) {
      expect(r.run.killed, label(r.point)).toBe(true);
      expect(r.run.reached.at(-1), 'died at its kill point').toEqual(r.point);
      expect(r.state.contacts, label(r.point)).toBe(0);
    }
    const spilled = runs.filter((r) => r.lane !== null).map((r) => r.run.walBytes);
    expect(Math.max(0, ...spilled), 'uncommitted pages in the WAL when the process died').toBeGreaterThan(100_000);
  }, 120_000);
});
