// Acceptance: the audit log is a hash chain that finds any edit made to the file behind the app's back (the
// append-only triggers dropped, as anyone with the file and an SQLite shell could): a changed entry, a removed
// one, two swapped, a cut-off tail, and an edit whose later hashes were all recomputed. And the log takes only
// ids, counts, enums, times and hashes: free text (a person's name, a note) is refused.
//
// I10 (reproduction 10): the log cannot be rewritten without the vault key. Every entry written by a key holder
// carries a MAC under the vault's audit key (a token's runs: under the token's own key), checked on every unlock
// and by `audit verify`; a rewrite with the chain and head recomputed, a forged entry, and MACs stripped are
// found; a tail cut off with its head reset is found against a certificate or a head kept elsewhere; a vault
// migrated from schema 4 keeps its earlier entries chain-only.
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/vault/migrations/migration.js';
import { downgrade } from '../support/downgrade.js';
import type { AuditDetails, AuditHead } from '../../src/audit/audit-log.js';
import { isKeyless } from '../../src/audit/audit-log.js';
import { verifyAudit } from '../../src/app/use-cases/audit.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { listContacts } from '../../src/app/use-cases/contacts.js';
import { authorise } from '../../src/app/authorise.js';
import { addGroup } from '../../src/app/use-cases/groups.js';
import { addMember, removeMemberById } from '../../src/app/use-cases/members.js';
import { erasePerson } from '../../src/app/use-cases/requests.js';
import { destroyDueWithToken } from '../../src/app/use-cases/retention.js';
import { createDestructionToken } from '../../src/app/use-cases/tokens.js';
import { deriveKeys, openSlot, type AuditMac, type KeySlot } from '../../src/crypto/index.js';
import type { Certificate } from '../../src/shared/certificate.js';
import { ServiceError } from '../../src/shared/errors.js';
import { Vault } from '../../src/vault/vault.js';
import { fixture, scratch } from '../support/fixtures.js';
import { newVault, PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
let original: string;
let entries: number;
/** An erasure's certificate, issued early in the log (kept "elsewhere", as its owner would). */
let certificate: Certificate;
/** The head `audit verify --json` printed after the erasure, kept elsewhere too. */
let exported: AuditHead;
let tokenId: string;
let token: string;
const opened: Vault[] = [];
afterAll(() => opened.forEach((v) => v.close()));

beforeAll(async () => {
  const { vault, session, path } = await newVault(tmp.dir);
  await commitImport(session, fixture('connections-tricky.csv'), {});
  addGroup(session, 'Engineers', { type: 'position-keyword', keywords: ['engineer'] });
  listContacts(session);
  await addMember(session, { name: 'Bob Importer', roles: ['importer'], passphrase: PASSPHRASE });
  const bob = await vault.unlock('Bob Importer', PASSPHRASE);
  expect(() => authorise(bob, 'groups.list')).toThrow(); // a refusal is in the chain too
  await expect(vault.unlock('Bob Importer', 'not his passphrase')).rejects.toThrow();
  certificate = (await erasePerson(session, { email: 'grace.hopper1906@gmail.com' })).certificate;
  listContacts(session);
  const head = verifyAudit(session);
  if (!head.ok) throw new Error(head.problem);
  exported = { seq: head.seq, hash: head.hash };
  expect(exported.seq).toBeGreaterThan(certificate.audit.seq);
  // A token's runs, and refusals written by someone holding no key (another process, as the CLI would be).
  const created = createDestructionToken(session);
  tokenId = created.id;
  token = created.token;
  const unattended = Vault.open(path);
  await destroyDueWithToken(unattended, created.token, { dryRun: true });
  await destroyDueWithToken(unattended, created.token);
  await expect(destroyDueWithToken(unattended, `${created.token}x`)).rejects.toThrow(/not valid/);
  await expect(unattended.unlock('Nobody Known', PASSPHRASE)).rejects.toThrow(/name or passphrase is wrong/);
  await expect(unattended.unlock('Alice Admin', 'a wrong passphrase')).rejects.toThrow(/name or passphrase is wrong/);
  await expect(unattended.recover('not a recovery key', 'Alice Admin', PASSPHRASE)).rejects.toThrow(ServiceError);
  unattended.close();
  listContacts(session);
  const result = vault.audit.verify();
  expect(result).toMatchObject({ ok: true });
  entries = result.entries;
  expect(entries).toBeGreaterThanOrEqual(16);
  vault.close();
  original = path;
});

/** A copy of the vault edited with a raw connection, the append-only triggers dropped first; then opened by the app. */
function tampered(edit: (db: Database.Database) => void): Vault {
  const path = tmp.path(`tampered-${randomUUID()}.db`);
  copyFileSync(original, path);
  const db = new Database(path);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit(db);
  db.close();
  const vault = Vault.open(path);
  opened.push(vault);
  return vault;
}

interface Row {
  seq: number;
  at: string;
  member_id: string | null;
  action: string;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
  mac: Buffer | null;
}
const row = (db: Database.Database, seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row;

/** The app's hashing rule, public by design: what a forger recomputes. */
const hashOf = (r: Omit<Row, 'hash' | 'mac'>) => {
  const details = JSON.parse(r.details) as Record<string, unknown>;
  const sorted = Object.fromEntries(Object.entries(details).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify([r.seq, r.at, r.member_id, r.action, r.outcome, sorted, r.prev_hash])).digest('hex');
};

/** A forger without the key: rewrite the chain from `from` on (each later hash and the head recomputed to match). */
function recomputeChain(db: Database.Database, from: number, options: { stripMacs?: boolean } = {}): void {
  const last = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
  let prev = from === 1 ? '0'.repeat(64) : row(db, from - 1).hash;
  for (let seq = from; seq <= last; seq++) {
    const r = { ...row(db, seq), prev_hash: prev };
    r.hash = hashOf(r);
    db.prepare('UPDATE audit_log SET at = ?, member_id = ?, action = ?, outcome = ?, details = ?, prev_hash = ?, hash = ?, mac = ? WHERE seq = ?').run(
      r.at,
      r.member_id,
      r.action,
      r.outcome,
      r.details,
      r.prev_hash,
      r.hash,
      options.stripMacs ? null : r.mac,
      seq,
    );
    prev = r.hash;
  }
  setHead(db);
}

/** Reset the head kept beside the log to its last entry, as a forger who cut the tail would. */
function setHead(db: Database.Database): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  db.prepare("UPDATE vault_meta SET value = ? WHERE key = 'audit_head'").run(`${last.seq}:${last.hash}`);
}

/** The vault's audit key, from a member's slot (what an unlock derives), to verify a copy without unlocking it. */
async function auditKeyOf(vault: Vault): Promise<AuditMac> {
  const { slot } = vault.db.prepare("SELECT slot FROM key_slots WHERE kind = 'passphrase' ORDER BY created_at LIMIT 1").get() as { slot: string };
  const key = await openSlot(JSON.parse(slot) as KeySlot, PASSPHRASE);
  const { records, index, audit } = deriveKeys(key);
  records.destroy();
  index.destroy();
  key.destroy();
  return audit;
}

const logSize = (vault: Vault) => (vault.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('the chain', () => {
  it('verifies as written, and after reopening', () => {
    const vault = tampered(() => {});
    expect(vault.audit.verify()).toMatchObject({ ok: true, entries });
  });

  it.each([
    ['details', (r: Row) => ({ details: r.details.replace(/"records":\d+/, '"records":1') })],
    ['outcome', (r: Row) => ({ outcome: r.outcome === 'success' ? 'refused' : 'success' })],
    ['member', (r: Row) => ({ member_id: r.member_id === null ? randomUUID() : null })],
    ['time', (r: Row) => ({ at: r.at.replace(/^\d{4}/, '1999') })],
    ['action', (_r: Row) => ({ action: 'contact-list' })],
  ])('an entry whose %s was changed is reported as changed', (_, change) => {
    let seq = 0;
    const vault = tampered((db) => {
      seq = (db.prepare("SELECT seq FROM audit_log WHERE action = 'import-commit'").get() as { seq: number }).seq;
      const r = row(db, seq);
      const fields = change(r);
      db.prepare(`UPDATE audit_log SET ${Object.keys(fields).map((k) => `${k} = ?`).join(', ')} WHERE seq = ?`).run(...Object.values(fields), seq);
      expect(row(db, seq)).not.toEqual(r);
    });
    expect(vault.audit.verify()).toEqual({ ok: false, entries: seq, brokenAt: seq, problem: `entry ${seq} was changed after it was written` });
  });

  it('a deleted entry in the middle is reported missing', () => {
    const vault = tampered((db) => db.prepare('DELETE FROM audit_log WHERE seq = 3').run());
    expect(vault.audit.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'entry 3 is missing' });
  });

  it('two entries swapped (reordered) are reported', () => {
    const vault = tampered((db) => {
      const [a, b] = [row(db, 2), row(db, 4)];
      const put = db.prepare('UPDATE audit_log SET at = ?, member_id = ?, action = ?, outcome = ?, details = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      put.run(b.at, b.member_id, b.action, b.outcome, b.details, b.prev_hash, b.hash, 2);
      put.run(a.at, a.member_id, a.action, a.outcome, a.details, a.prev_hash, a.hash, 4);
    });
    expect(vault.audit.verify()).toMatchObject({ ok: false, brokenAt: 2, problem: 'entry 2 does not follow entry 1' });
  });

  it('the last entry deleted (truncation) is reported through the head', () => {
    const vault = tampered((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(entries));
    expect(vault.audit.verify()).toEqual({
      ok: false,
      entries: entries - 1,
      brokenAt: entries,
      problem: `the log ends at entry ${entries - 1}, but entries up to ${entries} were written`,
    });
  });

  it('an edit with every later hash recomputed to match is still reported through the head', () => {
    // The forger knows the (public) hashing rule and rewrites the chain from the edited entry on.
    const hashOf = (r: Row) => {
      const details = JSON.parse(r.details) as Record<string, unknown>;
      const sorted = Object.fromEntries(Object.entries(details).sort(([a], [b]) => (a < b ? -1 : 1)));
      return createHash('sha256').update(JSON.stringify([r.seq, r.at, r.member_id, r.action, r.outcome, sorted, r.prev_hash])).digest('hex');
    };
    const vault = tampered((db) => {
      // The rule above is the app's: it reproduces every stored hash (so the forgery below is a faithful one).
      for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]) expect(hashOf(r)).toBe(r.hash);
      let prev = row(db, 1).hash;
      for (let seq = 2; seq <= entries; seq++) {
        const r = { ...row(db, seq), prev_hash: prev };
        if (seq === 2) r.at = r.at.replace(/^\d{4}/, '1999'); // the edit
        r.hash = hashOf(r);
        db.prepare('UPDATE audit_log SET at = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(r.at, r.prev_hash, r.hash, seq);
        prev = r.hash;
      }
    });
    expect(vault.audit.verify()).toMatchObject({ ok: false, brokenAt: entries + 1, problem: expect.stringMatching(/^the log ends at entry \d+, but entries up to \d+ were written$/) });
  });
});

describe('what an entry may hold', () => {
  it('free text is refused, and nothing is appended', async () => {
    const { vault } = await newVault(tmp.dir);
    opened.push(vault);
    const head = vault.audit.head();
    const refused: Record<string, string | string[]>[] = [
      { name: 'Ada Lovelace' },
      { note: 'grace' },
      { email: 'ada@analytical-engines.example' },
      { company: 'Acme Ltd' },
      { tags: ['networking', 'lovelace'] },
    ];
    for (const details of refused) {
      let error: unknown;
      try {
        vault.audit.append(null, 'contact-show', 'success', details as AuditDetails);
      } catch (err) {
        error = err;
      }
      expect(error, JSON.stringify(details)).toBeInstanceOf(Error);
      const message = (error as Error).message;
      for (const value of Object.values(details).flat()) if (value !== 'networking') expect(message).not.toContain(value); // no echo of the data
    }
    expect(vault.audit.head()).toEqual(head);
    expect(() => vault.audit.append(null, 'contact-show', 'success', { reason: 'grace' })).toThrow(
      'Audit detail "reason" is not an id, a time, a count or a known word: refused to keep the log free of personal data.',
    );
    // A key is a name too: only the log's known fields are accepted.
    expect(() => vault.audit.append(null, 'contact-show', 'success', { AdaLovelace: 1 })).toThrow(/^Audit detail "AdaLovelace" is not one of the log's known fields/);
  });

  // A value that fails the shape check (spaces, capitals) is refused with the same one sentence as an unknown word.
  it('a name is refused with a clear one-sentence error naming the detail', async () => {
    const { vault } = await newVault(tmp.dir);
    opened.push(vault);
    expect(() => vault.audit.append(null, 'contact-show', 'success', { name: 'Ada Lovelace' })).toThrow(/^Audit detail "name" [^\n]*personal data\.$/);
  });

  it('ids, counts, enums from the vocabulary, ISO times, sha256 hex, booleans and null are accepted', async () => {
    const { vault } = await newVault(tmp.dir);
    opened.push(vault);
    const details = {
      contactId: randomUUID(),
      contacts: 12,
      reason: 'wrong-role',
      basis: 'legitimate-interests',
      roles: ['admin', 'importer'],
      at: new Date('2026-11-29T09:45:00.000Z').toISOString(),
      sha256: createHash('sha256').update('a file').digest('hex'),
      valid: true,
      groupId: null,
    };
    const entry = vault.audit.append(null, 'import-commit', 'success', details);
    expect(entry.details).toEqual(details);
    expect(vault.audit.entries().at(-1)).toMatchObject({ action: 'import-commit', details });
    expect(vault.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('authenticated entries (I10)', () => {
  it('every entry a key holder wrote carries a MAC; key-less refusals may not; keyed verification passes untouched', async () => {
    const vault = tampered(() => {});
    const rows = vault.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
    const shape = (r: Row) => ({ member: r.member_id, action: r.action, outcome: r.outcome as 'success' | 'refused' | 'failed', details: JSON.parse(r.details) as AuditDetails });
    expect(rows.filter((r) => r.mac === null && !isKeyless(shape(r)))).toEqual([]);
    // What the log holds: the token's own runs, authenticated; refusals by someone holding no key, not.
    const tokenRuns = rows.filter((r) => r.member_id === null && (JSON.parse(r.details) as AuditDetails).tokenId === tokenId);
    expect(tokenRuns.map((r) => [r.action, r.outcome, r.mac?.length])).toEqual([
      ['destruction-dry-run', 'success', 32],
      ['destruction-run', 'success', 32],
    ]);
    const keyless = rows.filter((r) => r.mac === null).map((r) => [r.action, r.outcome, r.member_id === null ? null : 'member']);
    expect(keyless).toEqual([
      ['destruction-run', 'refused', null],
      ['unlock', 'refused', null],
      ['unlock', 'refused', 'member'],
      ['recover', 'refused', null],
    ]);
    const key = await auditKeyOf(vault);
    expect(vault.audit.verify(key)).toEqual({ ok: true, entries, head: row(vault.db, entries).hash, seq: entries, hash: row(vault.db, entries).hash, authenticated: true, legacy: 0 });
    expect(vault.audit.verify(key, { against: certificate.audit })).toMatchObject({ ok: true, against: certificate.audit });
    expect(vault.audit.verify(key, { against: exported })).toMatchObject({ ok: true, against: exported });
    // Unlocking verifies it too, and hands out the session.
    const session = await vault.unlock('Alice Admin', PASSPHRASE);
    expect(verifyAudit(session, { against: certificate.audit })).toMatchObject({ ok: true, authenticated: true, legacy: 0 });
    session.lock();
  });

  it('a member removed while unlocked: the refusal their session records is authenticated, and the log verifies', async () => {
    const { vault, session, path } = await newVault(tmp.dir);
    opened.push(vault);
    await addMember(session, { name: 'Bob Owner', roles: ['data-owner'], passphrase: PASSPHRASE });
    const elsewhere = Vault.open(path);
    opened.push(elsewhere);
    const bob = await elsewhere.unlock('Bob Owner', PASSPHRASE);
    removeMemberById(session, bob.memberId);
    expect(() => authorise(bob, 'groups.list')).toThrow(/membership of this vault was removed/);
    await Promise.resolve(); // the end of the turn: the removed member's audit key is gone too
    expect(() => bob.auditMac.mac('x')).toThrow(/destroyed/);
    const last = row(vault.db, logSize(vault));
    expect(last).toMatchObject({ member_id: bob.memberId, action: 'group-list', outcome: 'refused', mac: expect.any(Buffer) });
    expect(vault.audit.verify(session.auditMac)).toMatchObject({ ok: true });
    (await vault.unlock('Alice Admin', PASSPHRASE)).lock();
  });

  it('reproduction 10: entries rewritten with every later hash and the head recomputed, without the key, are found', async () => {
    const seq = certificate.audit.seq; // the erasure: say it destroyed nobody
    const vault = tampered((db) => {
      const r = row(db, seq);
      db.prepare('UPDATE audit_log SET details = ? WHERE seq = ?').run(r.details.replace('"destroyed":1', '"destroyed":0'), seq);
      recomputeChain(db, seq);
    });
    // The chain alone is fooled (the hole this issue reported) ...
    expect(vault.audit.verify()).toMatchObject({ ok: true, entries });
    // ... the MACs are not: the rewritten entry's MAC no longer matches its hash.
    const key = await auditKeyOf(vault);
    expect(vault.audit.verify(key)).toEqual({ ok: false, entries: seq, brokenAt: seq, problem: `entry ${seq} was altered: its MAC does not match the vault's audit key` });
    // And no member can unlock the vault: one sentence, exit code 4, nothing written.
    const before = logSize(vault);
    const refused = await vault.unlock('Alice Admin', PASSPHRASE).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'integrity', message: `The vault's audit log failed verification (entry ${seq} was altered: its MAC does not match the vault's audit key), so it was changed outside the app: the vault stays locked.` });
    expect(logSize(vault)).toBe(before);
    // The certificate kept elsewhere no longer matches either.
    expect(vault.audit.verify(key, { against: certificate.audit })).toMatchObject({ ok: false, brokenAt: seq });
  });

  it('MACs stripped with the rewrite are found: an entry only a key holder writes has none', async () => {
    const vault = tampered((db) => {
      db.prepare('UPDATE audit_log SET at = ? WHERE seq = 2').run('1999-01-01T00:00:00.000Z');
      recomputeChain(db, 2, { stripMacs: true });
    });
    const key = await auditKeyOf(vault);
    expect(vault.audit.verify()).toMatchObject({ ok: true });
    expect(vault.audit.verify(key)).toMatchObject({ ok: false, brokenAt: 2, problem: 'entry 2 was altered: it has no MAC, though only a holder of the key could have written it' });
  });

  it('an entry forged at the end is found: no MAC, or a MAC under another key (a token key on an admin entry, or another token)', async () => {
    const key = await auditKeyOf(tampered(() => {}));
    const admin = (tampered(() => {}).db.prepare('SELECT member_id FROM audit_log WHERE seq = 1').get() as { member_id: string }).member_id;
    const forge = (fields: Partial<Row>, sign?: (hash: string) => Buffer) =>
      tampered((db) => {
        const last = row(db, entries);
        const r = { ...last, seq: entries + 1, at: new Date().toISOString(), prev_hash: last.hash, mac: null as Buffer | null, ...fields };
        r.hash = hashOf(r);
        if (sign) r.mac = sign(r.hash);
        db.prepare('INSERT INTO audit_log (seq, at, member_id, action, outcome, details, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          r.seq, r.at, r.member_id, r.action, r.outcome, r.details, r.prev_hash, r.hash, r.mac,
        );
        setHead(db);
      });
    const run = { action: 'destruction-run', outcome: 'success' };
    // A destruction run by the admin, with no MAC: the chain and head are right, the entry is not.
    const noMac = forge({ ...run, member_id: admin, details: JSON.stringify({ destroyed: 0, held: 0, due: 0 }) });
    expect(noMac.audit.verify()).toMatchObject({ ok: true });
    expect(noMac.audit.verify(key)).toMatchObject({ ok: false, brokenAt: entries + 1, problem: expect.stringMatching(/has no MAC/) });
    // The token's holder signs an admin's entry with the token's key: not the key that entry needs.
    const tokenKey = key.forToken(tokenId);
    const asAdmin = forge({ ...run, member_id: admin, details: JSON.stringify({ destroyed: 0, held: 0, due: 0 }) }, (h) => tokenKey.mac(h));
    expect(asAdmin.audit.verify(key)).toMatchObject({ ok: false, brokenAt: entries + 1, problem: expect.stringMatching(/its MAC does not match/) });
    // ... or claims another token's run.
    const asOther = forge({ ...run, member_id: null, details: JSON.stringify({ due: 0, held: 0, tokenId: randomUUID() }) }, (h) => tokenKey.mac(h));
    expect(asOther.audit.verify(key)).toMatchObject({ ok: false, brokenAt: entries + 1, problem: expect.stringMatching(/its MAC does not match/) });
    // Its own run, signed with its own key, verifies: a token holder can write (or rewrite, at the tail) their own entries.
    const own = forge({ ...run, member_id: null, details: JSON.stringify({ due: 0, held: 0, tokenId }) }, (h) => tokenKey.mac(h));
    expect(own.audit.verify(key)).toMatchObject({ ok: true, entries: entries + 1 });
    tokenKey.destroy();
    // A refusal needs no key (a wrong passphrase is refused before anyone holds one): appended by anyone, it verifies.
    const refusal = forge({ member_id: null, action: 'unlock', outcome: 'refused', details: JSON.stringify({ reason: 'wrong-secret' }) });
    expect(refusal.audit.verify(key)).toMatchObject({ ok: true, entries: entries + 1 });
  });

  it('a tail cut off with its head reset: found against a certificate issued before the cut, or an exported head', async () => {
    const cutAt = (seq: number) =>
      tampered((db) => {
        db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(seq);
        setHead(db);
      });
    const key = await auditKeyOf(tampered(() => {}));
    // Cut from the certificate's entry on: what is left is a faithful log, authenticated up to its end ...
    const early = cutAt(certificate.audit.seq);
    expect(early.audit.verify(key)).toMatchObject({ ok: true, entries: certificate.audit.seq - 1 });
    // ... but it no longer holds what was kept outside the vault.
    const problem = (n: number) => `the audit log has been cut short or rewritten before entry ${n}`;
    expect(early.audit.verify(key, { against: certificate.audit })).toEqual({ ok: false, entries: certificate.audit.seq - 1, brokenAt: certificate.audit.seq, problem: problem(certificate.audit.seq) });
    expect(early.audit.verify(key, { against: exported })).toMatchObject({ ok: false, brokenAt: exported.seq, problem: problem(exported.seq) });
    expect(early.audit.verify(null, { against: exported })).toMatchObject({ ok: false, brokenAt: exported.seq }); // needs no key
    // Through the use case (`audit verify --against`), as an admin who unlocked the cut vault.
    const session = await early.unlock('Alice Admin', PASSPHRASE);
    expect(verifyAudit(session, { against: certificate.audit })).toMatchObject({ ok: false, problem: problem(certificate.audit.seq) });
    expect(verifyAudit(session, { against: exported })).toMatchObject({ ok: false, problem: problem(exported.seq) });
    session.lock();
    // Cut after the exported head: both points are still there, and verify.
    const late = cutAt(exported.seq + 1);
    expect(late.audit.verify(key, { against: exported })).toMatchObject({ ok: true, entries: exported.seq });
    expect(late.audit.verify(key, { against: certificate.audit })).toMatchObject({ ok: true });
    // The same seq with another hash (a rewrite) is refused the same way.
    expect(late.audit.verify(key, { against: { seq: exported.seq, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, problem: problem(exported.seq) });
  });

  it('the documented limit: the legacy mark moved to the end and every MAC stripped reads as a log from before schema 5', async () => {
    // Someone who can write the file can make the whole log look older than authentication (docs/security.md):
    // keyed verification then says how many entries are chain-only, and a head kept elsewhere still finds the rewrite.
    const vault = tampered((db) => {
      db.exec('DROP TRIGGER audit_legacy_seq_no_insert;');
      db.prepare("INSERT INTO vault_meta (key, value) VALUES ('audit_legacy_seq', ?)").run(String(entries));
      db.prepare('UPDATE audit_log SET at = ? WHERE seq = 2').run('1999-01-01T00:00:00.000Z');
      recomputeChain(db, 2, { stripMacs: true });
    });
    const key = await auditKeyOf(vault);
    expect(vault.audit.verify(key)).toMatchObject({ ok: true, legacy: entries });
    expect(vault.audit.verify(key, { against: exported })).toMatchObject({ ok: false, brokenAt: exported.seq, problem: expect.stringMatching(/cut short or rewritten/) });
    expect(vault.audit.verify(key, { against: certificate.audit })).toMatchObject({ ok: false, brokenAt: certificate.audit.seq });
  });

  it('a vault migrated from schema 4 verifies: its earlier entries chain-only, the later ones authenticated', async () => {
    // Schema 4 as it was: no MAC column, no wrapped token keys, no mark, nor anything later (undone on a copy).
    const path = tmp.path(`schema-4-${randomUUID()}.db`);
    copyFileSync(original, path);
    downgrade(path, 4);
    const vault = Vault.open(path);
    opened.push(vault);
    expect(vault.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(vault.audit.legacyMark()).toBe(entries);
    expect(vault.db.prepare('SELECT count(*) AS n FROM audit_log WHERE mac IS NOT NULL').get()).toEqual({ n: 0 });
    const session = await vault.unlock('Alice Admin', PASSPHRASE); // verified on open
    listContacts(session);
    expect(verifyAudit(session)).toMatchObject({ ok: true, entries: entries + 2, authenticated: true, legacy: entries });
    expect(row(vault.db, entries + 1)).toMatchObject({ action: 'unlock', outcome: 'success', mac: expect.any(Buffer) });
    session.lock();
    // A token from before schema 5 holds no audit key: refused, with what to do, and audited without a key.
    expect(vault.db.prepare('SELECT audit_key FROM destruction_tokens').all()).toEqual([{ audit_key: null }]);
    await expect(destroyDueWithToken(vault, token)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/created before audit entries were authenticated: an admin must create a new one/) });
    expect(vault.audit.entries({ afterSeq: entries + 3 })).toMatchObject([{ action: 'destruction-run', outcome: 'refused', member: null, details: { reason: 'forbidden' } }]);
    // The mark cannot be moved by the app, and a legacy entry rewritten is found at the first authenticated one.
    expect(() => vault.db.prepare("UPDATE vault_meta SET value = '999' WHERE key = 'audit_legacy_seq'").run()).toThrow(/fixed/);
    const key = await auditKeyOf(vault);
    const rewritten = new Database(path);
    rewritten.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    rewritten.prepare('UPDATE audit_log SET at = ? WHERE seq = 2').run('1999-01-01T00:00:00.000Z');
    recomputeChain(rewritten, 2);
    rewritten.close();
    expect(vault.audit.verify()).toMatchObject({ ok: true });
    expect(vault.audit.verify(key)).toMatchObject({ ok: false, brokenAt: entries + 1, problem: expect.stringMatching(/its MAC does not match/) });
  });
});
