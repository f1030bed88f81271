// Least privilege for unattended runs: an admin creates a destruction-only token (for a cron job or a service
// account) that authorises scheduled destruction and nothing else. It unwraps no record or index key, so its holder
// cannot read, export or change anything; it unwraps only an audit key of its own (derived from the vault's audit
// key and the token's id), so that its runs' entries are authenticated. It is shown once, stored only as a hash
// beside that wrapped key, revocable, and every use is audited.
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../shared/errors.js';
import { newToken, tokenHash } from '../../vault/destruction-tokens.js';
import type { Session } from '../../vault/session.js';

export function createDestructionToken(session: Session): { id: string; token: string } {
  return session.perform('destruction-token-create', () => {
    const id = randomUUID();
    const token = newToken();
    session.db
      .prepare('INSERT INTO destruction_tokens (id, token_hash, created_at, created_by, audit_key) VALUES (?, ?, ?, ?, ?)')
      .run(id, tokenHash(token), session.vault.now().toISOString(), session.memberId, session.auditMac.wrapForToken(id, token));
    return { value: { id, token }, details: { tokenId: id } };
  });
}

export function revokeDestructionToken(session: Session, id: string): void {
  session.perform('destruction-token-revoke', () => {
    const changed = session.db
      .prepare('UPDATE destruction_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL')
      .run(session.vault.now().toISOString(), session.memberId, id).changes;
    if (changed === 0) throw new ServiceError('not-found', 'There is no active destruction token with that id.');
    return { value: undefined, details: { tokenId: id } };
  });
}

export function listDestructionTokens(session: Session): { id: string; createdAt: string; createdBy: string; revokedAt: string | null }[] {
  return session.repeatableRead('destruction-token-list', () => ({
    value: (session.db.prepare('SELECT id, created_at, created_by, revoked_at FROM destruction_tokens ORDER BY created_at').all() as {
      id: string;
      created_at: string;
      created_by: string;
      revoked_at: string | null;
    }[]).map((t) => ({ id: t.id, createdAt: t.created_at, createdBy: t.created_by, revokedAt: t.revoked_at })),
  }));
}

