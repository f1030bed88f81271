// Invariant I5: concurrent commands never crash or interleave. Two CLIs (or the CLI and the desktop scheduler) on
// one vault: the later one waits, bounded, or answers "the vault is busy" with exit 75; audit sequence numbers are
// taken inside the write transaction, so the log has no gap and no duplicate. Reproduction 4 of the safety issue.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { seeded } from '../support/seeded.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('shared.vault');
const env = { PATH: process.env.PATH ?? '', CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: 'correct horse battery staple' };
const run = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...env, ...extra } });

/** Run a CLI command without waiting for it: resolves with its exit code and output. */
function start(args: string[]): Promise<{ args: string[]; status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('close', (status) => resolve({ args, status, stderr }));
  });
}

beforeAll(() => {
  expect(run(['init']).status).toBe(0);
  expect(run(['import', fixture('connections-tricky.csv')]).status).toBe(0);
});

describe('two commands on one vault', () => {
  it('a command that finds the vault locked past its wait answers busy (exit 75) in one sentence, and changes nothing', () => {
    // Another writer holds the write lock, as an import holds it for its whole commit.
    const other = new Database(vault);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      for (const args of [['purge', '--due', '--dry-run'], ['groups', 'add', 'Everyone', '--email-kind', 'none'], ['contacts']]) {
        const r = run(args, { CONTACT_SANITIZER_BUSY_TIMEOUT_MS: '50' });
        expect(r.status, args.join(' ')).toBe(75);
        expect(r.stderr.trim()).toBe('contact-sanitizer: The vault is busy: another command or the app is changing it. Try again when it has finished.');
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(run(['groups', '--json']).stdout).toContain('"groups":[]');
    expect(run(['audit', 'verify']).status).toBe(0);
  });

  it('several processes running random commands at once: none crashes, the audit log verifies and has no gap', async () => {
    const random = seeded(9);
    const COMMANDS = [
      ['import', fixture('connections-tricky.csv'), '--update-duplicates'],
      ['purge', '--due', '--dry-run'],
      ['purge', '--due'],
      ['contacts'],
      ['schedule'],
      ['groups', 'add', 'Work', '--email-kind', 'corporate'],
      ['suppress', 'add', '--email', 'objector@example.com'],
      ['audit', 'verify'],
      ['quarantine', '45', '--yes'],
    ];
    const lane = async () => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await start(COMMANDS[Math.floor(random() * COMMANDS.length)]!));
      return results;
    };
    const results = (await Promise.all([lane(), lane(), lane()])).flat();
    for (const r of results) {
      // Done (0), destroyed or due (10), or busy after the bounded wait (75); never a crash or a stack trace.
      expect([0, 10, 75], `${r.args.join(' ')}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr).not.toMatch(/\n\s+at |SqliteError|UNIQUE constraint/);
    }
    expect(run(['audit', 'verify']).status).toBe(0);
    const db = new Database(vault, { readonly: true });
    try {
      const seqs = (db.prepare('SELECT seq FROM audit_log ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      db.close();
    }
  }, 120_000);
});
