// Ordinary mistakes get one sentence and a documented exit code, and change nothing (invariants I3 and I9):
// reproductions 9 and 12 of the safety issue. Only `init` creates a vault, 0600; another application's database
// or an empty file is refused byte for byte; a damaged vault is an integrity failure (exit 4), not a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('team.vault');
const env = { PATH: process.env.PATH ?? '', CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: 'correct horse battery staple' };
const run = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...env, ...extra } });

/** One line on stderr, no stack trace. */
const oneSentence = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
};

beforeAll(() => {
  expect(run(['init']).status).toBe(0);
  expect(run(['import', fixture('connections-tricky.csv')]).status).toBe(0);
});

describe('a file that is not a vault', () => {
  it('init creates the vault readable by its owner only', () => {
    expect(statSync(vault).mode & 0o777).toBe(0o600);
  });

  it("another application's database is refused byte for byte, with a sentence saying what it is (reproduction 9)", () => {
    const other = tmp.path('other.db');
    const db = new Database(other);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('milk')");
    db.close();
    const before = readFileSync(other);
    const r = run(['contacts', '--vault', other]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`contact-sanitizer: "${other}" is another application's SQLite database, not a Contact Sanitizer vault: nothing was changed. Create a vault with \`init\`.`);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it("another application's WAL-mode database is left without new files beside it", () => {
    const other = tmp.path('wal-app.db');
    const db = new Database(other);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    db.close();
    const before = readFileSync(other);
    expect(run(['contacts', '--vault', other]).status).toBe(2);
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(existsSync(`${other}-wal`) || existsSync(`${other}-shm`)).toBe(false);
  });

  it('an empty file stays empty, and is named as such', () => {
    const empty = tmp.write('', 'empty.vault');
    const r = run(['contacts', '--vault', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is an empty file, not a Contact Sanitizer vault/);
    expect(statSync(empty).size).toBe(0);
  });

  it('a damaged vault is an integrity failure (exit 4) in one sentence', () => {
    const damaged = tmp.path('damaged.vault');
    const bytes = readFileSync(vault);
    // Keep the header (it is still recognised as a vault), scramble the pages after it.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! ^ 0xa5) & 0xff;
    writeFileSync(damaged, bytes);
    const r = run(['contacts', '--vault', damaged]);
    expect(r.status).toBe(4);
    oneSentence(r.stderr);
  });
});

describe('ordinary mistakes (reproduction 12)', () => {
  it('a bad number is a sentence and exit 2', () => {
    const r = run(['schedule', '--months', '-1']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('contact-sanitizer: The request is not valid: months: a whole number of months from 1 to 60.');
  });

  it('writing into a folder that does not exist is a sentence and exit 2, for every command that writes', () => {
    for (const args of [['export', '--purpose', 'networking', '--channels', 'email', '--recipient', '00000000-0000-4000-8000-000000000000'], ['report', '--controller', 'Acme Ltd'], ['audit', 'export'], ['access', '--email', 'ada@example.com']]) {
      const r = run([...args, '--out', tmp.path('no/such/folder/out.txt')]);
      expect(r.status, args.join(' ')).toBe(2);
      oneSentence(r.stderr);
    }
  });

  it('init refuses a name SQLite would take for a sidecar, and a folder that does not exist, in one sentence', () => {
    const sidecar = run(['init', '--vault', `${vault}-wal`]);
    expect(sidecar.status).toBe(3);
    oneSentence(sidecar.stderr);
    const nowhere = run(['init', '--vault', tmp.path('no/such/folder/new.vault')]);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr.trim()).toMatch(/^contact-sanitizer: The folder of ".*" does not exist\.$/);
  });

  it('a pipe or a device is never replaced by an output file, even with --force', () => {
    const fifo = tmp.path('pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = run(['audit', 'export', '--out', fifo, '--force']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/is not a regular file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
