// Add a group: a label and one rule (company list, email kind, connection years or position keywords). Contacts
// join the first group whose rule matches, in the order groups were added.
import { useState, type FormEvent } from 'react';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { FormError, SelectField, TextArea, TextField } from '../../components/fields.js';
import { EMAIL_KINDS } from '../../../src/shared/vocabulary.js';
import { RULE_EMAIL_KIND_LABELS, RULE_LABELS } from '../../lib/labels.js';
import { emptyRuleForm, FORM_RULE_TYPES, toRule, type RuleFormState } from '../../lib/rule-form.js';

export function AddGroupForm({ onAdded }: { onAdded(): void }) {
  const [label, setLabel] = useState('');
  const [rule, setRule] = useState<RuleFormState>(emptyRuleForm);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  const set = (patch: Partial<RuleFormState>) => setRule((r) => ({ ...r, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = toRule(rule);
    const problem = !label.trim() ? 'Give the group a label.' : parsed.ok ? null : parsed.error;
    setError(problem);
    if (problem || !parsed.ok) return;
    const added = await change('add', (confirm) => call('groups.add', { label: label.trim(), rule: parsed.rule, confirm }), {
      success: (g) => `Group “${g.label}” added: ${g.contacts} contacts matched.`,
      cancelled: 'Nothing was changed: the group was not added.',
    });
    if (added) {
      setLabel('');
      setRule(emptyRuleForm());
      onAdded();
    }
  };

  return (
    <>
    <form className="card form" data-testid="add-group" onSubmit={submit} noValidate aria-labelledby="add-group-title">
      <h3 id="add-group-title">Add a group</h3>
      <TextField label="Label" required testId="group-label" value={label} onChange={setLabel} hint="A name you will recognise, e.g. “Clients at Acme”." />
      <SelectField label="Rule" testId="rule-type" value={rule.type} onChange={(type) => set({ type })} options={FORM_RULE_TYPES.map((t) => ({ value: t, label: RULE_LABELS[t] }))} />
      {rule.type === 'company' ? (
        <TextArea label="Companies" required testId="rule-companies" value={rule.companies} onChange={(companies) => set({ companies })} hint="One per line, or separated by commas. Matched whole, ignoring case." />
      ) : null}
      {rule.type === 'email-kind' ? (
        <SelectField
          label="Email kind"
          testId="rule-email-kind"
          value={rule.emailKind}
          onChange={(emailKind) => set({ emailKind })}
          options={EMAIL_KINDS.map((k) => ({ value: k, label: RULE_EMAIL_KIND_LABELS[k] }))}
        />
      ) : null}
      {rule.type === 'connected-year' ? (
        <div className="row">
          <TextField label="From year" type="number" testId="rule-from-year" min={2003} max={2100} value={rule.fromYear} onChange={(fromYear) => set({ fromYear })} hint="Inclusive; leave empty for no lower bound." />
          <TextField label="To year" type="number" testId="rule-to-year" min={2003} max={2100} value={rule.toYear} onChange={(toYear) => set({ toYear })} hint="Inclusive; leave empty for no upper bound." />
        </div>
      ) : null}
      {rule.type === 'position-keyword' ? (
        <TextArea label="Keywords" required testId="rule-keywords" value={rule.keywords} onChange={(keywords) => set({ keywords })} hint="Whole words, one per line or separated by commas, e.g. recruiter, talent." />
      ) : null}
      <FormError message={error} />
      <button type="submit" className="primary" data-testid="add-group-submit" disabled={busy !== null} aria-busy={busy !== null}>
        Add the group
      </button>
    </form>
    {dialog}
    </>
  );
}
