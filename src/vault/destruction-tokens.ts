// Destruction-only tokens as stored: a new token (shown once, kept only as its SHA-256 hash) and the check of a
// presented one. Creating, listing and revoking them are use cases (src/app/use-cases/tokens.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../shared/errors.js';
import type { OpenVault } from './open-vault.js';

const PREFIX = 'csdt_';

/** The stored form of a token. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh token: 256 random bits, prefixed so that a leaked one is recognisable in logs and secret scanners. */
export const newToken = () => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/** The id of the active token this string is, or a refusal (audited). */
export function authenticateDestructionToken(vault: OpenVault, token: string): string {
  const digest = tokenHash(token.trim());
  const rows = vault.db.prepare('SELECT id, token_hash FROM destruction_tokens WHERE revoked_at IS NULL').all() as { id: string; token_hash: string }[];
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.token_hash, 'hex'), Buffer.from(digest, 'hex')));
  if (!match) {
    vault.audit.append(null, 'destruction-run', 'refused', { reason: 'wrong-secret' });
    throw new ServiceError('wrong-secret', 'This destruction token is not valid (wrong, or revoked).');
  }
  return match.id;
}
