// The OS keychain unlock as an opt-in (src/app/use-cases/keychain.ts), through the router every front end calls, with
// an in-memory keychain: offered or why not, on only with the passphrase typed again, the unlock with a name alone,
// one answer for every way it cannot be, off again, gone with a new passphrase or a removed member, never on the
// command line (no keychain), and audited with no personal data.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { createRouter } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import type { KeychainProtector } from '../../src/shared/keychain.js';
import { auditLog } from '../support/audit.js';
import { scratch } from '../support/fixtures.js';
import { fakeKeychain, REFUSED_REASON } from '../support/keychain.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const tmp = scratch();
const services: AppService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

function client(keychain?: KeychainProtector) {
  const service = new AppService({ kdf: TEST_KDF, ...(keychain ? { keychain } : {}) });
  services.push(service);
  const route = createRouter(service);
  return {
    route,
    call: async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
      const result = await route(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.code}: ${result.message}`);
      return result.value as Response<C>;
    },
  };
}

let n = 0;
async function vaultWithBob(keychain: KeychainProtector | undefined) {
  const path = join(tmp.dir, `keychain-${++n}.vault`);
  const admin = client(keychain);
  const { recoveryKey } = await admin.call('vault.create', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
  const bob = await admin.call('members.add', { name: 'Bob Owner', roles: ['data-owner'], passphrase: PASSPHRASE });
  return { path, admin, bobId: bob.id, recoveryKey };
}

const keychainSlots = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM key_slots WHERE kind = 'keychain'").pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the keychain unlock', () => {
  it('is turned on with the passphrase typed again, unlocks by name alone, and is turned off again', async () => {
    const keychain = fakeKeychain();
    const { path, admin } = await vaultWithBob(keychain);
    expect(await admin.call('vault.keychainStatus', {})).toEqual({ offered: true, reason: null, enabled: false, elsewhere: false });
    expect(await admin.route('vault.keychainEnable', { passphrase: 'not my passphrase at all' })).toEqual({ ok: false, code: 'wrong-secret', message: 'The passphrase is wrong.' });
    expect(keychainSlots(path)).toBe(0);
    expect(await admin.call('vault.keychainEnable', { passphrase: PASSPHRASE })).toEqual({ offered: true, reason: null, enabled: true, elsewhere: false });
    // Turning it on again replaces the slot: one per member.
    await admin.call('vault.keychainEnable', { passphrase: PASSPHRASE });
    expect(keychainSlots(path)).toBe(1);
    await admin.call('vault.lock', {});

    const later = client(keychain);
    expect(await later.call('vault.unlockKeychain', { path, name: '  alice   ADMIN ' })).toMatchObject({ member: { roles: ['admin', 'data-owner', 'importer'] } });
    expect(await later.call('vault.keychainStatus', {})).toMatchObject({ enabled: true });
    expect(await later.call('vault.keychainDisable', {})).toEqual({ offered: true, reason: null, enabled: false, elsewhere: false });
    expect(keychainSlots(path)).toBe(0);
    await later.call('vault.lock', {});
    expect(await client(keychain).route('vault.unlockKeychain', { path, name: 'Alice Admin' })).toMatchObject({ ok: false, code: 'wrong-secret' });
    // The passphrase slot always remains.
    expect((await client(keychain).route('vault.unlock', { path, name: 'Alice Admin', passphrase: PASSPHRASE })).ok).toBe(true);
  });

  it('gives one answer for an unknown name, a member without a slot, and a keychain that cannot open the slot', async () => {
    const keychain = fakeKeychain();
    const { path, admin } = await vaultWithBob(keychain);
    await admin.call('vault.keychainEnable', { passphrase: PASSPHRASE });
    await admin.call('vault.lock', {});
    const answers = [
      await client(keychain).route('vault.unlockKeychain', { path, name: 'Nobody Here' }),
      await client(keychain).route('vault.unlockKeychain', { path, name: 'Bob Owner' }),
      // Another OS account's keychain (or another computer's) cannot open Alice's slot.
      await client(fakeKeychain({ account: randomBytes(32) })).route('vault.unlockKeychain', { path, name: 'Alice Admin' }),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({ ok: false, code: 'wrong-secret', message: 'This computer’s keychain cannot unlock the vault for that member name: unlock with your passphrase.' });
    }
    const reader = client(keychain);
    await reader.call('vault.unlock', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    const refused = (await auditLog(reader)).filter((e) => e.action === 'unlock' && e.outcome === 'refused');
    expect(refused.map((e) => e.details)).toEqual([0, 1, 2].map(() => ({ reason: 'wrong-secret', method: 'keychain' })));
    expect(await reader.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('reads as on only where this computer’s keychain opens the slot: elsewhere it is “on at another computer”, and may be ended from there', async () => {
    const laptop = fakeKeychain();
    const desktop = fakeKeychain({ account: randomBytes(32) });
    const { path, admin } = await vaultWithBob(laptop);
    await admin.call('vault.keychainEnable', { passphrase: PASSPHRASE });
    await admin.call('vault.lock', {});
    const there = client(desktop);
    await there.call('vault.unlock', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    expect(await there.call('vault.keychainStatus', {})).toEqual({ offered: true, reason: null, enabled: false, elsewhere: true });
    // Where no keychain is offered, the slot made elsewhere is still said, so it can be ended (a lost laptop's).
    const cli = client();
    await there.call('vault.lock', {});
    await cli.call('vault.unlock', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    expect(await cli.call('vault.keychainStatus', {})).toMatchObject({ offered: false, enabled: false, elsewhere: true });
    await cli.call('vault.lock', {});
    // Turning it on at the second computer ends it at the first.
    await there.call('vault.unlock', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    expect(await there.call('vault.keychainEnable', { passphrase: PASSPHRASE })).toEqual({ offered: true, reason: null, enabled: true, elsewhere: false });
    expect(keychainSlots(path)).toBe(1);
    await there.call('vault.lock', {});
    expect(await client(laptop).route('vault.unlockKeychain', { path, name: 'Alice Admin' })).toMatchObject({ ok: false, code: 'wrong-secret' });
    const back = client(laptop);
    await back.call('vault.unlock', { path, name: 'Alice Admin', passphrase: PASSPHRASE });
    expect(await back.call('vault.keychainStatus', {})).toMatchObject({ enabled: false, elsewhere: true });
    expect(await back.call('vault.keychainDisable', {})).toMatchObject({ enabled: false, elsewhere: false });
    expect(keychainSlots(path)).toBe(0);
  });

  it('refuses, and logs it, when the member’s own passphrase slot is damaged', async () => {
    const keychain = fakeKeychain();
    const { path, admin } = await vaultWithBob(keychain);
    const db = new Database(path);
    const row = db.prepare("SELECT k.id, k.slot FROM key_slots k JOIN members m ON m.id = k.member_id WHERE k.kind = 'passphrase' ORDER BY k.created_at LIMIT 1").get() as { id: string; slot: string };
    db.prepare('UPDATE key_slots SET slot = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.slot), nonce: 'AAAA' }), row.id);
    db.close();
    const answer = await admin.route('vault.keychainEnable', { passphrase: PASSPHRASE });
    expect(answer).toMatchObject({ ok: false, code: 'integrity' });
    expect(keychainSlots(path)).toBe(0);
    const logged = (await auditLog(admin)).filter((e) => e.action === 'keychain-enable');
    expect(logged.map((e) => [e.outcome, e.details.reason])).toEqual([['failed', 'integrity']]);
  });

  it('is not offered where the keychain would keep the key in plain text, and says why', async () => {
    const refused = fakeKeychain({ refused: true });
    const { path, admin } = await vaultWithBob(refused);
    expect(await admin.call('vault.keychainStatus', {})).toEqual({ offered: false, reason: REFUSED_REASON, enabled: false, elsewhere: false });
    expect(await admin.route('vault.keychainEnable', { passphrase: PASSPHRASE })).toEqual({ ok: false, code: 'forbidden', message: REFUSED_REASON });
    expect(refused.calls).not.toContain('protect');
    expect(keychainSlots(path)).toBe(0);
    await admin.call('vault.lock', {});
    expect(await client(refused).route('vault.unlockKeychain', { path, name: 'Alice Admin' })).toEqual({ ok: false, code: 'forbidden', message: REFUSED_REASON });
  });

  it('is never offered on the command line (no keychain): status says so, on and unlock refuse in one sentence (exit 3)', async () => {
    const { path, admin } = await vaultWithBob(undefined);
    const status = await admin.call('vault.keychainStatus', {});
    expect(status).toEqual({ offered: false, reason: expect.stringMatching(/only by the desktop app/), enabled: false, elsewhere: false });
    expect(await admin.route('vault.keychainEnable', { passphrase: PASSPHRASE })).toEqual({ ok: false, code: 'forbidden', message: status.reason });
    // Turning it off needs no keychain: a member may always remove their slot.
    expect(await admin.call('vault.keychainDisable', {})).toMatchObject({ enabled: false });
    await admin.call('vault.lock', {});
    expect(await client().route('vault.unlockKeychain', { path, name: 'Alice Admin' })).toEqual({ ok: false, code: 'forbidden', message: status.reason });
  });

  it('ends with a new passphrase (changed or recovered) and with the member', async () => {
    const keychain = fakeKeychain();
    const { path, admin, bobId, recoveryKey } = await vaultWithBob(keychain);
    await admin.call('vault.keychainEnable', { passphrase: PASSPHRASE });
    await admin.call('members.changePassphrase', { current: PASSPHRASE, next: `${PASSPHRASE} again` });
    expect(await admin.call('vault.keychainStatus', {})).toMatchObject({ enabled: false });
    expect(keychainSlots(path)).toBe(0);
    await admin.call('vault.keychainEnable', { passphrase: `${PASSPHRASE} again` });
    await admin.call('vault.lock', {});
    await admin.call('vault.recover', { path, recoveryKey, name: 'Alice Admin', newPassphrase: PASSPHRASE });
    expect(keychainSlots(path)).toBe(0);

    const bob = client(keychain);
    await bob.call('vault.unlock', { path, name: 'Bob Owner', passphrase: PASSPHRASE });
    await bob.call('vault.keychainEnable', { passphrase: PASSPHRASE });
    expect(keychainSlots(path)).toBe(1);
    await bob.call('vault.lock', {});
    await admin.call('members.remove', { memberId: bobId });
    expect(keychainSlots(path)).toBe(0);
    expect(await client(keychain).route('vault.unlockKeychain', { path, name: 'Bob Owner' })).toMatchObject({ ok: false, code: 'wrong-secret' });
  });

  it('writes the log with ids and words only, and the chain verifies', async () => {
    const keychain = fakeKeychain();
    const { path, admin } = await vaultWithBob(keychain);
    await admin.call('vault.keychainStatus', {});
    await admin.call('vault.keychainEnable', { passphrase: PASSPHRASE });
    await admin.call('vault.lock', {});
    const again = client(keychain);
    await again.call('vault.unlockKeychain', { path, name: 'Alice Admin' });
    await again.call('vault.keychainDisable', {});
    const entries = await auditLog(again);
    const ours = entries.filter((e) => e.action.startsWith('keychain-') || (e.action === 'unlock' && e.details.method === 'keychain'));
    expect(ours.map((e) => [e.action, e.outcome])).toEqual([
      ['keychain-status', 'success'],
      ['keychain-enable', 'success'],
      ['unlock', 'success'],
      ['keychain-disable', 'success'],
    ]);
    const text = JSON.stringify(entries);
    for (const personal of ['Alice', 'Bob', PASSPHRASE]) expect(text).not.toContain(personal);
    expect(await again.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
