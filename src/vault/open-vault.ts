// What the rest of the storage layer needs of an open vault file: its connection, path, audit log, clock and
// key-derivation settings. src/vault/vault.ts is the one implementation; sessions and destruction take this.
import type { AuditLog } from '../audit/audit-log.js';
import type { ScryptParams } from '../crypto/index.js';
import type { Db } from './database.js';

export interface OpenVault {
  readonly db: Db;
  readonly path: string;
  readonly audit: AuditLog;
  readonly now: () => Date;
  readonly options: { kdf?: { params: ScryptParams; allowWeak?: boolean } };
  close(): void;
}
