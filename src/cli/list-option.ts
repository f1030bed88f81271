// Comma-separated option values (`--roles admin,importer`, `--fields email,company`): split, trimmed, empties
// dropped. The contract's schema then says which values are allowed.
import { ServiceError } from '../shared/errors.js';
import { ROLES, type Role } from '../shared/vocabulary.js';

export function listOption(text: string | undefined): string[] {
  return (text ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

/** `--roles admin,importer`: known roles only, at least one. */
export function parseRoles(text: string): Role[] {
  const roles = listOption(text);
  for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw new ServiceError('invalid', `Unknown role "${r}": choose from ${ROLES.join(', ')}.`);
  if (roles.length === 0) throw new ServiceError('invalid', `A member needs at least one role: ${ROLES.join(', ')}.`);
  return [...new Set(roles)] as Role[];
}
