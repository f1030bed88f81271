// The scheduler's job against the real service and router: only an admin's unlocked vault is a target, the run is
// the core's audited destruction, and the log line carries counts only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../src/app/app-service.js';
import { createRouter, type Route } from '../../src/api/router.js';
import { adminVaultPath, runDueDestruction, schedulerNotice } from '../../electron/destruction-job.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

let dir: string;
let service: AppService;
let route: Route;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-job-'));
  service = new AppService({ kdf: TEST_KDF });
  route = createRouter(service, () => {});
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the destruction job', () => {
  it('has no target while no vault is unlocked', async () => {
    expect(await adminVaultPath(route)).toBeNull();
    await expect(runDueDestruction(route)).rejects.toThrow(/Unlock a vault first/);
  });

  it('targets the vault an admin unlocked and runs its destruction', async () => {
    const path = join(dir, 'team.vault');
    expect((await route('vault.create', { path, name: 'Alice Admin', passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await adminVaultPath(route)).toBe(path);
    expect(await runDueDestruction(route)).toEqual({ destroyed: 0, held: 0, certificateId: null });
    const audit = await route('audit.entries', {});
    expect(audit.ok && (audit.value as { entries: { action: string }[] }).entries.some((e) => e.action === 'destruction-run')).toBe(true);
  });

  it('has no target when the unlocked member is not an admin', async () => {
    const path = join(dir, 'team.vault');
    await route('vault.create', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    expect((await route('members.add', { name: 'Ivan Importer', roles: ['importer'], passphrase: PASSPHRASE })).ok).toBe(true);
    expect((await route('vault.unlock', { path, name: 'Ivan Importer', passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await adminVaultPath(route)).toBeNull();
  });
});

describe('schedulerNotice', () => {
  const at = new Date('2026-03-02T09:00:00Z');

  it('describes a run by its counts and certificate', () => {
    expect(schedulerNotice({ status: 'ran', target: '/v.vault', at, value: { destroyed: 3, held: 1, certificateId: 'c-1' } })).toEqual({
      at: '2026-03-02T09:00:00.000Z',
      ok: true,
      destroyed: 3,
      held: 1,
      certificateId: 'c-1',
      message: 'Scheduled destruction: 3 contacts destroyed (certificate c-1). 1 contact past their date kept under a legal hold.',
    });
    expect(schedulerNotice({ status: 'ran', target: '/v.vault', at, value: { destroyed: 0, held: 0, certificateId: null } }).message).toBe(
      'Scheduled destruction: nothing was due.',
    );
  });

  it('describes a failure with the router’s sentence and no vault path', () => {
    const notice = schedulerNotice({ status: 'failed', target: '/home/me/v.vault', at, error: new Error('The vault is busy.') });
    expect(notice).toMatchObject({ ok: false, destroyed: 0 });
    expect(notice.message).toBe('Scheduled destruction did not run: The vault is busy. It will be tried again within the hour.');
    expect(JSON.stringify(notice)).not.toContain('/home/me');
  });
});
