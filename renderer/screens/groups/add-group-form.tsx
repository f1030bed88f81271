// Add a group: a label and one rule (company list, email kind, connection years or position keywords). Contacts
// join the first group whose rule matches, in the order groups were added.
import { useState, type FormEvent } from 'react';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { FormError, TextField } from '../../components/fields.js';
import { emptyRuleForm, toRule, type RuleFormState } from '../../lib/rule-form.js';
import { RuleFields } from './rule-fields.js';
import { count } from '../../lib/format.js';

export function AddGroupForm({ onAdded }: { onAdded(id: string): void }) {
  const [label, setLabel] = useState('');
  const [rule, setRule] = useState<RuleFormState>(emptyRuleForm);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  // The button is disabled while busy: when the group was not added, focus comes back to it.
  const focus = useFocusAfter();
  const set = (patch: Partial<RuleFormState>) => setRule((r) => ({ ...r, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = toRule(rule);
    const problem = !label.trim() ? 'Give the group a label.' : parsed.ok ? null : parsed.error;
    setError(problem);
    if (problem || !parsed.ok) return;
    const added = await focus.keep(() =>
      change('add', (confirm) => call('groups.add', { label: label.trim(), rule: parsed.rule, confirm }), {
        success: (g) => `Group “${g.label}” added: ${count(g.contacts, 'contact')} matched.`,
        cancelled: 'Nothing was changed: the group was not added.',
      }),
    );
    if (added) {
      setLabel('');
      setRule(emptyRuleForm());
      onAdded(added.id);
    }
  };

  return (
    <>
    <form className="card form" data-testid="add-group" onSubmit={submit} noValidate aria-labelledby="add-group-title">
      <h3 id="add-group-title">Add a group</h3>
      <TextField label="Label" required testId="group-label" value={label} onChange={setLabel} hint="A name you will recognise, e.g. “Clients at Acme”." />
      <RuleFields rule={rule} set={set} />
      <FormError message={error} />
      <button type="submit" className="primary" data-testid="add-group-submit" disabled={busy !== null} aria-busy={busy !== null}>
        Add the group
      </button>
    </form>
    {dialog}
    </>
  );
}
