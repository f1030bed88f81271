// The groups in the order their rules are tried (first match wins): choose one to see its rule and lawful basis on
// the right, or move it up or down with buttons a keyboard reaches (the move is previewed: who would change group).
import type { GroupView } from '../../types.js';
import { basisLabel } from '../../lib/labels.js';
import { count } from '../../lib/format.js';

export function GroupList({
  groups,
  unassigned,
  selected,
  busy,
  onSelect,
  onMove,
}: {
  groups: readonly GroupView[];
  unassigned: number;
  selected: string | null;
  busy: boolean;
  onSelect(id: string): void;
  onMove(group: GroupView, position: number): void;
}) {
  return (
    <ol className="group-list" data-testid="group-list" aria-label="Groups, in the order their rules are tried">
      {groups.map((g, i) => (
        <li key={g.id} data-testid="group-row" data-group-id={g.id} className={selected === g.id ? 'group-item selected' : 'group-item'}>
          <button type="button" className="group-select" data-testid="select-group" aria-current={selected === g.id ? 'true' : undefined} onClick={() => onSelect(g.id)}>
            <span className="group-name">
              {g.order}. {g.label}
            </span>
            <span className="hint group-meta">
              {count(g.contacts, 'contact')} ·{' '}
              <span data-testid="group-basis" className={g.policy ? undefined : 'warn-text'}>
                {g.policy ? (
                  <>
                    <span aria-hidden="true">✓ </span>
                    {basisLabel(g.policy.policy.basis)}
                  </>
                ) : (
                  <>
                    <span aria-hidden="true">⚠ </span>no basis: quarantined
                  </>
                )}
              </span>
            </span>
          </button>
          <span className="group-move">
            <button type="button" data-testid="move-up" aria-label={`Move up: ${g.label}`} disabled={busy || i === 0} onClick={() => onMove(g, i)}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" data-testid="move-down" aria-label={`Move down: ${g.label}`} disabled={busy || i === groups.length - 1} onClick={() => onMove(g, i + 2)}>
              <span aria-hidden="true">↓</span>
            </button>
          </span>
        </li>
      ))}
      <li className="group-item group-none">
        <span className="group-select-static">
          <span className="group-name">No group</span>
          <span className="hint group-meta">
            <span data-testid="unassigned-count">{unassigned.toLocaleString('en-GB')}</span> {unassigned === 1 ? 'contact' : 'contacts'} matched by no rule ·{' '}
            <span className="warn-text">
              <span aria-hidden="true">⚠ </span>quarantined
            </span>
          </span>
        </span>
      </li>
    </ol>
  );
}
