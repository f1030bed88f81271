// The review step's summary of a drafted lawful basis: what will be saved, in labels, never in raw keys.
import { ART9_LABELS, BASIS_LABELS, noticePlanText, PURPOSE_LABELS } from '../../lib/labels.js';
import { EVIDENCE_FIELDS, type PolicyFormState } from '../../lib/policy-form.js';

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

export function PolicySummary({ form }: { form: PolicyFormState }) {
  const evidence = form.basis ? EVIDENCE_FIELDS[form.basis] : [];
  const typed = form.basis ? (form.evidence[form.basis] ?? {}) : {};
  const answered = evidence.filter((f) => (typed[f.key] ?? '').trim() !== '').length;
  return (
    <dl className="facts policy-summary" data-testid="policy-summary">
      <dt>Lawful basis</dt>
      <dd>{form.basis ? BASIS_LABELS[form.basis] : '—'}</dd>
      <dt>Purpose</dt>
      <dd>{form.purpose ? PURPOSE_LABELS[form.purpose] : '—'}</dd>
      <dt>In your words</dt>
      <dd>{orDash(form.purposeDescription)}</dd>
      <dt>Evidence</dt>
      <dd>{form.basis ? `${answered} of ${evidence.length} answers given` : '—'}</dd>
      <dt>Art. 9(2) condition</dt>
      <dd>{form.showArt9 && form.art9Condition ? ART9_LABELS[form.art9Condition] : 'none'}</dd>
      <dt>Art. 14 notice</dt>
      <dd>{form.notice.status ? noticePlanText({ status: form.notice.status, date: form.notice.date }) : '—'}</dd>
    </dl>
  );
}
