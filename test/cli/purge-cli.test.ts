// Scheduled destruction from an OS scheduler: an unattended token run, distinct exit codes, and a certificate
// that verifies against the vault.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { vaultFilledInThePast } from '../support/past-vault.js';
import { PASSPHRASE } from '../support/vault.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('purge.vault');
const admin = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: 'correct horse battery staple' };
function run(args: string[], env: Record<string, string> = admin) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('purge --due for schedulers', () => {
  it('nothing due (0), dry run (10, nothing changed), an early run refused, destroyed (10) with a certificate, revoked token refused (3)', async () => {
    expect(run(['init']).status).toBe(0);
    expect(run(['import', fixture('connections-tricky.csv')]).status).toBe(0);
    const token = run(['token', 'create', '--json']).json() as { id: string; token: string };
    const unattended = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_DESTRUCTION_TOKEN: token.token };

    const nothing = run(['purge', '--due', '--json'], unattended);
    expect(nothing.status).toBe(0);
    expect(nothing.json()).toMatchObject({ destroyed: 0 });

    // A what-if needs no key and changes nothing; a clock override is refused for a run (it would destroy early).
    const later = '2027-11-29T09:00:00Z';
    const dry = run(['purge', '--due', '--dry-run', '--now', later], unattended);
    expect(dry.status).toBe(10);
    expect(dry.stdout).toMatch(/Dry run .*: 12 contact\(s\) due\. Nothing was changed\./);
    const early = run(['purge', '--due', '--now', later], unattended);
    expect(early.status).toBe(2);
    expect(early.stderr.trim()).toBe('contact-sanitizer: --now is a what-if: it works only with --dry-run, which destroys nothing.');
    expect(run(['contacts', '--json']).json().contacts).toHaveLength(12);
    expect(run(['import', fixture('connections-tricky.csv'), '--now', later]).status).toBe(64); // no other command takes a clock

    // A vault filled 60 days ago: its quarantine ran out by the real clock, so the token's run destroys.
    const old = tmp.path('old.vault');
    const past = await vaultFilledInThePast(old, { name: 'Alice' });
    const unattendedOld = { CONTACT_SANITIZER_VAULT: old, CONTACT_SANITIZER_DESTRUCTION_TOKEN: past.token };
    const certFile = tmp.path('certificate.json');
    const done = run(['purge', '--due', '--certificate-out', certFile], unattendedOld);
    expect(done.status).toBe(10);
    expect(done.stdout).toMatch(/CERTIFICATE OF SCHEDULED DESTRUCTION[\s\S]*destruction token/);
    const certificate = JSON.parse(readFileSync(certFile, 'utf8')) as { issuedAt: string };
    expect(certificate).toMatchObject({ destroyed: { total: 12 }, actor: { tokenId: past.tokenId } });
    expect(new Date(certificate.issuedAt).getTime()).toBeGreaterThan(new Date('2026-11-01').getTime()); // real time, not a claimed one
    expect(run(['contacts', '--json'], { ...admin, CONTACT_SANITIZER_VAULT: old, CONTACT_SANITIZER_PASSPHRASE: PASSPHRASE }).json().contacts).toHaveLength(0);

    const verified = run(['certificate', 'verify', certFile], { CONTACT_SANITIZER_VAULT: old });
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/matches the audit log/);

    expect(run(['token', 'revoke', token.id]).status).toBe(0);
    const refused = run(['purge', '--due'], unattended);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/destruction token is not valid/);
    expect(run(['audit', 'verify']).status).toBe(0);
  }, 60_000);
});
