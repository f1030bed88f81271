// `contact-sanitizer attention`: what needs attention in sentences (the desktop's Home), and the same as JSON.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, scratch } from '../support/fixtures.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const admin = { CONTACT_SANITIZER_VAULT: tmp.path('team.vault'), CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: 'correct horse battery staple' };
function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...admin } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('attention', () => {
  it('says nothing needs attention in a new vault, then names the quarantine and the notices owed', () => {
    expect(run(['init']).status).toBe(0);
    expect(run(['attention']).stdout).toBe('Nothing needs your attention.\nNo destruction has run yet.\n');
    const file = tmp.write([HEADER, 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,,Analytical Engines Ltd,Head of Computation,10 Dec 2019', ''].join('\n'));
    expect(run(['import', file]).status).toBe(0);
    const said = run(['attention']);
    expect(said.status).toBe(0);
    expect(said.stdout).toMatch(/^1 contact is quarantined \(no lawful basis; kept 30 days\); the next goes on \d{4}-\d{2}-\d{2}\.$/m);
    expect(said.stdout).toMatch(/^1 person still needs their Art\. 14 notice, the first by \d{4}-\d{2}-\d{2}\.$/m);
    expect(run(['attention', '--json']).json()).toMatchObject({ soonDays: 30, quarantine: { contacts: 1, days: 30 }, notices: { due: 1 }, lastRun: null });
  }, 60_000);
});
