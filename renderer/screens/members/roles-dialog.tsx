// Change a member's roles (admin). The core refuses to leave the vault without an admin; its sentence is shown here,
// beside the checkboxes, and nothing changes.
import { useEffect, useId, useRef, useState } from 'react';
import { call, errorMessage } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { FormError } from '../../components/fields.js';
import type { Role } from '../../../src/shared/vocabulary.js';
import { ROLE_LABELS } from '../../lib/labels.js';
import type { MemberListItem } from '../../types.js';
import { RoleChecks } from './roles.js';

export function RolesDialog({ member, self, onSaved, onClose }: { member: MemberListItem; self: boolean; onSaved(member: MemberListItem): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const unchanged = roles.length === member.roles.length && roles.every((r) => member.roles.includes(r));
  const why = roles.length === 0 ? 'Choose at least one role: a member needs one.' : unchanged ? 'Nothing to save yet: tick or untick a role.' : null;

  const save = async () => {
    setError(null);
    const saved = await run(
      'roles',
      async () => {
        try {
          return await call('members.setRoles', { memberId: member.id, roles });
        } catch (err) {
          setError(errorMessage(err));
          throw err;
        }
      },
      (m) => `${m.name}’s roles are now: ${m.roles.map((r) => ROLE_LABELS[r]).join(', ')}.`,
    );
    if (saved) onSaved(saved);
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="roles-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>Roles of {member.name}</h2>
      <p className="hint" id={`${id}-note`}>
        {self ? 'These are your own roles: a change applies to your next action.' : 'The change applies at their next action, even while they have the vault open.'} Give the roles they need now,
        no more.
      </p>
      <RoleChecks roles={roles} onChange={setRoles} testIdPrefix="edit-role" describedBy={`${id}-note`} />
      <FormError message={error} />
      <div className="actions">
        <button type="button" autoFocus data-testid="roles-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="roles-save" disabled={why !== null || busy !== null} aria-describedby={why ? `${id}-why` : undefined} aria-busy={busy !== null} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save the roles'}
        </button>
      </div>
      {why ? (
        <p className="hint" id={`${id}-why`} data-testid="roles-save-why">
          {why}
        </p>
      ) : null}
    </dialog>
  );
}
