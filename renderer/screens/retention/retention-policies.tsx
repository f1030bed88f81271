// Retention policies: how many months a group's contacts (or all contacts under one lawful basis) are kept, and
// from which date. A group's own policy wins over its basis's.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { FormError, SelectField, TextField } from '../../components/fields.js';
import { ANCHORS, LAWFUL_BASES, type Anchor, type LawfulBasis } from '../../../src/shared/vocabulary.js';
import { ANCHOR_LABELS, BASIS_LABELS } from '../../lib/labels.js';
import type { GroupView, RetentionPolicy, RetentionPolicyView, RetentionScope } from '../../types.js';

export function RetentionPolicies({ groups, onChanged }: { groups: readonly GroupView[]; onChanged(): void }) {
  const [list, setList] = useState<RetentionPolicyView[]>([]);
  const [scope, setScope] = useState<'group' | 'basis'>('basis');
  const [groupId, setGroupId] = useState('');
  const [basis, setBasis] = useState<LawfulBasis | ''>('');
  const [months, setMonths] = useState('24');
  const [anchor, setAnchor] = useState<Anchor>('imported');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);

  const load = useCallback(async () => {
    const r = await run('list', () => call('retention.list', {}));
    if (r) setList(r);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(months);
    const target: RetentionScope | null = scope === 'group' ? (groupId ? { type: 'group', groupId } : null) : basis ? { type: 'basis', basis } : null;
    const problem =
      target === null ? (scope === 'group' ? 'Choose the group.' : 'Choose the lawful basis.') : !Number.isInteger(n) || n < 1 || n > 120 ? 'The period is a whole number of months from 1 to 120.' : null;
    setError(problem);
    if (problem || target === null) return;
    const policy: RetentionPolicy = { scope: target, months: n, anchor };
    const r = await change('save', (confirm) => call('retention.set', { policy, confirm }), {
      success: 'Retention policy saved; every contact’s date was computed again.',
      cancelled: 'Nothing was changed: the retention policy was not saved.',
    });
    if (r) {
      await load();
      onChanged();
    }
  };

  const scopeText = ({ scope: s }: RetentionPolicy): string => {
    if (s.type === 'basis') return `Basis: ${BASIS_LABELS[s.basis]}`;
    const { groupId: id } = s;
    return `Group: ${groups.find((g) => g.id === id)?.label ?? 'unknown group'}`;
  };

  return (
    <section className="card" aria-labelledby="policies-title">
      <h3 id="policies-title">Retention policies</h3>
      {list.length === 0 ? (
        <p className="hint">No retention policy yet: contacts with a lawful basis are kept with no end date until one applies.</p>
      ) : (
        <table className="data" data-testid="retention-policies">
          <thead>
            <tr>
              <th scope="col">Applies to</th>
              <th scope="col">Kept for</th>
              <th scope="col">Counted from</th>
              <th scope="col">In words</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={JSON.stringify(p.policy.scope)}>
                <th scope="row">{scopeText(p.policy)}</th>
                <td>{p.policy.months} months</td>
                <td>{ANCHOR_LABELS[p.policy.anchor]}</td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form" data-testid="retention-form" onSubmit={save} noValidate aria-labelledby="policy-set-title">
        <h4 id="policy-set-title">Set a policy</h4>
        <SelectField
          label="Applies to"
          testId="retention-scope"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'basis', label: 'Every contact under a lawful basis' },
            { value: 'group', label: 'One group' },
          ]}
        />
        {scope === 'group' ? (
          <SelectField label="Group" testId="retention-group" placeholder="Choose a group…" value={groupId} onChange={setGroupId} options={groups.map((g) => ({ value: g.id, label: g.label }))} />
        ) : (
          <SelectField label="Lawful basis" testId="retention-basis" placeholder="Choose a basis…" value={basis} onChange={setBasis} options={LAWFUL_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))} />
        )}
        <TextField label="Months to keep" type="number" min={1} max={120} testId="retention-months" value={months} onChange={setMonths} />
        <SelectField label="Counted from" testId="retention-anchor" value={anchor} onChange={setAnchor} options={ANCHORS.map((a) => ({ value: a, label: ANCHOR_LABELS[a] }))} />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="retention-save" disabled={busy !== null}>
          Save the policy
        </button>
      </form>
      {dialog}
    </section>
  );
}
