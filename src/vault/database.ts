// Opens a vault file with the settings every connection needs: WAL, secure_delete (freed pages are zeroed, so
// destroyed data does not linger in the file), foreign keys, a bounded wait for another writer, and the schema
// migrated to the latest version. Only `init` creates a file (0600, as SQLite then gives its WAL and journal);
// every other open first checks, without writing a byte, that the file is a vault.
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ServiceError } from '../shared/errors.js';
import { applicationIdOf, isVaultHeader, sidecarOf, SQLITE_HEADER_BYTES, SQLITE_SIDECAR_SUFFIXES } from '../shared/vault-file.js';
import { LATEST_VERSION, migrate } from './migrations/migration.js';

export type Db = Database.Database;

/** How long a command waits for another one's write transaction before it answers "busy". */
export const DEFAULT_BUSY_TIMEOUT_MS = 15_000;

export interface OpenOptions {
  create?: boolean;
  /** Read only: nothing is written, not even a migration (checking a certificate against someone's vault file). */
  readonly?: boolean;
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (options.create) createVaultFile(path);
  else checkIsVault(path);
  if (options.readonly) return openReadOnly(path, options.busyTimeoutMs);
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -32768');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function openReadOnly(path: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < 2 || version > LATEST_VERSION) {
    db.close();
    throw new ServiceError('unreadable', `"${path}" is a vault of schema ${version}: open it once with this version of the app (any command that unlocks it) before checking a certificate against it.`);
  }
  return db;
}

/** The first 100 bytes of a file (SQLite's header), or fewer for a short file. */
function header(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, SQLITE_HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuse, with a sentence saying what the file is instead, anything that is not a vault: an empty file, a file
 * that is not SQLite, another application's database. Reads only; the file is left byte for byte as it was.
 */
export function checkIsVault(path: string): void {
  const head = header(path);
  const notVault = (what: string) => new ServiceError('not-a-vault', `"${path}" is ${what}, not a Contact Sanitizer vault: nothing was changed. Create a vault with \`init\`.`);
  if (head.length === 0) throw notVault('an empty file');
  if (isVaultHeader(head)) return;
  const appId = applicationIdOf(head);
  if (appId === null) throw notVault('not an SQLite database');
  if (appId !== 0) throw notVault("another application's SQLite database");
  // Vaults written before the application id (schema 1 and 2) are known by their tables. Reading them read-only
  // still makes SQLite create a WAL-mode database's -wal and -shm files: those it made are removed on refusal.
  const made = SQLITE_SIDECAR_SUFFIXES.map((suffix) => `${path}${suffix}`).filter((p) => !existsSync(p));
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (['vault_meta', 'members', 'key_slots', 'audit_log', 'contacts'].every((t) => tables.has(t))) return;
    throw notVault(tables.size === 0 ? 'an empty SQLite database' : "another application's SQLite database");
  } catch (err) {
    db?.close();
    db = null;
    for (const p of made) rmSync(p, { force: true });
    if (err instanceof ServiceError) throw err;
    throw notVault('an SQLite database that cannot be read');
  } finally {
    db?.close();
  }
}

/**
 * Only a new file becomes a vault (0600): not a name SQLite would take for another database's sidecar, nor one
 * whose own sidecars are lying about (a vault there would read them as its own).
 */
function createVaultFile(path: string): void {
  const base = sidecarOf(path);
  const taken = (base !== null && existsSync(base)) || SQLITE_SIDECAR_SUFFIXES.some((s) => existsSync(`${path}${s}`));
  if (taken) throw new ServiceError('conflict', `"${path}" is, or sits beside, a file SQLite keeps for another database: choose another name for the new vault.`);
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ServiceError('conflict', `There is already a file at "${path}": choose another name for the new vault.`);
    if (code === 'ENOENT') throw new ServiceError('invalid', `The folder of "${path}" does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') throw new ServiceError('invalid', `"${path}" cannot be created here (no permission).`);
    throw err;
  }
}
