// The chosen group: its rule (edited in place: a new rule is previewed, who would move where, before it is applied),
// its lawful basis (the guided form, renderer/screens/groups/policy-form.tsx) and its Art. 14 plan, its review, and
// Remove.
import { useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { byTestId, useFocusAfter } from '../../app/use-focus-after.js';
import { FormError, TextField } from '../../components/fields.js';
import { basisLabel, noticePlanText, PURPOSE_LABELS } from '../../lib/labels.js';
import { fromRule, toRule, type RuleFormState } from '../../lib/rule-form.js';
import type { GroupView } from '../../types.js';
import { GroupReview } from './group-review.js';
import { PolicyForm } from './policy-form.js';
import { RuleFields } from './rule-fields.js';
import type { useRegroup } from './use-regroup.js';
import { longDay } from '../../lib/format.js';

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

export function GroupDetail({
  group,
  count,
  overdueSince,
  regroup,
  onChanged,
  onRemove,
}: {
  group: GroupView;
  count: number;
  overdueSince: string | null;
  regroup: ReturnType<typeof useRegroup>['regroup'];
  onChanged(): void;
  onRemove(): void;
}) {
  const [editing, setEditing] = useState(false);
  const [policyOpen, setPolicyOpen] = useState(false);
  const policy = group.policy?.policy;
  // Opening the rule's or the basis's form replaces the button that opened it, and closing it (saved or not) brings
  // the button back: focus goes to the form's first stop, then back to that button.
  const focus = useFocusAfter();
  const openPolicy = (open: boolean) => {
    setPolicyOpen(open);
    focus.to(open ? '#policy-title' : byTestId('edit-policy'));
  };
  const edit = (open: boolean) => {
    setEditing(open);
    focus.to(byTestId(open ? 'edit-group-label' : 'edit-group'));
  };
  return (
    <div className="group-detail" data-testid="group-detail">
      <h3 className="group-detail-title" tabIndex={-1}>
        {group.label}
      </h3>
      <section className="card" aria-labelledby="group-rule-title">
        <h4 id="group-rule-title">Rule</h4>
        {editing ? (
          <EditGroup group={group} regroup={regroup} onDone={(changed) => {
              edit(false);
              if (changed) onChanged();
            }} />
        ) : (
          <>
            <p data-testid="group-rule">
              {group.description} · tried {ordinal(group.order)} of {count} · {group.contacts.toLocaleString('en-GB')} {group.contacts === 1 ? 'contact' : 'contacts'}
            </p>
            <div className="actions">
              <button type="button" data-testid="edit-group" aria-label={`Edit the group: ${group.label}`} onClick={() => edit(true)}>
                Edit the group
              </button>
              <button type="button" className="danger-outline" data-testid="remove-group" aria-label={`Remove: ${group.label}`} onClick={onRemove}>
                Remove
              </button>
            </div>
          </>
        )}
      </section>
      {policyOpen ? (
        <PolicyForm key={group.id} group={group} onSaved={() => {
            openPolicy(false);
            onChanged();
          }} onClose={() => openPolicy(false)} />
      ) : (
        <section className="card" aria-labelledby="group-basis-title">
          <h4 id="group-basis-title">Lawful basis</h4>
          {policy ? (
            <dl className="facts" data-testid="current-basis">
              <dt>Basis</dt>
              <dd>{basisLabel(policy.basis)}</dd>
              <dt>Purpose</dt>
              <dd>{PURPOSE_LABELS[policy.purpose]}</dd>
              <dt>Art. 14 notice</dt>
              <dd>
                {policy.art14Notice ? noticePlanText(policy.art14Notice) : 'no plan'}
                {overdueSince ? <span className="warn-text"> · some people overdue since {longDay(overdueSince)}</span> : null}
              </dd>
            </dl>
          ) : (
            <p className="warn-text">
              <span aria-hidden="true">⚠ </span>No lawful basis yet: these contacts are quarantined.
            </p>
          )}
          <button type="button" className="primary" data-testid="edit-policy" aria-label={`${policy ? 'Change basis' : 'Set lawful basis'}: ${group.label}`} onClick={() => openPolicy(true)}>
            {policy ? 'Change basis' : 'Set lawful basis'}
          </button>
        </section>
      )}
      <GroupReview group={group} contacts={count} onReviewed={onChanged} />
    </div>
  );
}

function EditGroup({ group, regroup, onDone }: { group: GroupView; regroup: ReturnType<typeof useRegroup>['regroup']; onDone(changed: boolean): void }) {
  const initial = fromRule(group.rule);
  const [label, setLabel] = useState(group.label);
  const [rule, setRule] = useState<RuleFormState | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<RuleFormState>) => setRule((r) => (r ? { ...r, ...patch } : r));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = rule ? toRule(rule) : null;
    const problem = !label.trim() ? 'Give the group a label.' : parsed && !parsed.ok ? parsed.error : null;
    setError(problem);
    if (problem) return;
    const newRule = parsed?.ok && JSON.stringify(parsed.rule) !== JSON.stringify(group.rule) ? parsed.rule : undefined;
    const newLabel = label.trim() !== group.label ? label.trim() : undefined;
    if (!newRule && newLabel === undefined) return onDone(false);
    const done = await regroup(
      `Change the group “${group.label}”?`,
      ({ dryRun, confirm, acknowledgeWarnings }) =>
        call('groups.update', { groupId: group.id, ...(newLabel !== undefined ? { label: newLabel } : {}), ...(newRule ? { rule: newRule } : {}), dryRun, confirm, acknowledgeWarnings }),
      `Group “${label.trim()}” changed.`,
    );
    if (done) onDone(true);
  };

  return (
    <form className="form" data-testid="edit-group-form" onSubmit={submit} noValidate aria-label={`Edit the group ${group.label}`}>
      <TextField label="Label" required testId="edit-group-label" value={label} onChange={setLabel} />
      {rule ? <RuleFields rule={rule} set={set} prefix="edit-rule" /> : <p className="hint">This group’s contacts were chosen by hand: only its label can be changed here.</p>}
      <FormError message={error} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="edit-group-submit">
          Preview and save
        </button>
        <button type="button" data-testid="edit-group-cancel" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
