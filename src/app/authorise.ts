// The one place where the core decides who may call what: the access table (src/api/access.ts) names the roles
// per channel; the member's roles are read again from the vault for every request, and a refusal is
// audited under the channel's action before anything else runs.
import { ACCESS, rolesFor, type Channel } from '../api/access.js';
import { ServiceError, type ErrorCode } from '../shared/errors.js';
import { ROLE_NAMES } from '../shared/vocabulary.js';
import type { Session } from '../vault/session.js';

/** Refuse (and audit) unless the member may call the channel; `open` channels are not authorised here. */
export function authorise(session: Session, channel: Channel): void {
  const allowed = rolesFor(channel) ?? [];
  const action = ACCESS[channel].action;
  const roles = session.currentRoles();
  if (!roles) {
    refuse(session, channel, 'locked');
    throw new ServiceError('locked', 'Your membership of this vault was removed: the vault is locked.');
  }
  if (allowed.some((r) => roles.includes(r))) return;
  refuse(session, channel, 'wrong-role');
  const needed = allowed.map((r) => ROLE_NAMES[r]).join(' or ');
  const held = roles.map((r) => ROLE_NAMES[r]).join(' and ');
  throw new ServiceError('wrong-role', `Only ${needed} can do this (${action.replace(/-/g, ' ')}); you are ${held}.`);
}

/** Record a refused request under the channel's action (the reason is an error code: no personal data). */
export function refuse(session: Session, channel: Channel, reason: ErrorCode): void {
  session.vault.audit.append(session.memberId, ACCESS[channel].action, 'refused', { reason });
}
