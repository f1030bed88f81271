// Why an erasure vacuums the whole file (src/vault/destruction.ts, finishPendingVacuum): with the vault's own pragmas
// (WAL, secure_delete), deleting a row zeroes it and its freed pages, but SQLite may have left an older copy of a row
// in a page's unused space when it rearranged the page (inserts, updates and deletes around it), and no checkpoint
// clears that copy; a VACUUM, which rewrites every page, does. Seeded, so the same pages fill the same way each run.
// Should a later SQLite zero that space too, the first test fails: the vacuum after one erasure could then go.
import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { scratch } from '../support/fixtures.js';

const tmp = scratch();

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Rounds of imports, rectifications and single erasures (each checkpointed) on a table shaped like `contacts`, then
 * a VACUUM or not: how many erased people leave any of their ciphertexts in the file.
 */
function erasedLeftInFile(seed: number, finish: 'checkpoint' | 'vacuum'): number {
  const rnd = seeded(seed);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
  const path = tmp.path(`bytes-${seed}-${finish}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('secure_delete = ON');
  db.exec(`CREATE TABLE contacts (id TEXT PRIMARY KEY, data_ct BLOB NOT NULL, email_index BLOB, group_id TEXT, expires_at TEXT) STRICT;
    CREATE INDEX ce ON contacts(email_index) WHERE email_index IS NOT NULL; CREATE INDEX cg ON contacts(group_id); CREATE INDEX cx ON contacts(expires_at);`);
  const insert = db.prepare('INSERT INTO contacts VALUES (?, ?, ?, ?, ?)');
  const rectify = db.prepare('UPDATE contacts SET data_ct = ?, expires_at = ? WHERE id = ?');
  const erase = db.prepare('DELETE FROM contacts WHERE id = ?');
  const live: string[] = [];
  const versions = new Map<string, Buffer[]>();
  const erased: string[] = [];
  const sealed = (id: string) => {
    const mark = bytes(24);
    versions.set(id, [...(versions.get(id) ?? []), mark]);
    return Buffer.concat([mark, bytes(200 + Math.floor(rnd() * 1200))]);
  };
  for (let round = 0; round < 16; round++) {
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const id = bytes(16).toString('hex');
        live.push(id);
        insert.run(id, sealed(id), bytes(16), `g${i % 5}`, String(Math.floor(rnd() * 1e9)));
      }
    })();
    db.transaction(() => {
      for (let i = 0; i < 150; i++) {
        const id = live[Math.floor(rnd() * live.length)]!;
        rectify.run(sealed(id), String(Math.floor(rnd() * 1e9)), id);
      }
    })();
    for (let i = 0; i < 20; i++) {
      const [id] = live.splice(Math.floor(rnd() * live.length), 1);
      erase.run(id);
      erased.push(id!);
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
  if (finish === 'vacuum') db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const file = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
  db.close();
  return erased.filter((id) => versions.get(id)!.some((v) => file.includes(v))).length;
}

describe('the bytes of an erased row', () => {
  it('with secure_delete and a truncated WAL alone, an older copy of an erased person can stay in the file', () => {
    expect(erasedLeftInFile(1, 'checkpoint')).toBeGreaterThan(0);
  });

  it('after a VACUUM, no copy of any erased person stays', () => {
    expect(erasedLeftInFile(1, 'vacuum')).toBe(0);
  });
});
