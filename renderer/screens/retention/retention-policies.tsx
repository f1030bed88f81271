// Retention policies: how many months a group's contacts (or all contacts under one lawful basis) are kept, from
// which date, and why. A group's own policy wins over its basis's; the vault's default covers every other contact
// with a lawful basis. Removing a policy is confirmed, and its impact too when it brings destruction forward.
import { useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { FormError, SelectField, TextArea, TextField } from '../../components/fields.js';
import { ANCHORS, LAWFUL_BASES, type Anchor, type LawfulBasis } from '../../../src/shared/vocabulary.js';
import { ANCHOR_LABELS, BASIS_LABELS, NO_RATIONALE } from '../../lib/labels.js';
import type { GroupView, RetentionList, RetentionPolicy, RetentionPolicyInput, RetentionScope } from '../../types.js';

export function RetentionPolicies({ groups, settings, onChanged }: { groups: readonly GroupView[]; settings: RetentionList | null; onChanged(): void }) {
  const list = settings?.policies ?? [];
  const fallback = settings?.defaultRetention ?? null;
  const [removing, setRemoving] = useState<RetentionPolicy | null>(null);
  const [scope, setScope] = useState<'group' | 'basis'>('basis');
  const [groupId, setGroupId] = useState('');
  const [basis, setBasis] = useState<LawfulBasis | ''>('');
  const [months, setMonths] = useState('24');
  const [anchor, setAnchor] = useState<Anchor>('imported');
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  // Save is disabled while busy and a removed policy's row goes: focus stays on Save, or goes to the list's heading.
  const focus = useFocusAfter();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(months);
    const target: RetentionScope | null = scope === 'group' ? (groupId ? { type: 'group', groupId } : null) : basis ? { type: 'basis', basis } : null;
    const problem =
      target === null
        ? scope === 'group'
          ? 'Choose the group.'
          : 'Choose the lawful basis.'
        : !Number.isInteger(n) || n < 1 || n > 120
          ? 'The period is a whole number of months from 1 to 120.'
          : rationale.trim().length < 10
            ? 'Say why this period, in at least 10 characters.'
            : null;
    setError(problem);
    if (problem || target === null) return;
    const policy: RetentionPolicyInput = { scope: target, months: n, anchor, rationale };
    const r = await focus.keep(() =>
      change('save', (confirm) => call('retention.set', { policy, confirm }), {
        success: 'Retention policy saved; every contact’s date was computed again.',
        cancelled: 'Nothing was changed: the retention policy was not saved.',
      }),
    );
    if (r) onChanged();
  };

  const remove = async (policy: RetentionPolicy) => {
    const { scope: s } = policy;
    const target = s.type === 'group' ? { groupId: s.groupId } : { basis: s.basis };
    const r = await change('remove', (confirm) => call('retention.remove', { scope: target, confirm }), {
      success: `Retention policy removed (${scopeText(policy)}); every contact’s date was computed again.`,
      cancelled: 'Nothing was changed: the retention policy stays.',
      beforeAsking: () => setRemoving(null),
    });
    setRemoving(null);
    if (r) {
      focus.to('#policies-title');
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
      <h3 id="policies-title" tabIndex={-1}>
        Retention policies
      </h3>
      {fallback ? (
        <p className="hint" data-testid="retention-default">
          {fallback.description}.
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="hint">No retention policy yet: contacts with a lawful basis are kept for the default period above.</p>
      ) : (
        <table className="data" data-testid="retention-policies">
          <thead>
            <tr>
              <th scope="col">Applies to</th>
              <th scope="col">Kept for</th>
              <th scope="col">Counted from</th>
              <th scope="col">Why</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={JSON.stringify(p.policy.scope)} data-testid="retention-policy-row">
                <th scope="row">{scopeText(p.policy)}</th>
                <td>{p.policy.months} months</td>
                <td>{ANCHOR_LABELS[p.policy.anchor]}</td>
                <td>{p.rationale ?? NO_RATIONALE}</td>
                <td>
                  <button type="button" data-testid="retention-remove" aria-label={`Remove the policy for ${scopeText(p.policy)}`} disabled={busy !== null} onClick={() => setRemoving(p.policy)}>
                    Remove…
                  </button>
                </td>
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
        <TextArea
          label="Why this period"
          hint="For example the sales cycle, the contract term or the event series it follows (kept encrypted)."
          required
          testId="retention-rationale"
          value={rationale}
          onChange={setRationale}
        />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="retention-save" disabled={busy !== null}>
          Save the policy
        </button>
      </form>
      {removing ? (
        <ConfirmDialog
          title="Remove this retention policy?"
          confirmLabel="Remove the policy"
          confirmTestId="retention-remove-confirm"
          busy={busy === 'remove'}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {scopeText(removing)}: {removing.months} months from {ANCHOR_LABELS[removing.anchor].toLowerCase()}. Its contacts will be kept by{' '}
            {removing.scope.type === 'group' ? 'their lawful basis’s policy, if there is one, or the vault’s default' : 'the vault’s default, unless their group has its own policy'}, and every
            date is computed again.
          </p>
          <p className="hint">If that makes anyone due sooner, you are asked again before anything changes.</p>
        </ConfirmDialog>
      ) : null}
      {dialog}
    </section>
  );
}
