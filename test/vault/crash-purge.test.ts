// Acceptance: a scheduled destruction killed at any point leaves either nothing destroyed or a state that a rerun
// completes; each time the vault opens whole, its audit chain verifies, and the rerun completes. A child process
// (crash-purge-child.mjs, running the compiled code) opens a vault of about 60,000 quarantined contacts with its
// clock a year after their import, so that every contact is due, and runs purgeDue; it kills itself (SIGKILL) at a
// named point of the run (src/vault/crash-points.ts), each time on a fresh copy of the same vault.
//
// One run that is not killed lists the points a run reaches: the transaction begun, each batch of deletes, the
// COMMIT, then the clean-up after it (checkpoint, VACUUM, checkpoint, the "vacuum pending" mark cleared,
// checkpoint). The kill points are drawn from that list with a seeded PRNG, every kind of point at least once and
// up to PER_POINT of each, so each run of the suite kills at the same statements.
//
// After each kill the files the child left (the vault and its WAL) are copied before anything opens them; the
// copy is opened and checked while the rerun, on the original, meets the files exactly as the kill left them
// (shared-memory index included). The rerun is not killed (it goes on while the next point is killed), and must
// leave every due contact destroyed, one certificate, no pending mark, no WAL and a vacuumed file.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../bench/generate-export.js';
import { CertificateSchema, type Certificate } from '../../src/shared/certificate.js';
import { verifyCertificate } from '../../src/vault/certificates.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { PURGE_POINTS, type PurgePoint } from '../../src/vault/crash-points.js';
import { Vault } from '../../src/vault/vault.js';
import { scratch } from '../support/fixtures.js';
import { drawKillPoints, label, pointsReached, type KillPoint } from '../support/kill-points.js';
import { seeded } from '../support/seeded.js';
import { newVault } from '../support/vault.js';

/** Two exports of 30,000 rows (different people): about 60,000 contacts, a dozen batches of deletes. */
const EXPORT_SEEDS = [11, 12];
const ROWS = 30_000;
const CHILD = join(import.meta.dirname, 'crash-purge-child.mjs');
const IMPORTED_AT = new Date('2026-11-29T10:00:00Z');
const YEAR = 365 * 86_400_000;
/** Kill points drawn of each kind (all of a kind the run reaches fewer times). */
const PER_POINT = 4;

const tmp = scratch();
const live = new Set<ReturnType<typeof spawn>>();
afterAll(() => live.forEach((child) => child.kill('SIGKILL'))); // only if a failed assertion left one running
let basePath: string;
/** The vault's clock for the purges: a year after the imports, when every quarantined contact is due. */
const later = new Date(IMPORTED_AT.getTime() + YEAR);
/** Contacts in the base vault, all due at `later`. */
let full: number;
/** Entries of the base vault's audit log. */
let baseEntries: number;

interface ChildRun {
  /** Killed at its kill point (false: it finished). */
  killed: boolean;
  /** The lines the child printed before it ended or died ("start", "POINT N"..., "done"), without the result. */
  trace: string[];
  result: { destroyed: number; held: number; certificateId: string | null; walBytes: number } | null;
  /** Size of the WAL left on disk right after the child ended. */
  walBytes: number;
}

/** Run the child on a vault; it dies at `kill` (null: it finishes). */
function runChild(vaultPath: string, kill: KillPoint<PurgePoint> | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const args = [CHILD, vaultPath, later.toISOString(), ...(kill ? [kill.point, String(kill.n)] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      live.delete(child);
      const walBytes = existsSync(`${vaultPath}-wal`) ? statSync(`${vaultPath}-wal`).size : 0;
      const lines = stdout.split('\n').filter(Boolean);
      const trace = lines.filter((l) => !l.startsWith('{'));
      if (signal === 'SIGKILL') return resolve({ killed: true, trace, result: null, walBytes });
      if (code !== 0) return reject(new Error(`the child failed (exit ${code}, ${signal}): ${stderr}`));
      const json = lines.find((l) => l.startsWith('{'));
      if (!json || trace.at(-1) !== 'done') return reject(new Error(`the child did not report its run: ${trace.join(' | ')} ${stderr}`));
      resolve({ killed: false, trace, result: JSON.parse(json) as ChildRun['result'], walBytes });
    });
  });
}

interface VaultState {
  contacts: number;
  certificates: Certificate[];
  vacuumPending: string | null;
  auditEntries: number;
  freePages: number;
}

/**
 * Open the vault as the app would after a crash and check that it is whole, that its audit chain verifies, and
 * that the destruction happened entirely (with its certificate, matching its audit entry) or not at all.
 */
