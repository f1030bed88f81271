// The roles as checkboxes, each with what it lets a member do (src/api/access.ts decides; this only explains).
import { useId } from 'react';
import { ROLES, type Role } from '../../../src/shared/vocabulary.js';
import { ROLE_LABELS } from '../../lib/labels.js';

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Members, destruction tokens, retention, destruction, erasure, legal holds and the audit log.',
  'data-owner': 'Groups and their lawful basis, contacts, people’s requests and the CRM export.',
  importer: 'Previews and imports LinkedIn exports.',
};

export function RoleChecks({ roles, onChange, testIdPrefix = 'role', describedBy }: { roles: readonly Role[]; onChange(roles: Role[]): void; testIdPrefix?: string; describedBy?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>Roles</legend>
      {ROLES.map((role) => (
        <div className="check" key={role}>
          <input
            id={`${id}-${role}`}
            type="checkbox"
            data-testid={`${testIdPrefix}-${role}`}
            checked={roles.includes(role)}
            aria-describedby={`${id}-${role}-hint`}
            onChange={(e) => onChange(e.target.checked ? [...ROLES.filter((r) => r === role || roles.includes(r))] : roles.filter((r) => r !== role))}
          />
          <label htmlFor={`${id}-${role}`}>{ROLE_LABELS[role]}</label>
          <span id={`${id}-${role}-hint`} className="hint">
            {ROLE_DESCRIPTIONS[role]}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
