// Groups & lawful basis, split in two: on the left the groups in the order their rules are tried (first matching
// rule wins), each movable up or down, and the contacts in no group; on the right the chosen group's rule (edited in
// place) and the guided form that gives it a lawful basis, or the form that adds a group. Above: how many contacts
// are quarantined, Art. 14 notices past their deadline, and (folded) a chart by basis.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { useConfirmedChange } from '../app/use-confirmed-change.js';
import { useFocusAfter } from '../app/use-focus-after.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { countsFromGroups } from '../lib/basis-counts.js';
import type { GroupsList, GroupView } from '../types.js';
import { AddGroupForm } from './groups/add-group-form.js';
import { BasisChart } from './groups/basis-chart.js';
import { GroupDetail } from './groups/group-detail.js';
import { GroupList } from './groups/group-list.js';
import { useRegroup } from './groups/use-regroup.js';
import './groups/groups.css';
import { longDay } from '../lib/format.js';

export function GroupsScreen() {
  const [data, setData] = useState<GroupsList | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<GroupView | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  const labelOf = (id: string) => data?.groups.find((g) => g.id === id)?.label ?? 'a removed group';
  const { busy: regrouping, regroup, dialog: regroupDialog } = useRegroup(labelOf);
  // A move disables the arrows and redraws the list; a removal takes the group's detail away; an added group's form
  // goes: focus follows the group (or the list), never dropped on the page's body.
  const focus = useFocusAfter();

  const load = useCallback(async () => {
    const r = await run('load', () => call('groups.list', {}));
    if (r) {
      setData(r);
      // Keep the chosen group; else choose the first.
      setSelected((s) => (s !== null && r.groups.some((g) => g.id === s) ? s : (r.groups[0]?.id ?? null)));
    }
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
      await load();
      focus.to('#groups-list-title');
    }
  };

  const move = async (group: GroupView, position: number) => {
    const done = await regroup(
      `Move “${group.label}” to position ${position}?`,
      ({ dryRun, confirm, acknowledgeWarnings }) => call('groups.reorder', { groupId: group.id, position, dryRun, confirm, acknowledgeWarnings }),
      `“${group.label}” is now tried ${position === 1 ? 'first' : `at position ${position}`}.`,
    );
    if (done) await load();
    // The moved group's arrow in the same direction, where it now is; at the top or the bottom, its other arrow.
    const row = () => document.querySelector(`[data-testid="group-row"][data-group-id="${group.id}"]`);
    const up = position < group.order;
    const arrow = (which: 'up' | 'down') => () => row()?.querySelector(`[data-testid="move-${which}"]`);
    focus.to(arrow(up ? 'up' : 'down'), arrow(up ? 'down' : 'up'), () => row()?.querySelector('[data-testid="select-group"]'));
  };

  const groups = data?.groups ?? [];
  const quarantined = data ? data.unassigned + groups.filter((g) => !g.policy).reduce((n, g) => n + g.contacts, 0) : 0;
  const chosen = adding ? null : (groups.find((g) => g.id === selected) ?? null);

  return (
    <section aria-labelledby="groups-title" className="screen groups-screen">
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
              <span className="stat-value">{quarantined.toLocaleString('en-GB')}</span> quarantined {quarantined === 1 ? 'contact' : 'contacts'}
              <span className="hint"> ({data.unassigned.toLocaleString('en-GB')} in no group)</span>
            </p>
            <p className="stat">
              <span className="stat-value">{groups.length}</span> {groups.length === 1 ? 'group' : 'groups'}
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
                    {o.label}: overdue since {longDay(o.due)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="groups-layout">
            <div className="groups-side">
              <h3 id="groups-list-title" tabIndex={-1}>
                Groups, in the order their rules are tried
              </h3>
              <GroupList
                groups={groups}
                unassigned={data.unassigned}
                selected={chosen?.id ?? null}
                busy={regrouping !== null}
                onSelect={(id) => {
                  setAdding(false);
                  setSelected(id);
                }}
                onMove={(g, position) => void move(g, position)}
              />
              <button type="button" data-testid="show-add-group" aria-expanded={adding || groups.length === 0} onClick={() => setAdding(true)}>
                Add a group
              </button>
              <details className="groups-chart">
                <summary>Contacts by lawful basis (chart)</summary>
                <BasisChart counts={countsFromGroups(groups, data.unassigned)} />
              </details>
            </div>
            <div className="groups-main">
              {chosen ? (
                <GroupDetail
                  key={chosen.id}
                  group={chosen}
                  count={groups.length}
                  overdueSince={data.overdue.find((o) => o.groupId === chosen.id)?.due ?? null}
                  regroup={regroup}
                  onChanged={() => void load()}
                  onRemove={() => setRemoving(chosen)}
                />
              ) : (
                <AddGroupForm
                  onAdded={(id) => {
                    setAdding(false);
                    setSelected(id);
                    // The new group's detail replaces the form once the list holds it.
                    void load().then(() => focus.to('.group-detail-title'));
                  }}
                />
              )}
            </div>
          </div>
        </>
      ) : null}
      {removing ? (
        <ConfirmDialog title={`Remove the group “${removing.label}”?`} confirmLabel="Remove the group" confirmTestId="confirm-remove-group" busy={busy === 'remove'} onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
          <p>Its {removing.contacts.toLocaleString('en-GB')} contacts join the next group whose rule matches, or are quarantined. Its lawful basis is removed with it.</p>
        </ConfirmDialog>
      ) : null}
      {dialog}
      {regroupDialog}
    </section>
  );
}
