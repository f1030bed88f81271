// Marks the file as a Contact Sanitizer vault (SQLite's application_id, in the file header), so that no command
// ever opens another application's database as a vault and writes to it (src/vault/database.ts checks it before
// any write). Vaults of schema 1 and 2 are recognised by their tables and stamped here.
import { APPLICATION_ID } from '../../shared/vault-file.js';
import type { Migration } from './types.js';

/** 'CSAN' in the header's bytes 68–71, defined once with the header test in src/shared/vault-file.ts. */
export { APPLICATION_ID };

export const applicationId: Migration = {
  version: 3,
  name: 'application-id',
  sql: `PRAGMA application_id = ${APPLICATION_ID};`,
};
