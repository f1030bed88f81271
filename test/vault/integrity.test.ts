// Acceptance: stored data that was changed or moved is refused with a clear integrity error, never returned as
// garbage; a wrong secret changes nothing but the audit log; recovering, changing a passphrase and adding or
// removing a member re-encrypt nothing (only key slots change).
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/shared/errors.js';
import { IntegrityError } from '../../src/crypto/index.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { getContact, listContacts } from '../../src/app/use-cases/contacts.js';
import { addGroup, listGroups } from '../../src/app/use-cases/groups.js';
import { addMember, changePassphrase, removeMemberById } from '../../src/app/use-cases/members.js';
import type { Session } from '../../src/vault/session.js';
import type { Vault } from '../../src/vault/vault.js';
import { allContactsOf } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { newVault, PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
const opened: Vault[] = [];
afterAll(() => opened.forEach((v) => v.close()));

async function vaultWithContacts() {
  const v = await newVault(tmp.dir);
  opened.push(v.vault);
  await commitImport(v.session, fixture('connections-tricky.csv'), {});
  const ids = (v.vault.db.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  return { ...v, ids };
}

type Row = Record<string, unknown>;
const dataCt = (vault: Vault, id: string) => (vault.db.prepare('SELECT data_ct FROM contacts WHERE id = ?').get(id) as { data_ct: Buffer }).data_ct;
const setDataCt = (vault: Vault, id: string, blob: Buffer) => vault.db.prepare('UPDATE contacts SET data_ct = ? WHERE id = ?').run(blob, id);
const flipped = (blob: Buffer, at: number) => {
  const copy = Buffer.from(blob);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

/** Every table but the audit log, row by row, and the metadata but the audit head: what a refusal must not change. */
function dump(vault: Vault): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  const tables = vault.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) out[name] = vault.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Row[];
  out.vault_meta = out.vault_meta!.filter((r) => r.key !== 'audit_head');
  return out;
}

/** The ciphertexts of everything stored about people: these must stay byte for byte as they were. */
function ciphertexts(vault: Vault): Row[] {
  return [
    ...(vault.db.prepare('SELECT id, data_ct, url_index, email_index, name_index FROM contacts ORDER BY id').all() as Row[]),
    ...(vault.db.prepare('SELECT id, label_ct, rule_ct FROM groups ORDER BY id').all() as Row[]),
    ...(vault.db.prepare('SELECT group_id, policy_ct FROM group_policies ORDER BY group_id').all() as Row[]),
  ];
}

async function expectServiceError(p: Promise<unknown> | (() => unknown), code: string, message: RegExp): Promise<ServiceError> {
  let caught: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected a ServiceError "${code}"`).toBeInstanceOf(ServiceError);
  expect((caught as ServiceError).code).toBe(code);
  expect((caught as ServiceError).message).toMatch(message);
  return caught as ServiceError;
}

const INTEGRITY = /integrity check: it was changed, or moved from another record/;

describe('changed or moved ciphertext', () => {
  it('(a) one flipped byte of a contact’s data_ct: getContact and listContacts refuse with an integrity error', async () => {
    const { vault, session, ids } = await vaultWithContacts();
    const id = ids[3]!;
    const original = dataCt(vault, id);
    expect(getContact(session, id).id).toBe(id); // readable before
    for (const at of [0, 5, 20, original.length - 1]) {
      setDataCt(vault, id, flipped(original, at)); // version byte, nonce, body, tag
      const err = await expectServiceError(() => getContact(session, id), 'integrity', INTEGRITY);
      expect(err.message).toContain(id); // names the damaged record
      await expectServiceError(() => listContacts(session), 'integrity', INTEGRITY);
    }
    const last = vault.audit.entries().at(-1)!;
    expect(last).toMatchObject({ action: 'contact-list', outcome: 'failed', details: { reason: 'integrity' } });
    setDataCt(vault, id, original); // the same bytes back: readable again (the check is about the bytes)
    expect(getContact(session, id).id).toBe(id);
    expect(allContactsOf(session)).toHaveLength(ids.length);
    expect(vault.audit.verify().ok).toBe(true);
  });

  it('(b) a contact’s data_ct copied into another contact’s row is refused there, and still opens in its own row', async () => {
    const { vault, session, ids } = await vaultWithContacts();
    const [a, b] = [ids[0]!, ids[1]!];
    setDataCt(vault, b, dataCt(vault, a));
    await expectServiceError(() => getContact(session, b), 'integrity', INTEGRITY);
    await expectServiceError(() => listContacts(session), 'integrity', INTEGRITY);
    expect(getContact(session, a).id).toBe(a);
  });

  // A changed group label is detected: listGroups never returns garbage.
  it('(c) a group’s label_ct changed or moved to another group: listGroups refuses', async () => {
    const { vault, session } = await vaultWithContacts();
    const g1 = addGroup(session, 'Engineers', { type: 'position-keyword', keywords: ['engineer'] });
    const g2 = addGroup(session, 'Researchers', { type: 'position-keyword', keywords: ['researcher'] });
    const label = (id: string) => (vault.db.prepare('SELECT label_ct FROM groups WHERE id = ?').get(id) as { label_ct: Buffer }).label_ct;
    const setLabel = (id: string, blob: Buffer) => vault.db.prepare('UPDATE groups SET label_ct = ? WHERE id = ?').run(blob, id);
    const original = label(g1.id);
    for (const tampered of [flipped(original, 15), label(g2.id)]) {
      setLabel(g1.id, tampered);
      let caught: unknown;
      try {
        listGroups(session);
      } catch (err) {
        caught = err;
      }
      const isIntegrity = caught instanceof IntegrityError || (caught instanceof ServiceError && caught.code === 'integrity');
      expect(isIntegrity, `listGroups threw ${String(caught)}`).toBe(true);
      expect((caught as Error).message).toMatch(INTEGRITY);
    }
    setLabel(g1.id, original);
    expect(listGroups(session).groups.map((g) => g.label)).toEqual(['Engineers', 'Researchers']);
  });

  // BUG (src/vault/groups-repo.ts list() / src/app/use-cases/groups.ts listGroups): the IntegrityError from
  // decrypting label_ct, rule_ct or policy_ct is not mapped to ServiceError('integrity') as contacts.ts does, so
  // the router would see an unknown error and the audit entry says reason 'failed', not 'integrity'.
  // Remove `.fails` once listGroups maps it.
  it('(c) …with ServiceError code "integrity" (as for contacts), audited with reason "integrity"', async () => {
    const { vault, session } = await vaultWithContacts();
    const g = addGroup(session, 'Engineers', { type: 'position-keyword', keywords: ['engineer'] });
    const original = (vault.db.prepare('SELECT label_ct FROM groups WHERE id = ?').get(g.id) as { label_ct: Buffer }).label_ct;
    vault.db.prepare('UPDATE groups SET label_ct = ? WHERE id = ?').run(flipped(original, 15), g.id);
    await expectServiceError(() => listGroups(session), 'integrity', INTEGRITY);
    expect(vault.audit.entries().at(-1)).toMatchObject({ action: 'group-list', outcome: 'failed', details: { reason: 'integrity' } });
  });
});

describe('secrets', () => {
  it('(d) a wrong passphrase (or name) is refused with "wrong-secret" and changes nothing but one audit entry', async () => {
    const { vault } = await vaultWithContacts();
    for (const [name, passphrase] of [
      ['Alice Admin', 'not the right passphrase'],
      ['Nobody Here', PASSPHRASE],
    ] as const) {
      const before = dump(vault);
      const head = vault.audit.head();
      const err = await expectServiceError(vault.unlock(name, passphrase), 'wrong-secret', /^The member name or passphrase is wrong\.$/);
      expect(err.message).not.toContain(name);
      expect(dump(vault)).toEqual(before); // contacts, members, key_slots, … row for row and byte for byte
      const added = vault.audit.entries({ afterSeq: head.seq });
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ action: 'unlock', outcome: 'refused', details: { reason: 'wrong-secret' } });
    }
    expect(vault.audit.verify().ok).toBe(true);
    await expect(vault.unlock('alice admin', PASSPHRASE)).resolves.toBeDefined(); // names are matched case-insensitively
  });

  it('(e) the recovery key sets a new passphrase, works once, and re-encrypts nothing', async () => {
    const { vault, session, ids, recoveryKey } = await vaultWithContacts();
    addGroup(session, 'Engineers', { type: 'position-keyword', keywords: ['engineer'] });
    const before = ciphertexts(vault);
    const members = vault.db.prepare('SELECT * FROM members').all();
    const next = 'a brand new passphrase after recovery';
    const recovered = await vault.recover(recoveryKey, 'Alice Admin', next);
    expect(recovered.recoveryKey).not.toBe(recoveryKey);
    expect(getContact(recovered.session, ids[0]!).id).toBe(ids[0]);
    expect(ciphertexts(vault)).toEqual(before);
    expect(vault.db.prepare('SELECT * FROM members').all()).toEqual(members);
    // Single use: the old recovery key no longer opens anything.
    await expectServiceError(vault.recover(recoveryKey, 'Alice Admin', 'yet another passphrase here'), 'wrong-secret', /^The recovery key or the member name is wrong\.$/);
    // The new passphrase unlocks; the old one does not.
    const unlocked = await vault.unlock('Alice Admin', next);
    expect(allContactsOf(unlocked)).toHaveLength(ids.length);
    await expectServiceError(vault.unlock('Alice Admin', PASSPHRASE), 'wrong-secret', /passphrase is wrong/);
    // The new recovery key works (once again).
    await vault.recover(recovered.recoveryKey, 'Alice Admin', 'the third passphrase of alice');
    expect(ciphertexts(vault)).toEqual(before);
    const actions = vault.audit.entries().filter((e) => e.action === 'recover').map((e) => e.outcome);
    expect(actions).toEqual(['success', 'refused', 'success']);
    expect(vault.audit.verify().ok).toBe(true);
  });

  it('(f) changing a passphrase and adding or removing a member re-encrypt nothing', async () => {
    const { vault, session, ids } = await vaultWithContacts();
    addGroup(session, 'Engineers', { type: 'position-keyword', keywords: ['engineer'] });
    const before = ciphertexts(vault);
    const slotsBefore = vault.db.prepare('SELECT * FROM key_slots ORDER BY id').all();

    const next = 'alice changed her passphrase';
    await changePassphrase(session, PASSPHRASE, next);
    expect(ciphertexts(vault)).toEqual(before);
    expect(vault.db.prepare('SELECT * FROM key_slots ORDER BY id').all()).not.toEqual(slotsBefore); // only the slot changed
    await expectServiceError(vault.unlock('Alice Admin', PASSPHRASE), 'wrong-secret', /passphrase is wrong/);
    const alice = await vault.unlock('Alice Admin', next);

    const bob = await addMember(alice, { name: 'Bob Owner', roles: ['data-owner'], passphrase: 'bob has a long passphrase' });
    expect(ciphertexts(vault)).toEqual(before);
    const bobSession: Session = await vault.unlock('Bob Owner', 'bob has a long passphrase');
    expect(getContact(bobSession, ids[0]!).id).toBe(ids[0]); // the same vault key opens the same ciphertexts

    removeMemberById(alice, bob.id);
    expect(ciphertexts(vault)).toEqual(before);
    await expectServiceError(vault.unlock('Bob Owner', 'bob has a long passphrase'), 'wrong-secret', /passphrase is wrong/);
    expect(allContactsOf(alice)).toHaveLength(ids.length);
    expect(vault.audit.verify().ok).toBe(true);
  });
});