function checkVault(path: string): VaultState {
  const vault = Vault.open(path);
  try {
    const db = vault.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const chain = vault.audit.verify();
    expect(chain).toMatchObject({ ok: true });
    const contacts = (db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    expect([0, full], 'either nothing destroyed or every due contact').toContain(contacts);
    const certificates = (db.prepare('SELECT body FROM certificates').all() as { body: string }[]).map((r) => CertificateSchema.parse(JSON.parse(r.body)) as Certificate);
    // The mark is a fresh token each time (destruction.ts, markWipePending): pending is '1' here, whatever the token.
    const mark = (db.prepare("SELECT value FROM vault_meta WHERE key = 'vacuum_pending'").get() as { value: string } | undefined)?.value;
    const vacuumPending = mark === undefined ? null : '1';
    const runs = vault.audit.entries({ afterSeq: baseEntries, limit: 100 });
    if (contacts === full) {
      // Nothing destroyed: no certificate, no mark, and the log as it was (the deletion's entry rolled back with it).
      expect(certificates).toEqual([]);
      expect(vacuumPending).toBeNull();
      expect(chain.entries).toBe(baseEntries);
    } else {
      // All destroyed, in one transaction with its certificate and the audit entry that the certificate names.
      expect(certificates).toHaveLength(1);
      const c = certificates[0]!;
      expect(c).toMatchObject({ kind: 'scheduled', destroyed: { total: full }, issuedAt: later.toISOString() });
      expect(verifyCertificate(vault, c)).toEqual({ ok: true });
      expect(runs[0]).toMatchObject({
        seq: c.audit.seq,
        hash: c.audit.hash,
        action: 'destruction-run',
        outcome: 'success',
        details: { certificateId: c.id, destroyed: full },
      });
      expect([null, '1']).toContain(vacuumPending);
    }
    return {
      contacts,
      certificates,
      vacuumPending,
      auditEntries: chain.entries,
      freePages: db.pragma('freelist_count', { simple: true }) as number,
    };
  } finally {
    vault.close();
  }
}

/** The state a completed purge leaves: all destroyed, the clean-up done, no WAL, nothing left in free pages. */
function expectCompleted(path: string, run: ChildRun, state: VaultState): void {
  expect(run.killed).toBe(false);
  // A run that destroyed contacts truncates the WAL itself (one that found none due leaves its audit entry there).
  if (run.result!.destroyed > 0) expect(run.result!.walBytes, 'the WAL truncated by the run itself').toBe(0);
  expect(run.walBytes, 'the WAL once the run has closed the vault').toBe(0);
  expect(state.contacts).toBe(0);
  expect(state.certificates).toHaveLength(1);
  expect(state.vacuumPending).toBeNull();
  expect(state.freePages, 'the file vacuumed').toBe(0);
  expect(statSync(path).size).toBeLessThan(statSync(basePath).size / 20);
}

beforeAll(async () => {
  const base = await newVault(tmp.dir, { name: 'Alice Admin', now: () => IMPORTED_AT });
  for (const seed of EXPORT_SEEDS) {
    const file = tmp.path(`Connections-${seed}.csv`);
    await writeExport(file, { rows: ROWS, seed });
    await commitImport(base.session, file, {});
    rmSync(file);
  }
  full = (base.vault.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  const latest = (base.vault.db.prepare('SELECT max(expires_at) AS t FROM contacts').get() as { t: string }).t;
  expect(new Date(latest).getTime()).toBeLessThan(later.getTime()); // quarantined: due 30 days after import
  baseEntries = base.vault.audit.verify().entries;
  base.session.lock();
  base.vault.close();
  basePath = base.path;
  expect(existsSync(`${basePath}-wal`)).toBe(false); // closed cleanly: the copies below are whole vaults
  expect(full).toBeGreaterThan(EXPORT_SEEDS.length * ROWS * 0.9);
}, 60_000);

const copyOfBase = (name: string) => {
  const path = tmp.path(name);
  copyFileSync(basePath, path);
  return path;
};

const removeVault = (path: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true }));

