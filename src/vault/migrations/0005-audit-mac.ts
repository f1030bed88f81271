// Audit entries authenticated with a key derived from the vault key (src/audit/audit-log.ts, docs/security.md):
// - audit_log.mac: HMAC-SHA-256 of the entry's hash under the vault's audit key (or a destruction token's own key),
//   NULL for entries written before this schema and for key-less refusals. ADD COLUMN rewrites no row, so the
//   append-only triggers (BEFORE UPDATE / BEFORE DELETE) do not fire, and existing entries keep a NULL MAC for good:
//   the same triggers refuse the UPDATE that would add one later. That is why the last entry written before this
//   schema is marked below: entries up to it are "legacy, chain-only".
// - vault_meta 'audit_legacy_seq': that mark, written only when the log has entries (a new vault has none, and no
//   mark: every one of its entries is authenticated). Triggers keep the app from adding, changing or
//   removing it later (they stop mistakes, not someone who edits the file: see docs/security.md).
// - destruction_tokens.audit_key: the token's own audit key, wrapped under a key derived from the token
//   (src/crypto/audit-mac.ts), so a token run authenticates its entries; NULL for a token created before this
//   schema, which is refused until an admin creates a new one.
import type { Migration } from './types.js';

export const auditMac: Migration = {
  version: 5,
  name: 'audit-mac',
  sql: `
    ALTER TABLE audit_log ADD COLUMN mac BLOB;
    INSERT INTO vault_meta (key, value) SELECT 'audit_legacy_seq', CAST(max(seq) AS TEXT) FROM audit_log HAVING count(*) > 0;
    CREATE TRIGGER audit_legacy_seq_no_insert BEFORE INSERT ON vault_meta WHEN new.key = 'audit_legacy_seq'
      BEGIN SELECT RAISE(ABORT, 'the mark of legacy audit entries is fixed'); END;
    CREATE TRIGGER audit_legacy_seq_no_update BEFORE UPDATE ON vault_meta WHEN old.key = 'audit_legacy_seq'
      BEGIN SELECT RAISE(ABORT, 'the mark of legacy audit entries is fixed'); END;
    CREATE TRIGGER audit_legacy_seq_no_delete BEFORE DELETE ON vault_meta WHEN old.key = 'audit_legacy_seq'
      BEGIN SELECT RAISE(ABORT, 'the mark of legacy audit entries is fixed'); END;
    ALTER TABLE destruction_tokens ADD COLUMN audit_key BLOB;
  `,
};
