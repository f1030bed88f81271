// Members (admin): who can unlock the vault and with which roles; add a member (their own passphrase wraps the
// vault key in their own slot) or remove one.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FormError, TextField } from '../components/fields.js';
import { NewPassphraseFields, newPassphraseProblem } from '../components/passphrase-fields.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { day } from '../lib/format.js';
import { ROLES, type Role } from '../../src/shared/vocabulary.js';
import { ROLE_LABELS } from '../lib/labels.js';
import type { MemberListItem } from '../types.js';

const ROLE_HINTS: Record<Role, string> = {
  admin: 'members, retention, destruction, erasure, audit',
  'data-owner': 'groups, lawful bases, contacts',
  importer: 'previews and imports files',
};

export function MembersScreen({ selfId }: { selfId: string }) {
  const [members, setMembers] = useState<MemberListItem[]>([]);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberListItem | null>(null);
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
    const problem = !name.trim() ? 'Give the member a name.' : roles.length === 0 ? 'Give the member at least one role.' : newPassphraseProblem(passphrase, confirm);
    setError(problem);
    if (problem) return;
    const r = await run('add', () => call('members.add', { name: name.trim(), roles, passphrase }), (m) => `Member “${m.name}” added.`);
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
    if (r !== undefined) await load();
  };

  return (
    <section aria-labelledby="members-title" className="screen">
      <ScreenHeading>
        <span id="members-title">Members</span>
      </ScreenHeading>
      <table className="data" data-testid="members-table">
        <caption className="visually-hidden">Members of the vault</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Roles</th>
            <th scope="col">Since</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid="member-row">
              <th scope="row">
                {m.name}
                {m.id === selfId ? <span className="hint"> (you)</span> : null}
              </th>
              <td>{m.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
              <td>{day(m.createdAt)}</td>
              <td>
                <button type="button" className="danger-outline" data-testid="remove-member" aria-label={`Remove ${m.name}`} disabled={busy !== null} onClick={() => setRemoving(m)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card form" data-testid="add-member" onSubmit={add} noValidate aria-labelledby="add-member-title">
        <h3 id="add-member-title">Add a member</h3>
        <TextField label="Name" required testId="new-member-name" value={name} onChange={setName} />
        <fieldset>
          <legend>Roles</legend>
          {ROLES.map((role) => (
            <div className="check" key={role}>
              <input
                id={`role-${role}`}
                type="checkbox"
                data-testid={`role-${role}`}
                checked={roles.includes(role)}
                aria-describedby={`role-${role}-hint`}
                onChange={(e) => setRoles((rs) => (e.target.checked ? [...rs.filter((r) => r !== role), role] : rs.filter((r) => r !== role)))}
              />
              <label htmlFor={`role-${role}`}>{ROLE_LABELS[role]}</label>
              <span id={`role-${role}-hint`} className="hint">
                {ROLE_HINTS[role]}
              </span>
            </div>
          ))}
        </fieldset>
        <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} testId="new-member-passphrase" />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="add-member-submit" disabled={busy !== null} aria-busy={busy === 'add'}>
          {busy === 'add' ? 'Adding…' : 'Add the member'}
        </button>
      </form>
      {removing ? (
        <ConfirmDialog title={`Remove ${removing.name}?`} confirmLabel="Remove the member" confirmTestId="confirm-remove-member" busy={busy === 'remove'} onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
          <p>{removing.id === selfId ? 'This is you: you will not be able to unlock the vault again with your passphrase.' : 'They will no longer be able to unlock the vault.'} The audit log keeps their past actions.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