describe('a scheduled destruction killed at any point', () => {
  it('leaves the vault whole with nothing or everything destroyed, its audit chain verifying; a rerun completes', async () => {
    // A run that is not killed: it destroys every contact, and lists the points a run reaches, in order.
    const reference = copyOfBase('reference.db');
    const whole = await runChild(reference, null);
    expect(whole.result).toMatchObject({ destroyed: full, held: 0 });
    expectCompleted(reference, whole, checkVault(reference));
    removeVault(reference);
    const reached = pointsReached(whole.trace, PURGE_POINTS);
    const deletes = reached.filter((k) => k.point === 'delete').length;
    expect(deletes, 'more than one batch of deletes to cut between').toBeGreaterThan(PER_POINT);
    expect(reached.map(label)).toEqual([
      'begin 1',
      ...Array.from({ length: deletes }, (_, i) => `delete ${i + 1}`),
      'commit 1',
      'checkpoint 1',
      'vacuum 1',
      'checkpoint 2',
      'checkpoint 3',
    ]);

    // The plan: of each kind of point, up to PER_POINT drawn (seeded, stratified), in the run's order.
    const random = seeded(20261130);
    const plan = drawKillPoints(reached, () => PER_POINT, random);
    expect(new Set(plan.map((k) => k.point))).toEqual(new Set(PURGE_POINTS));
    /** Committed once the clean-up has begun; the mark is cleared just before the last checkpoint. */
    const committed = (k: KillPoint<PurgePoint>) => k.point === 'checkpoint' || k.point === 'vacuum';
    const markCleared = (k: KillPoint<PurgePoint>) => k.point === 'checkpoint' && k.n === 3;

    // Each point on a fresh copy of the base vault. The rerun of one point goes on while the next is killed; the
    // synchronous checks come between.
    interface Outcome {
      point: KillPoint<PurgePoint>;
      run: ChildRun;
      crashed: VaultState;
    }
    const outcomes: Outcome[] = [];
    let rerunning: { path: string; outcome: Outcome; rerun: Promise<ChildRun> } | null = null;
    const finishRerun = async ({ path, outcome, rerun }: NonNullable<typeof rerunning>) => {
      const run = await rerun;
      expect(run.result).toMatchObject({ destroyed: outcome.crashed.contacts, held: 0 });
      // A clean-up left pending is finished first, before the rerun looks for contacts due.
      if (outcome.crashed.vacuumPending === '1') {
        const vacuum = run.trace.indexOf('vacuum 1');
        expect(vacuum).toBeGreaterThanOrEqual(0);
        expect(vacuum).toBeLessThan(run.trace.indexOf('begin 1'));
      }
      const after = checkVault(path);
      expectCompleted(path, run, after);
      // The rerun appends its own entry (a run that found nothing due) only when the killed run had destroyed all.
      expect(after.auditEntries).toBe(baseEntries + (outcome.crashed.contacts === 0 ? 2 : 1));
      if (outcome.crashed.contacts === 0) expect(after.certificates).toEqual(outcome.crashed.certificates);
      removeVault(path);
    };
    for (const [i, point] of plan.entries()) {
      const path = copyOfBase(`run-${i}.db`);
      const run = await runChild(path, point);
      if (rerunning) await finishRerun(rerunning);
      // Died exactly where it was told to.
      expect(run.killed, label(point)).toBe(true);
      expect(run.trace.at(-1)).toBe(label(point));
      // The files as the kill left them, copied before anything opens them: the copy is checked while the original
      // is rerun.
      const seen = tmp.path(`run-${i}-as-left.db`);
      copyFileSync(path, seen);
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${seen}-wal`);
      const rerun = runChild(path, null);
      const crashed = checkVault(seen);
      removeVault(seen);
      // Where the child died decides the outcome: before the COMMIT, nothing; once committed, everything.
      expect(crashed.contacts, label(point)).toBe(committed(point) ? 0 : full);
      expect(crashed.vacuumPending, label(point)).toBe(committed(point) && !markCleared(point) ? '1' : null);
      const outcome = { point, run, crashed };
      outcomes.push(outcome);
      rerunning = { path, outcome, rerun };
    }
    if (rerunning) await finishRerun(rerunning);

    const nothingDestroyed = outcomes.filter((r) => r.crashed.contacts === full);
    const cleanUpPending = outcomes.filter((r) => r.crashed.contacts === 0 && r.crashed.vacuumPending === '1');
    console.info(
      `crash-purge: ${full} contacts, ${deletes} batches of deletes; killed at ${plan.map(label).join(', ')}: ` +
        `${nothingDestroyed.length} with nothing destroyed, ${cleanUpPending.length} destroyed with the clean-up pending; ` +
        `largest uncommitted WAL left ${Math.max(0, ...nothingDestroyed.map((r) => r.run.walBytes))} bytes`,
    );

    // The test bites: some runs died before the commit (nothing destroyed, with uncommitted pages of the deletion
    // in the WAL), some after it with the clean-up still to do, which the rerun finished.
    expect(nothingDestroyed.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(0, ...nothingDestroyed.map((r) => r.run.walBytes)), 'uncommitted pages in the WAL when the process died').toBeGreaterThan(1_000_000);
    expect(cleanUpPending.length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
