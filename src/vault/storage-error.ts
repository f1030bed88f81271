// What SQLite's own failures mean to a person: another command holding the vault's write lock past the wait
// (src/vault/database.ts sets it), or a damaged file. Everything else is left as it is (an unexpected failure).
import { ServiceError } from '../shared/errors.js';

export function storageError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ServiceError('busy', 'The vault is busy: another command or the app is changing it. Try again when it has finished.');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ServiceError('integrity', 'The vault file is damaged (SQLite reports it malformed): restore it from a backup.');
  }
  return err;
}
