// Destroying 100,000 due contacts out of a 1,000,000-contact vault, against a bare DELETE of the same rows plus a
// TRUNCATE checkpoint on an identical copy in the same process. The vault is filled directly with rows of
// realistic size (random 330-byte blobs stand in for ciphertexts: destruction never decrypts).
// Prints one JSON line.   node bench/measure-destroy.js [TOTAL] [DUE]
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Vault } from '../dist/vault/vault.js';
import { purgeDue } from '../dist/vault/destruction.js';
import { time } from './timing.js';

const total = Number(process.argv[2] ?? 1_000_000);
const due = Number(process.argv[3] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'cs-destroy-'));
const size = (p) => statSync(p).size + (existsSync(`${p}-wal`) ? statSync(`${p}-wal`).size : 0);
try {
  const path = join(dir, 'vault.db');
  const kdf = { params: { N: 2 ** 10, r: 8, p: 1 }, allowWeak: true };
  const { vault, session } = await Vault.create(path, { name: 'Bench', passphrase: 'bench passphrase long' }, { kdf });
  const importId = randomUUID();
  const db = vault.db;
  db.prepare("INSERT INTO imports VALUES (?, ?, 'linkedin-connections', ?, '2026-01-01T00:00:00.000Z', 0,0,0,0,0,0,0,0)").run(importId, '0'.repeat(64), session.memberId);
  const insert = db.prepare(
    `INSERT INTO contacts (id, import_id, data_ct, url_index, email_index, email_kind, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, 'none', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const expires = i % Math.round(total / due) === 0 ? '2026-06-01T00:00:00.000Z' : '2030-01-01T00:00:00.000Z';
      insert.run(randomUUID(), importId, randomBytes(330), randomBytes(16), i % 7 ? null : randomBytes(16), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', expires);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  session.lock();
  vault.close();
  const copy = join(dir, 'bare.db');
  copyFileSync(path, copy);
  const before = size(path);

  const bare = await time(async () => {
    const d = new Database(copy);
    d.pragma('journal_mode = WAL');
    d.pragma('secure_delete = ON');
    const n = d.prepare("DELETE FROM contacts WHERE expires_at <= '2026-11-29T00:00:00.000Z'").run().changes;
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();
    return n;
  });
  const runVault = Vault.open(path, { now: () => new Date('2026-11-29T00:00:00.000Z') });
  const run = await time(() => purgeDue(runVault, { memberId: 'bench' }));
  runVault.close();
  process.stdout.write(
    `${JSON.stringify({ total, due: run.value.destroyed, bareDeleted: bare.value, purgeMs: run.ms, bareMs: bare.ms, ratio: run.ms / bare.ms, fileMBBefore: before / 1e6, fileMBAfter: size(path) / 1e6, bareFileMBAfter: size(copy) / 1e6 })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
