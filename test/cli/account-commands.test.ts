// The commands added so that every use case is reachable from the command line, as a script uses them: own
// passphrase, recovery key, roles, suppression list, audit list and export, certificate show, preview, policy check.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('team.vault');
const PASS = 'correct horse battery staple';
const admin = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: PASS };
function run(args: string[], env: Record<string, string> = admin) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('account, suppression, audit and certificate commands', () => {
  it('passphrase, recover and whoami', () => {
    const { recoveryKey } = run(['init', '--json']).json() as { recoveryKey: string };
    expect(run(['whoami', '--json']).json()).toMatchObject({ path: vault, member: { roles: ['admin', 'data-owner', 'importer'] } });

    const NEW = 'a new and longer passphrase';
    expect(run(['passphrase'], { ...admin, CONTACT_SANITIZER_NEW_PASSPHRASE: NEW }).status).toBe(0);
    expect(run(['whoami']).status).toBe(3); // the old passphrase no longer opens the vault
    expect(run(['whoami'], { ...admin, CONTACT_SANITIZER_PASSPHRASE: NEW }).status).toBe(0);

    const recovered = run(['recover', '--json'], { ...admin, CONTACT_SANITIZER_RECOVERY_KEY: recoveryKey, CONTACT_SANITIZER_NEW_PASSPHRASE: PASS });
    expect(recovered.status).toBe(0);
    const fresh = recovered.json().recoveryKey as string;
    expect(fresh).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    expect(fresh).not.toBe(recoveryKey);
    expect(run(['whoami']).status).toBe(0);
    const again = run(['recover'], { ...admin, CONTACT_SANITIZER_RECOVERY_KEY: recoveryKey, CONTACT_SANITIZER_NEW_PASSPHRASE: PASS });
    expect(again.status).toBe(3); // single use: the old recovery key was replaced
    expect(again.stderr.trim()).toBe('contact-sanitizer: The recovery key or the member name is wrong.');
  }, 60_000);

  it('member roles, suppression list, preview, policy check, erase, certificate show, audit list and export', () => {
    const bob = run(['member', 'add', 'Bob', '--roles', 'importer', '--json'], { ...admin, CONTACT_SANITIZER_NEW_PASSPHRASE: 'bob has a long passphrase' }).json() as { id: string };
    expect(run(['member', 'roles', bob.id, '--roles', 'data-owner,importer', '--json']).json()).toMatchObject({ id: bob.id, roles: ['data-owner', 'importer'] });
    expect(run(['member', 'roles', bob.id, '--roles', 'auditor']).status).toBe(2);

    const preview = run(['import', fixture('connections-tricky.csv'), '--preview', '--json']).json() as { sha256: string; report: { records: number } };
    expect(preview.report.records).toBe(14);
    expect(run(['contacts', '--json']).json().contacts).toHaveLength(0); // a preview stores nothing
    expect(run(['import', fixture('connections-tricky.csv'), '--expect-sha256', preview.sha256]).status).toBe(0);

    const suppressed = run(['suppress', 'add', '--email', 'objector@example.com', '--json']).json() as { suppressionId: string };
    expect(run(['suppress', 'list', '--json']).json().entries).toEqual([expect.objectContaining({ id: suppressed.suppressionId, reason: 'objection', byEmail: true })]);
    expect(run(['suppress', 'lift', suppressed.suppressionId]).status).toBe(64); // the reason is required
    expect(run(['suppress', 'lift', suppressed.suppressionId, '--reason', 'Recorded by mistake']).status).toBe(0);
    // Lifted, not forgotten: the entry stays listed with the day it was lifted.
    expect(run(['suppress', 'list', '--json']).json().entries).toEqual([expect.objectContaining({ id: suppressed.suppressionId, liftedAt: expect.any(String) })]);
    expect(run(['suppress', 'list']).stdout).toMatch(/^In force: none; lifted: 1\./);

    const group = run(['groups', 'add', 'Everyone with a work address', '--email-kind', 'corporate', '--json']).json() as { id: string };
    const incomplete = run(['assign', group.id, '--check', '--policy', tmp.write('{"basis":"consent"}', 'draft.json'), '--json']).json() as { errors: string[] };
    expect(incomplete.errors.join(' ')).toMatch(/evidence/);
    const check = run(['assign', group.id, '--check', '--policy', tmp.write(JSON.stringify(LI_POLICY), 'policy.json'), '--json']);
    expect(check.json()).toMatchObject({ errors: [] });
    expect(run(['groups', '--json']).json().groups[0].policy).toBeNull(); // a check saves nothing

    const contact = (run(['contacts', '--json']).json().contacts as { id: string }[])[0]!;
    const erased = run(['erase', '--contact', contact.id, '--json']).json() as { certificate: { id: string } };
    const shown = run(['certificate', 'show', erased.certificate.id]);
    expect(shown.stdout).toMatch(/^CERTIFICATE OF ERASURE \(UK GDPR Art\. 17\)/);
    expect(run(['certificate', 'show', erased.certificate.id, '--json']).json()).toMatchObject({ id: erased.certificate.id, kind: 'erasure' });

    const entries = run(['audit', 'list', '--json']).json().entries as { seq: number; action: string }[];
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['vault-created', 'member-roles', 'suppression-add', 'suppression-lift', 'erasure']));
    const json = JSON.parse(run(['audit', 'export']).stdout) as unknown[];
    expect(json.length).toBeGreaterThanOrEqual(entries.length);
    const out = tmp.path('audit.csv');
    expect(run(['audit', 'export', '--csv', '--out', out]).status).toBe(0);
    const csv = spawnSync('head', ['-1', out], { encoding: 'utf8' }).stdout;
    expect(csv.trim()).toBe('"seq","at","member","action","outcome","details","prevHash","hash"');
    expect(run(['audit', 'verify']).status).toBe(0);
  }, 60_000);
});
