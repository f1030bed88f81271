// The vault commands as an admin's script uses them: environment for secrets, --json, and exit codes.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, scratch } from '../support/fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('team.vault');
const admin = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: 'correct horse battery staple' };
function run(args: string[], env: Record<string, string> = admin) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('vault commands', () => {
  it('init, import, group, assign, contacts, audit verify; refusals exit 3 with one sentence', () => {
    const init = run(['init', '--json']);
    expect(init.status).toBe(0);
    expect(init.json().recoveryKey).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    expect(run(['init']).status).toBe(3); // the file exists: refused, nothing overwritten

    const imported = run(['import', fixture('connections-tricky.csv'), '--strip', 'phone-number,special-category', '--json']);
    expect(imported.status).toBe(0);
    expect(imported.json()).toMatchObject({ records: 14, added: 12, fragmentsStripped: 5, quarantined: 12 });

    const group = run(['groups', 'add', 'Work addresses', '--email-kind', 'corporate', '--json']).json();
    expect(group).toMatchObject({ label: 'Work addresses', contacts: 3 });
    const policy = tmp.write(
      JSON.stringify({
        basis: 'legitimate-interests',
        purpose: 'account-management',
        purposeDescription: 'Looking after existing client relationships',
        evidence: {
          purposeTest: 'Serving clients we already work with is a legitimate business interest',
          necessityTest: 'We need their work contact details to manage the accounts we hold',
          balancingTest: 'Clients expect their account manager to contact them about their account',
          optOut: 'Any client can ask us to stop at any time by replying',
          assessedAt: '2026-11-20',
          assessedBy: 'Data protection officer',
        },
        art14Notice: { status: 'sent', date: '2026-11-25', method: 'Privacy notice by email' },
      }),
      'policy.json',
    );
    const assigned = run(['assign', group.id, '--policy', policy, '--json']);
    expect(assigned.status).toBe(0);
    const contacts = run(['contacts', '--json']).json().contacts as { usable: boolean }[];
    expect(contacts.filter((c) => c.usable)).toHaveLength(3);

    const bad = run(['assign', group.id, '--policy', tmp.write('{"basis":"consent"}', 'bad.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^contact-sanitizer: The lawful basis is incomplete: .*evidence/);

    expect(run(['member', 'add', 'Bob', '--roles', 'importer'], { ...admin, CONTACT_SANITIZER_NEW_PASSPHRASE: 'bob has a long passphrase' }).status).toBe(0);
    const bob = run(['contacts'], { ...admin, CONTACT_SANITIZER_MEMBER: 'Bob', CONTACT_SANITIZER_PASSPHRASE: 'bob has a long passphrase' });
    expect(bob.status).toBe(3);
    expect(bob.stderr.trim()).toBe('contact-sanitizer: Only a data owner or an admin can do this (contact list); you are an importer.');

    const wrong = run(['contacts'], { ...admin, CONTACT_SANITIZER_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toMatch(/member name or passphrase is wrong/);

    const verified = run(['audit', 'verify', '--json']);
    expect(verified.status).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true });
    expect(verified.json().entries).toBeGreaterThan(8);
  }, 60_000);

  it('without a terminal and without secrets in the environment, says what is missing', () => {
    writeFileSync(tmp.path('empty.vault'), '');
    const r = run(['contacts', '--vault', vault], { CONTACT_SANITIZER_MEMBER: 'Alice' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Passphrase is needed: set it in the environment, or run the command in a terminal/);
  });
});
