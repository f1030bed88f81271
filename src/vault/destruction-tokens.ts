// Least privilege for unattended runs: a destruction-only token (for a cron job or a service account) authorises
// `purge --due` and nothing else. It unwraps no key, so its holder cannot read, export or change anything; it is
// shown once, stored only as a SHA-256 hash, revocable, and every use is audited.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../shared/errors.js';
import type { Session } from './session.js';
import type { OpenVault } from './open-vault.js';

const PREFIX = 'csdt_';
const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function createDestructionToken(session: Session): { id: string; token: string } {
  return session.perform('destruction-token-create', ['admin'], () => {
    const id = randomUUID();
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    session.db
      .prepare('INSERT INTO destruction_tokens (id, token_hash, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(id, hash(token), session.vault.now().toISOString(), session.memberId);
    return { value: { id, token }, details: { tokenId: id } };
  });
}

export function revokeDestructionToken(session: Session, id: string): void {
  session.perform('destruction-token-revoke', ['admin'], () => {
    const changed = session.db
      .prepare('UPDATE destruction_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL')
      .run(session.vault.now().toISOString(), session.memberId, id).changes;
    if (changed === 0) throw new ServiceError('not-found', 'There is no active destruction token with that id.');
    return { value: undefined, details: { tokenId: id } };
  });
}

export function listDestructionTokens(session: Session): { id: string; createdAt: string; createdBy: string; revokedAt: string | null }[] {
  return session.perform('destruction-token-list', ['admin'], () => ({
    value: (session.db.prepare('SELECT id, created_at, created_by, revoked_at FROM destruction_tokens ORDER BY created_at').all() as {
      id: string;
      created_at: string;
      created_by: string;
      revoked_at: string | null;
    }[]).map((t) => ({ id: t.id, createdAt: t.created_at, createdBy: t.created_by, revokedAt: t.revoked_at })),
  }));
}

/** The id of the active token this string is, or a refusal (audited). */
export function authenticateDestructionToken(vault: OpenVault, token: string): string {
  const digest = hash(token.trim());
  const rows = vault.db.prepare('SELECT id, token_hash FROM destruction_tokens WHERE revoked_at IS NULL').all() as { id: string; token_hash: string }[];
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.token_hash, 'hex'), Buffer.from(digest, 'hex')));
  if (!match) {
    vault.audit.append(null, 'destruction-run', 'refused', { reason: 'wrong-secret' });
    throw new ServiceError('wrong-secret', 'This destruction token is not valid (wrong, or revoked).');
  }
  return match.id;
}
