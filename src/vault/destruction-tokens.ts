// Destruction-only tokens as stored: a new token (shown once, kept only as its SHA-256 hash, with its own audit key
// wrapped under a key derived from it) and the check of a presented one, which hands the token's audit key to the
// log so the run's entries are authenticated. Creating, listing and revoking them are use cases
// (src/app/use-cases/tokens.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuditMac, IntegrityError } from '../crypto/index.js';
import { ServiceError } from '../shared/errors.js';
import type { OpenVault } from './open-vault.js';

const PREFIX = 'csdt_';

/** The stored form of a token. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh token: 256 random bits, prefixed so that a leaked one is recognisable in logs and secret scanners. */
export const newToken = () => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * The id of the active token this string is, or a refusal (audited). From then on the vault's audit log
 * authenticates the token's entries with the token's own key (until the vault closes); it unwraps no other key.
 * A token created before audit entries were authenticated (schema 5) holds no audit key and is refused: its runs
 * could not be told from forged ones.
 */
export function authenticateDestructionToken(vault: OpenVault, token: string): string {
  const presented = token.trim();
  const digest = tokenHash(presented);
  const rows = vault.db.prepare('SELECT id, token_hash, audit_key FROM destruction_tokens WHERE revoked_at IS NULL').all() as { id: string; token_hash: string; audit_key: Buffer | null }[];
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.token_hash, 'hex'), Buffer.from(digest, 'hex')));
  if (!match) {
    vault.audit.append(null, 'destruction-run', 'refused', { reason: 'wrong-secret' });
    throw new ServiceError('wrong-secret', 'This destruction token is not valid (wrong, or revoked).');
  }
  if (!match.audit_key) {
    vault.audit.append(null, 'destruction-run', 'refused', { reason: 'forbidden' });
    throw new ServiceError('forbidden', 'This destruction token was created before audit entries were authenticated: an admin must create a new one (token create) and revoke this one.');
  }
  let key: AuditMac;
  try {
    key = AuditMac.openForToken(match.audit_key, match.id, presented);
  } catch (err) {
    if (!(err instanceof IntegrityError)) throw err;
    vault.audit.append(null, 'destruction-run', 'refused', { reason: 'integrity' });
    throw new ServiceError('integrity', err.message);
  }
  vault.audit.useKey(key);
  return match.id;
}
