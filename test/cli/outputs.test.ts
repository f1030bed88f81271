// Invariants I2 and I7 (issue 9, reproductions 2, 7 and 12): every file the command line writes goes through
// src/cli/output-file.ts. An existing file is replaced only with --force, a vault or its sidecars never; a missing
// folder is one sentence with exit 2; outputs are 0600; and every output path is checked before anything changes,
// a certificate's before anything is destroyed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../src/app/app-service.js';
import { fixture, scratch } from '../support/fixtures.js';
import { vaultFilledInThePast } from '../support/past-vault.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('team.vault');
const admin = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: PASSPHRASE };
function run(args: string[], env: Record<string, string> = admin) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
const POSIX = process.platform !== 'win32';
const mode = (file: string) => statSync(file).mode & 0o777;
const contacts = () => (run(['contacts', '--json']).json() as { contacts: unknown[] }).contacts.length;
const auditEntries = () => (run(['audit', 'verify', '--json']).json() as { entries: number }).entries;
/** One sentence on stderr, no stack trace. */
function oneSentence(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  return stderr.trim();
}

// The vault is created and filled in process with a clock 60 days back, so its contacts' quarantine (30 days)
// has run out by the real clock the CLI uses: they are due, with no clock override anywhere.
let recipient = '';
// An export of nobody is refused (no file): a second vault, with people a networking export carries, for the writes.
const exporting = tmp.path('exporting.vault');
const exporter = { ...admin, CONTACT_SANITIZER_VAULT: exporting };
let exportArgs: string[] = [];
beforeAll(async () => {
  await vaultFilledInThePast(vault, { name: 'Alice', daysAgo: 60 });
  recipient = (run(['recipient', 'add', '--name', 'Our CRM', '--role', 'controller', '--region', 'UK', '--transfer', 'none', '--json']).json() as { recipientId: string }).recipientId;
  const service = new AppService({ kdf: TEST_KDF });
  await service.call('vault.create', { path: exporting, name: 'Alice', passphrase: PASSPHRASE });
  await service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
  const group = await service.call('groups.add', { label: 'Meetup people', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
  await service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  const { recipientId } = await service.call('recipients.add', { name: 'Our CRM', role: 'controller', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none' });
  service.close();
  exportArgs = ['export', '--purpose', 'networking', '--direct-marketing', 'no', '--channels', 'email', '--recipient', recipientId];
}, 60_000);

describe('output files', () => {
  it('refuses an existing file without --force and leaves it unchanged; with --force replaces it, 0600', () => {
    const existing = tmp.write('keep me\n', 'existing.csv');
    const refused = run([...exportArgs, '--out', existing], exporter);
    expect(refused.status).toBe(3);
    expect(oneSentence(refused.stderr)).toBe(`contact-sanitizer: "${existing}" already exists: nothing was written (add --force to replace it).`);
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');

    const forced = run([...exportArgs, '--out', existing, '--force'], exporter);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(existing, 'utf8')).toMatch(/^\uFEFF"First Name",/);
    if (POSIX) expect(mode(existing)).toBe(0o600);

    const fresh = tmp.path('fresh.csv');
    expect(run([...exportArgs, '--out', fresh], exporter).status).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toMatch(/^\uFEFF"First Name",/);
    if (POSIX) expect(mode(fresh)).toBe(0o600);

    for (const [args, file] of [
      [['access', '--email', 'k.johnson@nasa.example', '--out'], tmp.path('sar.json')],
      [['report', '--controller', 'Acme Ltd', '--out'], tmp.path('art30.md')],
      [['audit', 'export', '--csv', '--out'], tmp.path('audit.csv')],
    ] as const) {
      const first = run([...args, file]);
      expect(first.status, first.stderr).toBe(0);
      if (POSIX) expect(mode(file)).toBe(0o600);
      const written = readFileSync(file, 'utf8');
      expect(run([...args, file]).status, `${args[0]}: a second run is refused`).toBe(3);
      expect(readFileSync(file, 'utf8')).toBe(written);
      expect(run([...args, file, '--force']).status).toBe(0);
    }
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]); // no temporary file left behind
  }, 60_000);

  it('never writes over the vault, its -wal, -shm or -journal, or any other vault, even with --force', () => {
    const before = readFileSync(vault);
    for (const target of [vault, `${vault}-wal`, `${vault}-shm`, `${vault}-journal`]) {
      const r = run(['export', '--purpose', 'prospecting', '--channels', 'email', '--recipient', recipient, '--out', target, '--force']);
      expect(r.status, target).toBe(3);
      expect(oneSentence(r.stderr)).toMatch(/is the vault|beside the vault/);
      expect(oneSentence(r.stderr)).toMatch(/never written over it, even with --force\.$/);
    }
    // Reproduction 2: `export --out team.vault` without --force is refused as a vault too.
    expect(run(['export', '--purpose', 'prospecting', '--channels', 'email', '--recipient', recipient, '--out', vault]).stderr).toMatch(/is the vault/);
    expect(readFileSync(vault).equals(before)).toBe(true);
    expect(existsSync(`${vault}-journal`)).toBe(false);
    expect(contacts()).toBe(12); // the vault still opens

    // Another vault (here a copy) is known by its header, and its sidecars by name.
    const copy = tmp.path('copy.vault');
    copyFileSync(vault, copy);
    const copied = readFileSync(copy);
    for (const target of [copy, `${copy}-wal`]) {
      const r = run(['report', '--controller', 'Acme Ltd', '--out', target, '--force']);
      expect(r.status).toBe(3);
      expect(oneSentence(r.stderr)).toMatch(/is a vault|beside a vault/);
    }
    expect(readFileSync(copy).equals(copied)).toBe(true);
    expect(existsSync(`${copy}-wal`)).toBe(false);

    // The vault the command names is refused even before it exists.
    const future = tmp.path('future.vault');
    const r = run(['audit', 'export', '--vault', future, '--out', `${future}-journal`, '--force']);
    expect(r.status).toBe(3);
    expect(oneSentence(r.stderr)).toMatch(/beside the vault/);
    expect(existsSync(future) || existsSync(`${future}-journal`)).toBe(false);
  }, 60_000);

  it('an output into a missing folder is one sentence, exit 2, before anything is done', () => {
    const first = auditEntries();
    const perVerify = auditEntries() - first; // what one `audit verify` adds itself
    const audited = first + perVerify;
    const missing = tmp.path('missing');
    for (const args of [
      ['export', '--purpose', 'prospecting', '--channels', 'email', '--recipient', recipient],
      ['access', '--email', 'k.johnson@nasa.example'],
      ['report', '--controller', 'Acme Ltd'],
      ['audit', 'export'],
      ['purge', '--due', '--dry-run'],
    ]) {
      const flag = args[0] === 'purge' ? '--certificate-out' : '--out';
      const r = run([...args, flag, join(missing, 'out.txt')]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneSentence(r.stderr)).toBe(`contact-sanitizer: The folder "${missing}" does not exist.`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(missing)).toBe(false);
    expect(auditEntries()).toBe(audited + perVerify); // the refused commands never reached the core: nothing audited
  }, 60_000);

  it('purge --due --certificate-out checks the path before destroying anything (reproduction 7)', () => {
    const dry = run(['purge', '--due', '--dry-run']);
    expect(dry.status).toBe(10);
    expect(dry.stdout).toMatch(/12 contact\(s\) due/);

    const missing = run(['purge', '--due', '--certificate-out', tmp.path('nonexistent/c.json')]);
    expect(missing.status).toBe(2);
    expect(oneSentence(missing.stderr)).toBe(`contact-sanitizer: The folder "${tmp.path('nonexistent')}" does not exist.`);
    expect(contacts()).toBe(12);

    const taken = tmp.write('an earlier certificate\n', 'taken.json');
    const exists = run(['purge', '--due', '--certificate-out', taken]);
    expect(exists.status).toBe(3);
    expect(oneSentence(exists.stderr)).toMatch(/already exists/);
    expect(readFileSync(taken, 'utf8')).toBe('an earlier certificate\n');
    const onVault = run(['purge', '--due', '--certificate-out', `${vault}-wal`, '--force']);
    expect(onVault.status).toBe(3);
    expect(contacts()).toBe(12);

    const certificate = tmp.path('certificate.json');
    const done = run(['purge', '--due', '--certificate-out', certificate]);
    expect(done.status, done.stderr).toBe(10);
    expect(JSON.parse(readFileSync(certificate, 'utf8'))).toMatchObject({ destroyed: { total: 12 } });
    if (POSIX) expect(mode(certificate)).toBe(0o600);
    expect(contacts()).toBe(0);
    expect(run(['certificate', 'verify', certificate]).status).toBe(0);
  }, 60_000);
});
