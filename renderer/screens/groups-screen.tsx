// Groups & lawful basis: the groups in order (first matching rule wins) with their rule, contacts and basis; how
// many contacts are quarantined; Art. 14 notices past their deadline; a chart by basis; add a group; and the
// guided form that gives a group its lawful basis.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { useConfirmedChange } from '../app/use-confirmed-change.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { countsFromGroups } from '../lib/basis-counts.js';
import { basisLabel, PURPOSE_LABELS } from '../lib/labels.js';
import type { GroupsList, GroupView } from '../types.js';
import { AddGroupForm } from './groups/add-group-form.js';
import { BasisChart } from './groups/basis-chart.js';
import { PolicyForm } from './groups/policy-form.js';

export function GroupsScreen() {
  const [data, setData] = useState<GroupsList | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<GroupView | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);

  const load = useCallback(async () => {
    const r = await run('load', () => call('groups.list', {}));
    if (r) setData(r);
  }, [run]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async () => {
    if (!removing) return;
    const group = removing;
    const done = await change('remove', (confirm) => call('groups.remove', { groupId: group.id, confirm }), {
      success: `Group “${group.label}” removed; its contacts were regrouped.`,
      cancelled: `Nothing was changed: the group “${group.label}” is kept.`,
      // The core's sentence replaces the question that asked for the removal.
      beforeAsking: () => setRemoving(null),
    });
    setRemoving(null);
    if (done !== undefined) {
      if (editing === group.id) setEditing(null);
      await load();
    }
  };

  const groups = data?.groups ?? [];
  const quarantined = data ? data.unassigned + groups.filter((g) => !g.policy).reduce((n, g) => n + g.contacts, 0) : 0;
  const editingGroup = groups.find((g) => g.id === editing) ?? null;

  return (
    <section aria-labelledby="groups-title" className="screen">
      <ScreenHeading>
        <span id="groups-title">Groups & lawful basis</span>
      </ScreenHeading>
      <p className="lede">
        Each contact joins the first group whose rule matches. A contact may be used only when its group has a lawful basis; the rest are quarantined and
        destroyed when their quarantine ends.
      </p>
      {data === null && busy === 'load' ? <p className="hint">Loading…</p> : null}
      {data ? (
        <>
          <div className="stats">
            <p className="stat" data-testid="quarantined-count">
              <span className="stat-value">{quarantined.toLocaleString('en-GB')}</span> quarantined contacts
              <span className="hint"> ({data.unassigned.toLocaleString('en-GB')} in no group)</span>
            </p>
            <p className="stat">
              <span className="stat-value">{groups.length}</span> groups
            </p>
          </div>
          {data.overdue.length > 0 ? (
            <div className="callout warn" data-testid="overdue-notices" role="note">
              <p>
                <span aria-hidden="true">⚠ </span>
                <strong>Art. 14 notices overdue</strong> — each person must be told within one month of import, or before their data is first disclosed (Art. 14(3)):
              </p>
              <ul>
                {data.overdue.map((o) => (
                  <li key={o.groupId}>
                    {o.label}: overdue since {o.due}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <BasisChart counts={countsFromGroups(groups, data.unassigned)} />
          <ScrollRegion label="Table of groups">
            <table className="data" data-testid="groups-table">
              <caption>Groups, in the order their rules are tried</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Group</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Contacts</th>
                  <th scope="col">Lawful basis</th>
                  <th scope="col">Art. 14 notice</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => {
                  const overdue = data.overdue.find((o) => o.groupId === g.id);
                  return (
                    <tr key={g.id} data-testid="group-row" data-group-id={g.id} className={editing === g.id ? 'selected' : ''}>
                      <td className="num">{g.order}</td>
                      <th scope="row">{g.label}</th>
                      <td>{g.description}</td>
                      <td className="num">{g.contacts.toLocaleString('en-GB')}</td>
                      <td data-testid="group-basis">
                        {g.policy ? (
                          <>
                            <span aria-hidden="true">✓ </span>
                            {basisLabel(g.policy.policy.basis)}
                            <span className="hint"> · {PURPOSE_LABELS[g.policy.policy.purpose]}</span>
                          </>
                        ) : (
                          <span className="warn-text">
                            <span aria-hidden="true">⚠ </span>None — quarantined
                          </span>
                        )}
                      </td>
                      <td>
                        {g.policy ? (
                          <>
                            {g.policy.policy.art14Notice ? `${g.policy.policy.art14Notice.status} (plan)` : 'no plan'}
                            {overdue ? (
                              <span className="warn-text">
                                {' '}
                                <span aria-hidden="true">⚠ </span>some people overdue (since {overdue.due})
                              </span>
                            ) : null}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="actions-cell">
                        <button type="button" data-testid="edit-policy" aria-label={`${g.policy ? 'Change basis' : 'Set lawful basis'}: ${g.label}`} onClick={() => setEditing(g.id)}>
                          {g.policy ? 'Change basis' : 'Set lawful basis'}
                        </button>
                        <button type="button" className="danger-outline" data-testid="remove-group" aria-label={`Remove: ${g.label}`} onClick={() => setRemoving(g)}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <td className="num">—</td>
                  <th scope="row">No group</th>
                  <td className="hint">matched by no rule</td>
                  <td className="num" data-testid="unassigned-count">
                    {data.unassigned.toLocaleString('en-GB')}
                  </td>
                  <td className="warn-text">
                    <span aria-hidden="true">⚠ </span>Quarantined
                  </td>
                  <td>—</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
      {editingGroup ? (
        <PolicyForm
          key={editingGroup.id}
          group={editingGroup}
          onSaved={() => void load()}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <AddGroupForm onAdded={() => void load()} />
      {removing ? (
        <ConfirmDialog title={`Remove the group “${removing.label}”?`} confirmLabel="Remove the group" confirmTestId="confirm-remove-group" busy={busy === 'remove'} onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
          <p>Its {removing.contacts.toLocaleString('en-GB')} contacts join the next group whose rule matches, or are quarantined. Its lawful basis is removed with it.</p>
        </ConfirmDialog>
      ) : null}
      {dialog}
    </section>
  );
}
