// The fields of one group rule (company list, email kind, connection years or position keywords), shared by adding a
// group and editing one; `prefix` keeps their test ids apart ('rule-…' when adding, 'edit-rule-…' when editing).
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { EMAIL_KINDS } from '../../../src/shared/vocabulary.js';
import { RULE_EMAIL_KIND_LABELS, RULE_LABELS } from '../../lib/labels.js';
import { FORM_RULE_TYPES, type RuleFormState } from '../../lib/rule-form.js';

export function RuleFields({ rule, set, prefix = 'rule' }: { rule: RuleFormState; set(patch: Partial<RuleFormState>): void; prefix?: string }) {
  return (
    <>
      <SelectField label="Rule" testId={`${prefix}-type`} value={rule.type} onChange={(type) => set({ type })} options={FORM_RULE_TYPES.map((t) => ({ value: t, label: RULE_LABELS[t] }))} />
      {rule.type === 'company' ? (
        <TextArea label="Companies" required testId={`${prefix}-companies`} value={rule.companies} onChange={(companies) => set({ companies })} hint="One per line, or separated by commas. Matched whole, ignoring case." />
      ) : null}
      {rule.type === 'email-kind' ? (
        <SelectField label="Email kind" testId={`${prefix}-email-kind`} value={rule.emailKind} onChange={(emailKind) => set({ emailKind })} options={EMAIL_KINDS.map((k) => ({ value: k, label: RULE_EMAIL_KIND_LABELS[k] }))} />
      ) : null}
      {rule.type === 'connected-year' ? (
        <div className="row">
          <TextField label="From year" type="number" testId={`${prefix}-from-year`} min={2003} max={2100} value={rule.fromYear} onChange={(fromYear) => set({ fromYear })} hint="Inclusive; leave empty for no lower bound." />
          <TextField label="To year" type="number" testId={`${prefix}-to-year`} min={2003} max={2100} value={rule.toYear} onChange={(toYear) => set({ toYear })} hint="Inclusive; leave empty for no upper bound." />
        </div>
      ) : null}
      {rule.type === 'position-keyword' ? (
        <TextArea label="Keywords" required testId={`${prefix}-keywords`} value={rule.keywords} onChange={(keywords) => set({ keywords })} hint="Whole words, one per line or separated by commas, e.g. recruiter, talent." />
      ) : null}
    </>
  );
}
