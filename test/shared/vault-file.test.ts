// What makes a file a vault, from its header alone (src/shared/vault-file.ts): the rule the vault opens by and the
// command line's outputs refuse to write over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, applicationIdOf, isSqliteHeader, isVaultHeader, sidecarOf, SQLITE_HEADER_BYTES } from '../../src/shared/vault-file.js';
import { APPLICATION_ID as MIGRATION_APPLICATION_ID } from '../../src/vault/migrations/0003-application-id.js';
import { scratch } from '../support/fixtures.js';
import { newVault } from '../support/vault.js';

const tmp = scratch();

/** A synthetic 100-byte SQLite header with this application id. */
function header(appId: number, magic = 'SQLite format 3\0'): Uint8Array {
  const bytes = new Uint8Array(SQLITE_HEADER_BYTES);
  for (let i = 0; i < magic.length; i++) bytes[i] = magic.charCodeAt(i);
  new DataView(bytes.buffer).setUint32(68, appId, false);
  return bytes;
}

describe('isVaultHeader', () => {
  it('is SQLite’s magic and the application id 0x4353414e ("CSAN"), big-endian at offset 68', () => {
    expect(APPLICATION_ID).toBe(0x4353414e);
    expect(MIGRATION_APPLICATION_ID).toBe(APPLICATION_ID); // migration 3 stamps the same constant
    expect(isVaultHeader(header(APPLICATION_ID))).toBe(true);
    expect(Buffer.from(header(APPLICATION_ID).subarray(68, 72)).toString('latin1')).toBe('CSAN');
  });

  it('refuses another application id, none, the id little-endian, the wrong magic, a short or empty header', () => {
    expect(isVaultHeader(header(0))).toBe(false);
    expect(isVaultHeader(header(0x12345678))).toBe(false);
    expect(isVaultHeader(header(0x4e415343))).toBe(false); // 'CSAN' written little-endian
    expect(isVaultHeader(header(APPLICATION_ID, 'SQLite format 2\0'))).toBe(false);
    expect(isVaultHeader(header(APPLICATION_ID, 'SQLite format 3 '))).toBe(false); // no NUL
    expect(isVaultHeader(header(APPLICATION_ID).subarray(0, 99))).toBe(false);
    expect(isVaultHeader(new Uint8Array())).toBe(false);
    expect(isVaultHeader(new TextEncoder().encode('First Name,Last Name,URL,Email Address\n'.repeat(4)))).toBe(false);
  });

  it('reads a header at any offset of a larger buffer (a Node Buffer from a pool)', () => {
    const big = Buffer.alloc(300);
    big.set(header(APPLICATION_ID), 50);
    expect(isVaultHeader(big.subarray(50))).toBe(true);
    expect(applicationIdOf(big.subarray(50))).toBe(APPLICATION_ID);
    expect(applicationIdOf(big)).toBeNull();
  });

  it('agrees with real files: a vault, an unmarked SQLite database, another application’s database', async () => {
    const { path, vault } = await newVault(tmp.dir);
    vault.close();
    expect(isVaultHeader(readFileSync(path).subarray(0, SQLITE_HEADER_BYTES))).toBe(true);

    const plain = join(tmp.dir, 'plain.db');
    const other = join(tmp.dir, 'other.db');
    for (const [file, id] of [[plain, 0], [other, 0x47504b47]] as const) {
      const db = new Database(file);
      db.pragma(`application_id = ${id}`);
      db.exec('CREATE TABLE t (x)');
      db.close();
    }
    const head = (file: string) => readFileSync(file).subarray(0, SQLITE_HEADER_BYTES);
    expect(isSqliteHeader(head(plain))).toBe(true);
    expect(applicationIdOf(head(plain))).toBe(0);
    expect(isVaultHeader(head(plain))).toBe(false);
    expect(applicationIdOf(head(other))).toBe(0x47504b47);
    expect(isVaultHeader(head(other))).toBe(false);
  });
});

describe('sidecarOf', () => {
  it('names the database of a -wal, -shm or -journal file, and nothing else', () => {
    expect(sidecarOf('/srv/team.vault-wal')).toBe('/srv/team.vault');
    expect(sidecarOf('team.vault-shm')).toBe('team.vault');
    expect(sidecarOf('team.vault-journal')).toBe('team.vault');
    expect(sidecarOf('team.vault')).toBeNull();
    expect(sidecarOf('crm.csv')).toBeNull();
    expect(sidecarOf('-wal')).toBeNull();
  });
});
