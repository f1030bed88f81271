// `contacts show` as a person reads it: one "Label: value" line a field, and a hint stripped at import (--strip
// special-category) named by its category, never shown as "none"; the whole record with --json.
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

describe('contacts show', () => {
  it('prints one field a line, and says which special-category hints were stripped at import', () => {
    expect(run(['init']).status).toBe(0);
    const file = tmp.write(
      [
        HEADER,
        'Frances,Allen,https://www.linkedin.com/in/frances-allen-ibm,frances@ibm.example,IBM,Living with multiple sclerosis | accessibility advocate,04 Aug 2020',
        'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
        '',
      ].join('\n'),
    );
    const imported = run(['import', file, '--strip', 'special-category', '--json']);
    expect(imported.status).toBe(0);
    expect(imported.json()).toMatchObject({ added: 2, fragmentsStripped: 1 });
    const contacts = run(['contacts', '--json']).json().contacts as { id: string; lastName: string }[];
    const id = (name: string) => contacts.find((c) => c.lastName === name)!.id;

    const shown = run(['contacts', 'show', id('Allen')]);
    expect(shown.status).toBe(0);
    const lines = shown.stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^[^:]+: \S/.test(l))).toBe(true);
    expect(lines).toContain('Position: accessibility advocate');
    expect(lines).toContain('Special-category hints: stripped (health)');
    expect(lines).toContain(`Contact id: ${id('Allen')}`);
    expect(shown.stdout).not.toMatch(/sclerosis|living with/i);
    expect(run(['contacts', 'show', id('Lovelace')]).stdout).toContain('\nSpecial-category hints: none\n');

    expect(run(['contacts', 'show', id('Allen'), '--json']).json()).toMatchObject({ position: 'accessibility advocate', specialCategories: [], strippedCategories: ['health'] });
  }, 60_000);
});
