// `export` of nobody (export.crm refused in the core, not only in the desktop's form): exit 3 (guardrail) with one
// sentence and no stack trace, no file written (with --out or on stdout), and no disclosure recorded.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

let recipientId = '';
beforeAll(async () => {
  const service = new AppService({ kdf: TEST_KDF });
  await service.call('vault.create', { path: vault, name: 'Alice', passphrase: PASSPHRASE });
  await service.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category'] } });
  // A basis for networking only: a prospecting export leaves everyone out.
  const group = await service.call('groups.add', { label: 'Meetup people', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
  await service.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  recipientId = (await service.call('recipients.add', { name: 'Our CRM', role: 'processor', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none' })).recipientId;
  service.close();
}, 60_000);

describe('export of nobody', () => {
  it('is refused with exit 3 and one sentence: no file, nothing on stdout, no disclosure', () => {
    const out = tmp.path('nobody.csv');
    const before = readdirSync(tmp.dir).sort();
    const refused = run(['export', '--purpose', 'prospecting', '--channels', 'email', '--recipient', recipientId, '--out', out]);
    expect(refused.status, refused.stderr).toBe(3);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.stderr.trim()).toMatch(/^contact-sanitizer: Nobody would be exported with these options \(\d+ people are held back\), so no file was made and no disclosure recorded: preview the export to see why\.$/);
    expect(existsSync(out)).toBe(false);
    // Nor a temporary file beside it.
    expect(readdirSync(tmp.dir).sort()).toEqual(before);

    const toStdout = run(['export', '--purpose', 'prospecting', '--channels', 'email', '--recipient', recipientId]);
    expect(toStdout.status).toBe(3);
    expect(toStdout.stdout).toBe('');
    expect(JSON.parse(run(['disclosures', '--json']).stdout)).toEqual({ disclosures: [] });
  });

  it('still exports when someone is left: the file is written and the disclosure recorded', () => {
    const out = tmp.path('networking.csv');
    const made = run(['export', '--purpose', 'networking', '--channels', 'email', '--direct-marketing', 'no', '--recipient', recipientId, '--out', out]);
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((JSON.parse(run(['disclosures', '--json']).stdout) as { disclosures: unknown[] }).disclosures).toHaveLength(1);
  });
});
