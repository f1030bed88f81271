// Who may do what. A member holds one or more roles; every use case names the roles that may run it, and the
// service refuses (and audits) anything else. Least privilege: an importer cannot read contacts, an admin who is
// not a data owner cannot assign a lawful basis.
import { ServiceError } from '../api/service-error.js';

export const ROLES = ['admin', 'data-owner', 'importer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'an admin',
  'data-owner': 'a data owner',
  importer: 'an importer',
};

export function parseRoles(text: string): Role[] {
  const roles = text.split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw new ServiceError('invalid', `Unknown role "${r}": choose from ${ROLES.join(', ')}.`);
  if (roles.length === 0) throw new ServiceError('invalid', `A member needs at least one role: ${ROLES.join(', ')}.`);
  return [...new Set(roles)] as Role[];
}
