// Scheduled destruction from an OS scheduler: an unattended token run, distinct exit codes, and a certificate
// that verifies against the vault.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('purge.vault');
const admin = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: 'correct horse battery staple' };
function run(args: string[], env: Record<string, string> = admin) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('purge --due for schedulers', () => {
  it('nothing due (0), dry run (10, nothing changed), destroyed (10) with a certificate, revoked token refused (3)', () => {
    expect(run(['init']).status).toBe(0);
    expect(run(['import', fixture('connections-tricky.csv')]).status).toBe(0);
    const token = run(['token', 'create', '--json']).json() as { id: string; token: string };
    const unattended = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_DESTRUCTION_TOKEN: token.token };

    const nothing = run(['purge', '--due', '--json'], unattended);
    expect(nothing.status).toBe(0);
    expect(nothing.json()).toMatchObject({ destroyed: 0 });

    const later = '2027-11-29T09:00:00Z';
    const dry = run(['purge', '--due', '--dry-run', '--now', later], unattended);
    expect(dry.status).toBe(10);
    expect(dry.stdout).toMatch(/Dry run .*: 12 contact\(s\) due\. Nothing was changed\./);
    expect(run(['contacts', '--json']).json().contacts).toHaveLength(12);

    const certFile = tmp.path('certificate.json');
    const done = run(['purge', '--due', '--now', later, '--certificate-out', certFile], unattended);
    expect(done.status).toBe(10);
    expect(done.stdout).toMatch(/CERTIFICATE OF SCHEDULED DESTRUCTION[\s\S]*destruction token/);
    expect(JSON.parse(readFileSync(certFile, 'utf8'))).toMatchObject({ destroyed: { total: 12 }, actor: { tokenId: token.id } });
    expect(run(['contacts', '--json']).json().contacts).toHaveLength(0);

    const verified = run(['certificate', 'verify', certFile], { CONTACT_SANITIZER_VAULT: vault });
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/matches the audit log/);

    expect(run(['token', 'revoke', token.id]).status).toBe(0);
    const refused = run(['purge', '--due', '--now', later], unattended);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/destruction token is not valid/);
    expect(run(['audit', 'verify']).status).toBe(0);
  }, 60_000);
});
