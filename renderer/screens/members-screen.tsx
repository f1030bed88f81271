// Members (admin): who can unlock the vault and with which roles; add a member (their own passphrase wraps the
// vault key in their own slot), change a member's roles, remove one; and the destruction tokens for unattended runs.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call, errorMessage } from '../api.js';
import { useAction } from '../app/use-action.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FormError, TextField } from '../components/fields.js';
import { NewPassphraseFields, newPassphraseProblem } from '../components/passphrase-fields.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { day } from '../lib/format.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { ROLE_LABELS } from '../lib/labels.js';
import type { MemberListItem } from '../types.js';
import { useReturnFocus } from './members/return-focus.js';
import { RoleChecks } from './members/roles.js';
import { RolesDialog } from './members/roles-dialog.js';
import { DestructionTokens } from './members/tokens.js';
import { hintWith } from './unlock/path-field.js';
import './members/members.css';

type AddField = 'name' | 'roles';

/** `selfId` (the signed-in member) or the ScreenProps' `memberId`. */
export function MembersScreen({ selfId, memberId }: { selfId?: string; memberId?: string }) {
  const self = selfId ?? memberId ?? '';
  const [members, setMembers] = useState<MemberListItem[]>([]);
  // The core refuses removing the last admin (members.remove): the button says so before anyone asks.
  const lastAdmin = (m: MemberListItem) => m.roles.includes('admin') && members.filter((x) => x.roles.includes('admin')).length === 1;
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Partial<Record<AddField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberListItem | null>(null);
  const [editing, setEditing] = useState<MemberListItem | null>(null);
  const focus = useReturnFocus();
  const { busy, run } = useAction();

  const load = useCallback(async () => {
    const r = await run('list', () => call('members.list', {}));
    if (r) setMembers(r);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const fields: Partial<Record<AddField, string>> = {};
    if (!name.trim()) fields.name = 'Give the member a name.';
    if (roles.length === 0) fields.roles = 'Give the member at least one role.';
    const problem = newPassphraseProblem(passphrase, confirm);
    setErrors(fields);
    setError(problem);
    if (fields.name) document.querySelector<HTMLElement>('[data-testid="new-member-name"]')?.focus();
    if (fields.name || fields.roles || problem) return;
    const r = await run(
      'add',
      async () => {
        try {
          return await call('members.add', { name: name.trim(), roles, passphrase });
        } catch (err) {
          setError(errorMessage(err));
          throw err;
        }
      },
      (m) => `Member “${m.name}” added. Give them the vault file and their passphrase in person, not by email.`,
    );
    if (r) {
      setName('');
      setRoles([]);
      setPassphrase('');
      setConfirm('');
      await load();
    }
  };

  const remove = async () => {
    if (!removing) return;
    const r = await run('remove', () => call('members.remove', { memberId: removing.id }), `Member “${removing.name}” removed.`);
    setRemoving(null);
    focus.restore();
    if (r !== undefined) await load();
  };

  return (
    <section aria-labelledby="members-title" className="screen members">
      <ScreenHeading>
        <span id="members-title">Members</span>
      </ScreenHeading>
      <p className="lede">Everyone who can unlock this vault, each with their own passphrase. Give each the roles they need now, no more.</p>
      <div className="table-scroll">
        <table className="data" data-testid="members-table">
          <caption className="visually-hidden">Members of the vault</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Since</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <th scope="row">
                  {m.name}
                  {m.id === self ? <span className="hint"> (you)</span> : null}
                </th>
                <td data-testid="member-roles">{m.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>{day(m.createdAt)}</td>
                <td className="actions-cell">
                  <button
                    type="button"
                    data-testid="edit-roles"
                    aria-label={`Change roles of ${m.name}`}
                    aria-haspopup="dialog"
                    disabled={busy !== null}
                    onClick={() => {
                      focus.remember();
                      setEditing(m);
                    }}
                  >
                    Change roles
                  </button>
                  <button
                    type="button"
                    className="danger-outline"
                    data-testid="remove-member"
                    aria-label={`Remove ${m.name}`}
                    disabled={busy !== null || lastAdmin(m)}
                    aria-describedby={lastAdmin(m) ? 'last-admin-hint' : undefined}
                    onClick={() => {
                      focus.remember();
                      setRemoving(m);
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {members.some(lastAdmin) ? (
          <p className="hint" id="last-admin-hint">
            The vault’s only admin cannot be removed: make another member an admin first.
          </p>
        ) : null}
      </div>
      <form className="card form" data-testid="add-member" onSubmit={add} noValidate aria-labelledby="add-member-title">
        <h3 id="add-member-title">Add a member</h3>
        <TextField label="Name" required testId="new-member-name" value={name} onChange={setName} hint={hintWith('The name they will type to unlock.', errors.name, 'new-member-name')} />
        <RoleChecks roles={roles} onChange={setRoles} describedBy={errors.roles ? 'add-member-roles-error' : undefined} />
        {errors.roles ? (
          <p className="field-error" id="add-member-roles-error" data-testid="new-member-roles-error">
            <span aria-hidden="true">✗ </span>
            {errors.roles}
          </p>
        ) : null}
        <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} testId="new-member-passphrase" />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="add-member-submit" disabled={busy !== null} aria-busy={busy === 'add'}>
          {busy === 'add' ? 'Adding…' : 'Add the member'}
        </button>
      </form>
      <DestructionTokens members={members} />
      {editing ? (
        <RolesDialog
          member={editing}
          self={editing.id === self}
          onSaved={(saved) => {
            setEditing(null);
            setMembers((ms) => ms.map((m) => (m.id === saved.id ? saved : m)));
            focus.restore();
          }}
          onClose={() => {
            setEditing(null);
            focus.restore();
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove the member"
          confirmTestId="confirm-remove-member"
          busy={busy === 'remove'}
          onConfirm={() => void remove()}
          onCancel={() => {
            setRemoving(null);
            focus.restore();
          }}
        >
          <p>
            {removing.id === self ? 'This is you: you will not be able to unlock the vault again with your passphrase.' : 'They will no longer be able to unlock the vault.'}{' '}
            {removing.id === self ? 'The audit log keeps your past actions.' : 'The audit log keeps their past actions.'}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
