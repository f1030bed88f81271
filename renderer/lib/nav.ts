// Which screens a member sees: each screen names the roles whose use cases it drives (src/vault/roles.ts). What
// a member's roles cannot use is not shown at all.
export type Role = 'admin' | 'data-owner' | 'importer';
export type ScreenId = 'import' | 'groups' | 'contacts' | 'retention' | 'members' | 'audit';

export interface ScreenInfo {
  id: ScreenId;
  label: string;
  roles: readonly Role[];
}

export const SCREENS: readonly ScreenInfo[] = [
  { id: 'import', label: 'Import', roles: ['importer'] },
  { id: 'groups', label: 'Groups & lawful basis', roles: ['data-owner'] },
  { id: 'contacts', label: 'Contacts', roles: ['data-owner', 'admin'] },
  { id: 'retention', label: 'Retention', roles: ['admin'] },
  { id: 'members', label: 'Members', roles: ['admin'] },
  { id: 'audit', label: 'Audit', roles: ['admin'] },
];

export function screensFor(roles: readonly string[]): ScreenInfo[] {
  return SCREENS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', 'data-owner': 'Data owner', importer: 'Importer' };
export const ROLES: readonly Role[] = ['admin', 'data-owner', 'importer'];
