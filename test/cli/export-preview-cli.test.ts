// `export --preview` (export.preview): who would be exported and held back, and why, with no file, no recipient and
// no disclosure; `export` without --recipient says how to name one or preview first.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AppService } from '../../src/app/app-service.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'contact-sanitizer.js');
const tmp = scratch();
const vault = tmp.path('team.vault');
const env = { CONTACT_SANITIZER_VAULT: vault, CONTACT_SANITIZER_MEMBER: 'Alice', CONTACT_SANITIZER_PASSPHRASE: PASSPHRASE };
function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const service = new AppService({ kdf: TEST_KDF });
  await service.call('vault.create', { path: vault, name: 'Alice', passphrase: PASSPHRASE });
  await service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
  const group = await service.call('groups.add', { label: 'Meetup people', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
  await service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  service.close();
}, 60_000);

describe('export --preview', () => {
  it('says who would be included and held back, and why, and records no disclosure', () => {
    const text = run(['export', '--preview', '--purpose', 'networking', '--channels', 'email', '--direct-marketing', 'no']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Would export 1 and leave out \d+/);
    expect(text.stdout).toMatch(/no-lawful-basis: \d+/);
    expect(text.stdout).toMatch(/Included \(first 1\):\n {2}Ada Lovelace \(Analytical Engines Ltd\)/);
    expect(text.stdout).toMatch(/Nothing was exported and no disclosure recorded\./);

    const json = run(['export', '--preview', '--purpose', 'networking', '--channels', 'email', '--direct-marketing', 'no', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ included: 1, includedPeople: [{ name: 'Ada Lovelace', company: 'Analytical Engines Ltd' }] });
    expect(JSON.parse(run(['disclosures', '--json']).stdout)).toEqual({ disclosures: [] });
  });

  it('refuses a recipient or a file with a preview, and an export with neither a recipient nor --preview', () => {
    const withOut = run(['export', '--preview', '--purpose', 'networking', '--channels', 'email', '--direct-marketing', 'no', '--out', tmp.path('x.csv')]);
    expect(withOut.status).toBe(2);
    expect(withOut.stderr).toMatch(/A preview makes no file and goes to no recipient/);
    const without = run(['export', '--purpose', 'networking', '--channels', 'email', '--direct-marketing', 'no']);
    expect(without.status).toBe(2);
    expect(without.stderr).toMatch(/--recipient <id>.*--preview/);
  });
});
