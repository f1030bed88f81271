// The guided lawful-basis form for one group: basis and purpose, the evidence that basis needs, an Art. 9(2)
// condition when the group holds special-category hints, and the Art. 14 notice. "Check" shows the guardrails
// (policy.check); "Save" assigns it (policy.assign), with the warnings acknowledged.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { call } from '../../api.js';
import { useStatus } from '../../app/status.js';
import { useAction } from '../../app/use-action.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.js';
import { GuardrailList } from '../../components/guardrail-list.js';
import { LAWFUL_BASES, NOTICE_STATUSES, PURPOSES } from '../../../src/shared/vocabulary.js';
import { BASIS_LABELS, NOTICE_LABELS, PURPOSE_LABELS } from '../../lib/labels.js';
import { fromPolicy, toPolicy, withEvidence, type PolicyFormState } from '../../lib/policy-form.js';
import type { GroupView, Guardrail } from '../../types.js';
import { EvidenceFields } from './evidence-fields.js';
import { SpecialCategoryFields, type Sensitive } from './special-category-fields.js';

const CRIMINAL = 'criminal-offences';

export function PolicyForm({ group, onSaved, onClose }: { group: GroupView; onSaved(): void; onClose(): void }) {
  const [form, setForm] = useState<PolicyFormState>(() => fromPolicy(group.policy?.policy));
  const [sensitive, setSensitive] = useState<Sensitive | null>(null);
  const [checked, setChecked] = useState<{ for: string; errors: string[]; guardrails: Guardrail[] } | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  const status = useStatus();
  const policy = useMemo(() => toPolicy(form), [form]);
  const policyKey = JSON.stringify(policy);

  // Does the group hold special-category (Art. 9) or criminal-offence (Art. 10) hints? Then those fields show. The
  // core counts them over the whole group and sends one contact, not the group.
  useEffect(() => {
    let live = true;
    call('contacts.list', { groupId: group.id, categoryCounts: true, limit: 1 })
      .then(({ categoryCounts = {} }) => {
        if (!live) return;
        const art9 = Object.entries(categoryCounts)
          .filter(([category, contacts]) => category !== CRIMINAL && contacts > 0)
          .map(([category, contacts]) => ({ category, contacts }))
          .sort((a, b) => b.contacts - a.contacts || a.category.localeCompare(b.category));
        const art10 = categoryCounts[CRIMINAL] ?? 0;
        setSensitive({ art9, art10 });
        setForm((f) => ({ ...f, showArt9: f.showArt9 || art9.length > 0, showArt10: f.showArt10 || art10 > 0 }));
      })
      .catch(() => setSensitive(null));
    return () => {
      live = false;
    };
  }, [group.id]);

  const set = (patch: Partial<PolicyFormState>) => setForm((f) => ({ ...f, ...patch }));

  const check = async (quiet = false) => {
    const r = await run('check', () => call('policy.check', { groupId: group.id, policy }));
    if (!r) return;
    setChecked({ for: policyKey, errors: r.errors, guardrails: r.guardrails });
    // The core found special-category or criminal-offence data: show the fields that answer it.
    const art9 = r.guardrails.find((g) => g.id === 'special-category-needs-art9');
    if (art9) setForm((f) => ({ ...f, showArt9: f.showArt9 || /Art\. 9/.test(art9.rule), showArt10: f.showArt10 || /Art\. 10/.test(art9.rule) }));
    if (!quiet) {
      const blocks = r.guardrails.filter((g) => g.severity === 'block').length;
      const warns = r.guardrails.length - blocks;
      // The status region says it in words (the list below is not a live region).
      const words = r.errors.length
        ? `The form is incomplete: ${r.errors.length} thing${r.errors.length === 1 ? '' : 's'} to fix.`
        : `Checked: ${blocks} blocking, ${warns} warning${warns === 1 ? '' : 's'}.`;
      status.announce(words, 'info');
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await change('save', (confirm) => call('policy.assign', { groupId: group.id, policy, acknowledgeWarnings: acknowledge, confirm }), {
      success: `Lawful basis saved for “${group.label}”.`,
      cancelled: 'Nothing was changed: the lawful basis was not saved.',
    });
    if (r) {
      setChecked({ for: policyKey, errors: [], guardrails: r.guardrails });
      onSaved();
    } else {
      await check(true);
    }
  };

  const stale = checked !== null && checked.for !== policyKey;
  const basisEvidence = form.basis ? (form.evidence[form.basis] ?? {}) : {};
  const hasWarnings = (checked?.guardrails ?? []).some((g) => g.severity === 'warn');

  return (
    <>
    <form className="card form policy-form" data-testid="policy-form" onSubmit={save} noValidate aria-labelledby="policy-title">
      <h3 id="policy-title">Lawful basis for “{group.label}”</h3>
      <p className="hint">
        {group.description} · {group.contacts.toLocaleString('en-GB')} contacts
        {group.policy ? ` · current basis assigned ${group.policy.assignedAt.slice(0, 10)}` : ' · no lawful basis yet: these contacts are quarantined'}
      </p>

      <fieldset>
        <legend>1. Lawful basis and purpose</legend>
        <SelectField label="Lawful basis (UK GDPR Art. 6(1))" required testId="policy-basis" placeholder="Choose a basis…" value={form.basis} onChange={(basis) => set({ basis })} options={LAWFUL_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))} />
        <SelectField label="Purpose" required testId="policy-purpose" placeholder="Choose a purpose…" value={form.purpose} onChange={(purpose) => set({ purpose })} options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} />
        <TextArea label="The purpose in your own words" required testId="policy-purpose-description" value={form.purposeDescription} onChange={(purposeDescription) => set({ purposeDescription })} hint="At least 10 characters: what you will use these contacts for." />
      </fieldset>

      <fieldset>
        <legend>2. Evidence</legend>
        {form.basis ? (
          <EvidenceFields basis={form.basis} values={basisEvidence} onChange={(key, value) => setForm((f) => (f.basis ? withEvidence(f, f.basis, key, value) : f))} />
        ) : (
          <p className="hint">Choose a lawful basis to see the evidence it needs.</p>
        )}
      </fieldset>

      <SpecialCategoryFields form={form} sensitive={sensitive} set={set} />

      <fieldset data-testid="notice-section">
        <legend>4. Telling people (Art. 14 notice): the group's plan</legend>
        <p className="hint">
          People whose details came from LinkedIn, not from them, must be told within one month, or before their data is first disclosed (UK GDPR Art. 14(3)). This is
          the plan for the group; who was told is recorded per person (notice sent), and people who join the group later are due until then.
        </p>
        <SelectField label="Notice status" required testId="notice-status" placeholder="Choose…" value={form.notice.status} onChange={(status) => set({ notice: { ...form.notice, status } })} options={NOTICE_STATUSES.map((s) => ({ value: s, label: NOTICE_LABELS[s] }))} />
        <TextField label={form.notice.status === 'exempt' ? 'Date the exemption was decided' : form.notice.status === 'planned' ? 'Date it will be sent' : 'Date it was sent'} type="date" required testId="notice-date" value={form.notice.date} onChange={(date) => set({ notice: { ...form.notice, date } })} />
        <TextField label="How people are told" required testId="notice-method" value={form.notice.method} onChange={(method) => set({ notice: { ...form.notice, method } })} hint="For example: a privacy notice in the first email." />
        {form.notice.status === 'exempt' ? (
          <TextArea label="Exemption: the Art. 14(5) ground and the reason" required testId="notice-exemption" value={form.notice.exemption} onChange={(exemption) => set({ notice: { ...form.notice, exemption } })} hint="For example: Art. 14(5)(b) disproportionate effort, because …" />
        ) : null}
      </fieldset>

      <section className="check-results" aria-labelledby="check-title" data-testid="policy-check-results">
        <h4 id="check-title">Guardrails</h4>
        {checked === null ? <p className="hint">Check the form to see what the rules say before you save.</p> : null}
        {stale ? (
          <p className="hint warn-text" data-testid="check-stale">
            <span aria-hidden="true">⚠ </span>The form changed since this check: check again.
          </p>
        ) : null}
        {checked && checked.errors.length > 0 ? (
          <ul className="policy-errors" data-testid="policy-errors">
            {checked.errors.map((e) => (
              <li key={e}>
                <span aria-hidden="true">✗ </span>
                {e}
              </li>
            ))}
          </ul>
        ) : null}
        {checked && checked.errors.length === 0 && checked.guardrails.length === 0 ? (
          <p data-testid="guardrails-clear">
            <span aria-hidden="true">✓ </span>No guardrail fires for this basis.
          </p>
        ) : null}
        {checked ? <GuardrailList guardrails={checked.guardrails} /> : null}
      </section>

      <Checkbox testId="acknowledge-warnings" label="I have read the warnings" checked={acknowledge} onChange={setAcknowledge} hint={hasWarnings ? 'Needed to save past the warnings above.' : 'Needed only when the check shows warnings.'} />
      <div className="actions">
        <button type="button" data-testid="check-policy" disabled={busy !== null} aria-busy={busy === 'check'} onClick={() => void check()}>
          Check
        </button>
        <button type="submit" className="primary" data-testid="save-policy" disabled={busy !== null} aria-busy={busy === 'save'}>
          Save the lawful basis
        </button>
        <button type="button" data-testid="close-policy" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
    {dialog}
    </>
  );
}
