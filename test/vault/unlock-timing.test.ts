// I11 (reproduction 11): member names are not revealed by timing. An unknown name costs the same key derivation as
// a wrong passphrase: one scrypt run with the vault's passphrase parameters, on a decoy slot. Checked by counting
// derivations (scrypt wrapped by a spy), not by the clock, so the test is deterministic.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ScryptKdf from '../../src/crypto/scrypt-kdf.js';

vi.mock('../../src/crypto/scrypt-kdf.js', async (importOriginal) => {
  const actual = await importOriginal<typeof ScryptKdf>();
  return { ...actual, scryptKey: vi.fn(actual.scryptKey) };
});

import { scryptKey } from '../../src/crypto/scrypt-kdf.js';
import { createRouter } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import { addMember } from '../../src/app/use-cases/members.js';
import { ServiceError } from '../../src/shared/errors.js';
import { Vault } from '../../src/vault/vault.js';
import { scratch } from '../support/fixtures.js';
import { PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
const derivations = vi.mocked(scryptKey);
const opened: Vault[] = [];
afterAll(() => opened.forEach((v) => v.close()));
beforeEach(() => {
  derivations.mockClear(); // (a block: a hook's returned function would be called as its teardown)
});

/** The scrypt parameters of each derivation since the last clear. */
const params = () => derivations.mock.calls.map(([, , p]) => ({ ...p }));

/** A vault whose passphrase slots use `N` (tests go below the floor, and say so). */
async function vaultWith(N: number) {
  const path = tmp.path(`timing-${N}-${Math.random().toString(36).slice(2)}.db`);
  const kdf = { params: { N, r: 8, p: 1 }, allowWeak: true };
  let tick = Date.parse('2026-03-01T09:00:00Z');
  const now = () => new Date((tick += 1000)); // a second per step: the first slot is the first created
  const { vault, session } = await Vault.create(path, { name: 'Alice Admin', passphrase: PASSPHRASE }, { kdf, now });
  opened.push(vault);
  return { vault, session, path, kdf };
}

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

describe('unlock costs one key derivation, whoever is named', () => {
  it('an unknown name and a wrong passphrase: one derivation each, with the same parameters, and the same answer', async () => {
    const { vault } = await vaultWith(2 ** 11);
    const slot = { N: 2 ** 11, r: 8, p: 1 };

    derivations.mockClear();
    const unknown = await refusal(vault.unlock('Nobody At All', PASSPHRASE));
    expect(params()).toEqual([slot]);

    derivations.mockClear();
    const wrong = await refusal(vault.unlock('Alice Admin', 'not the passphrase at all'));
    expect(params()).toEqual([slot]);

    expect(unknown).toMatchObject({ code: 'wrong-secret', message: 'The member name or passphrase is wrong.' });
    expect(wrong).toMatchObject({ code: 'wrong-secret', message: unknown.message });

    derivations.mockClear();
    (await vault.unlock('Alice Admin', PASSPHRASE)).lock();
    expect(params()).toEqual([slot]); // and the right passphrase: one, too
  });

  it('the decoy takes the first passphrase slot’s parameters, with a fresh salt each time; a known name costs their own', async () => {
    const { vault, session } = await vaultWith(2 ** 10);
    vault.options.kdf = { params: { N: 2 ** 11, r: 8, p: 1 }, allowWeak: true }; // Bob's slot: other parameters
    await addMember(session, { name: 'Bob Importer', roles: ['importer'], passphrase: 'a second long passphrase' });
    derivations.mockClear();
    await refusal(vault.unlock('Nobody', PASSPHRASE));
    await refusal(vault.unlock('Nobody', PASSPHRASE));
    expect(params()).toEqual([{ N: 2 ** 10, r: 8, p: 1 }, { N: 2 ** 10, r: 8, p: 1 }]);
    const [first, second] = derivations.mock.calls.map(([, salt]) => Buffer.from(salt).toString('hex'));
    expect(first).not.toBe(second); // nothing to tell a decoy by
    derivations.mockClear();
    await refusal(vault.unlock('Bob Importer', PASSPHRASE));
    expect(params()).toEqual([{ N: 2 ** 11, r: 8, p: 1 }]);
  });

  it('a removed member is an unknown name: one derivation, the same answer', async () => {
    const { vault, session } = await vaultWith(2 ** 10);
    const bob = await addMember(session, { name: 'Bob Importer', roles: ['importer'], passphrase: 'a second long passphrase' });
    vault.db.prepare('DELETE FROM key_slots WHERE member_id = ?').run(bob.id); // no slot left, as a removed member
    derivations.mockClear();
    await refusal(vault.unlock('Bob Importer', 'a second long passphrase'));
    expect(params()).toEqual([{ N: 2 ** 10, r: 8, p: 1 }]);
  });

  it('through the router, as the command line and the desktop call it', async () => {
    const { path } = await vaultWith(2 ** 10);
    const service = new AppService();
    const route = createRouter(service);
    try {
      derivations.mockClear();
      const unknown = await route('vault.unlock', { path, name: 'Nobody At All', passphrase: PASSPHRASE });
      const unknownParams = params();
      derivations.mockClear();
      const wrong = await route('vault.unlock', { path, name: 'Alice Admin', passphrase: 'not the passphrase at all' });
      expect(params()).toEqual(unknownParams);
      expect(unknownParams).toEqual([{ N: 2 ** 10, r: 8, p: 1 }]);
      expect(wrong).toEqual(unknown);
      expect(unknown).toEqual({ ok: false, code: 'wrong-secret', message: 'The member name or passphrase is wrong.' });
    } finally {
      service.close();
    }
  });
});
