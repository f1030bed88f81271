// Every contact, a batch at a time (issue 13): each batch is read whole by rowid, so that the caller may write
// between batches (better-sqlite3 allows no write while a read is open) and memory holds one batch, however many
// contacts the vault has.
import type { ContactRow } from './contacts-repo.js';
import type { Db } from './database.js';

export const BATCH = 1000;

export function* contactBatches(db: Db, size = BATCH): Generator<ContactRow[]> {
  const next = db.prepare('SELECT rowid AS _rowid, * FROM contacts WHERE rowid > ? ORDER BY rowid LIMIT ?');
  let after = 0;
  for (;;) {
    const rows = next.all(after, size) as (ContactRow & { _rowid: number })[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!._rowid;
    yield rows;
    if (rows.length < size) return;
  }
}
