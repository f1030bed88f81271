// Opens a vault file with the settings every connection needs: WAL, secure_delete (freed pages are zeroed, so
// destroyed data does not linger in the file), foreign keys, and the schema migrated to the latest version.
import Database from 'better-sqlite3';
import { migrate } from './migrations/migration.js';

export type Db = Database.Database;

export function openDatabase(path: string, options: { create?: boolean } = {}): Db {
  const db = new Database(path, { fileMustExist: !options.create });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -32768');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
