// Acceptance: the audit log is a hash chain that finds any edit made to the file behind the app's back (the
// append-only triggers dropped, as anyone with the file and an SQLite shell could): a changed entry, a removed
// one, two swapped, a cut-off tail, and an edit whose later hashes were all recomputed. And the log takes only
// ids, counts, enums, times and hashes: free text (a person's name, a note) is refused.
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDetails } from '../../src/audit/audit-log.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { listContacts } from '../../src/app/use-cases/contacts.js';
import { authorise } from '../../src/app/authorise.js';
import { addGroup } from '../../src/app/use-cases/groups.js';
import { addMember } from '../../src/app/use-cases/members.js';
import { Vault } from '../../src/vault/vault.js';
import { fixture, scratch } from '../support/fixtures.js';
import { newVault, PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
let original: string;
let entries: number;
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
  const result = vault.audit.verify();
  expect(result).toMatchObject({ ok: true });
  entries = result.entries;
  expect(entries).toBeGreaterThanOrEqual(7);
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
}
const row = (db: Database.Database, seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row;

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
