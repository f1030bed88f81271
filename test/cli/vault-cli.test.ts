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
          version: '1',
          signedOffBy: 'Head of accounts (data owner)',
          signedOffAt: '2026-11-21',
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

  it('retention by default: init states it, retention set needs a rationale, retention default and review change dates', () => {
    const env = { ...admin, CONTACT_SANITIZER_VAULT: tmp.path('retention.vault') };
    const init = run(['init', '--retention-months', '36'], env);
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/Default retention: contacts with a lawful basis that no retention policy covers are kept 36 months from last-review/);
    expect(run(['retention', 'list', '--json'], env).json().defaultRetention).toMatchObject({ months: 36, anchor: 'last-review' });
    // No --rationale: commander refuses the missing option (usage); a placeholder is refused by the core (invalid).
    expect(run(['retention', 'set', '--basis', 'consent', '--months', '12'], env).status).toBe(64);
    const placeholder = run(['retention', 'set', '--basis', 'consent', '--months', '12', '--rationale', 'TBC by legal'], env);
    expect(placeholder.status).toBe(2);
    expect(placeholder.stderr).toMatch(/^contact-sanitizer: The request is not valid: policy\.rationale: the rationale is a placeholder/);
    expect(run(['retention', 'set', '--basis', 'consent', '--months', '12', '--rationale', 'Consent is refreshed every year'], env).status).toBe(0);
    const list = run(['retention', 'list'], env).stdout;
    expect(list).toContain('Lawful basis policy (consent): 12 months from import. Why: Consent is refreshed every year');
    expect(list).toContain('Default retention: 36 months from the last review, for every contact with a lawful basis that no policy covers.');
    expect(run(['retention', 'default', '--months', '48', '--json'], env).json()).toMatchObject({ applied: true, defaultRetention: { months: 48, anchor: 'last-review' } });

    expect(run(['import', fixture('connections-tricky.csv'), '--strip', 'phone-number,special-category'], env).status).toBe(0);
    const id = (run(['contacts', '--json'], env).json().contacts as { id: string }[])[0]!.id;
    const reviewed = run(['review', '--contacts', id], env);
    expect(reviewed.status).toBe(0);
    expect(reviewed.stdout).toMatch(/^Marked 1 contact\(s\) reviewed at \d{4}-\d{2}-\d{2}T/);
    expect(run(['review'], env).status).toBe(2); // neither --contacts nor --group
  }, 60_000);

  it('without a terminal and without secrets in the environment, says what is missing', () => {
    writeFileSync(tmp.path('empty.vault'), '');
    const r = run(['contacts', '--vault', vault], { CONTACT_SANITIZER_MEMBER: 'Alice' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Passphrase is needed: set it in the environment, or run the command in a terminal/);
  });
});
