// The guided lawful-basis form for one group, as five short steps: basis and purpose, evidence, special categories,
// the Art. 14 notice, review and save. Back and Next keep every value. Problems show on their fields, in words, all
// at once (the form's own checks and the core's, renderer/lib/policy-errors.ts) once a step has been left; the
// guardrails are checked as the form fills (policy.check, after typing pauses) and shown beside the step they
// concern. Save (policy.assign) is enabled only when nothing blocks it, and says why when it is not.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useConfirmedChange } from '../../app/use-confirmed-change.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { Checkbox } from '../../components/fields.js';
import { GuardrailList } from '../../components/guardrail-list.js';
import { LAWFUL_BASES, NOTICE_STATUSES, PURPOSES } from '../../../src/shared/vocabulary.js';
import { BASIS_LABELS, NOTICE_LABELS, PURPOSE_LABELS } from '../../lib/labels.js';
import { coreProblems, fieldLabel, formProblems, mergeProblems, POLICY_STEPS, saveState, stepOfField, stepOfGuardrail, type StepId } from '../../lib/policy-errors.js';
import { fromPolicy, toCheckDraft, toPolicy, withEvidence, type PolicyFormState } from '../../lib/policy-form.js';
import type { GroupView, Guardrail } from '../../types.js';
import { EvidenceFields } from './evidence-fields.js';
import { Choice, TextBox, TextInput } from './form-fields.js';
import { PolicySummary } from './policy-summary.js';
import { SpecialCategoryFields, type Sensitive } from './special-category-fields.js';

const CRIMINAL = 'criminal-offences';
/** How long typing must pause before the rules are checked again. */
const CHECK_AFTER_MS = 450;

export function PolicyForm({ group, onSaved, onClose }: { group: GroupView; onSaved(): void; onClose(): void }) {
  const [form, setForm] = useState<PolicyFormState>(() => fromPolicy(group.policy?.policy));
  const [sensitive, setSensitive] = useState<Sensitive | null>(null);
  const [step, setStep] = useState<StepId>('basis');
  /** Steps the person has left: their problems show. */
  const [left, setLeft] = useState<ReadonlySet<StepId>>(() => new Set(group.policy ? POLICY_STEPS.map((s) => s.id) : []));
  const [checked, setChecked] = useState<{ for: string; errors: string[]; guardrails: Guardrail[] } | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const { busy, run } = useAction();
  const { change, dialog } = useConfirmedChange(run);
  // Save is disabled while busy: when nothing was saved, focus comes back to it (saved, the form closes: group-detail.tsx).
  const focus = useFocusAfter();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

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

  // The live check: once a basis is chosen, each pause in typing asks the core what its rules say of the draft.
  const draft = useMemo(() => toCheckDraft(form), [form]);
  const draftKey = JSON.stringify(draft);
  useEffect(() => {
    if (!form.basis) return;
    let live = true;
    const timer = setTimeout(() => {
      call('policy.check', { groupId: group.id, policy: draft })
        .then((r) => {
          if (!live) return;
          setChecked({ for: draftKey, errors: r.errors, guardrails: r.guardrails });
          // The core found special-category or criminal-offence data: show the fields that answer it.
          const art9 = r.guardrails.find((g) => g.id === 'special-category-needs-art9');
          if (art9) setForm((f) => ({ ...f, showArt9: f.showArt9 || /Art\. 9/.test(art9.rule), showArt10: f.showArt10 || /Art\. 10/.test(art9.rule) }));
        })
        .catch(() => undefined);
    }, CHECK_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // draftKey stands for draft: the check runs again only when what it would send changes.
  }, [draftKey, group.id, form.basis]);

  // Focus the step's heading when the person moves between steps (not when the form opens).
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  const set = (patch: Partial<PolicyFormState>) => setForm((f) => ({ ...f, ...patch }));
  const fresh = checked !== null && checked.for === draftKey;
  const problems = mergeProblems(formProblems(form), fresh ? coreProblems(checked.errors) : []);
  const shown = (s: StepId) => left.has(s) || step === 'review';
  const errors: Record<string, string> = Object.fromEntries(problems.filter((p) => shown(stepOfField(p.field))).map((p) => [p.field, p.message]));
  const guardrails = checked?.guardrails ?? [];
  const save = saveState({ problems, guardrails: fresh ? checked.guardrails : null, acknowledged: acknowledge });
  const index = POLICY_STEPS.findIndex((s) => s.id === step);
  const current = POLICY_STEPS[index]!;

  const go = (to: StepId) => {
    moved.current = true;
    // From the review, which lists every problem, every step's problems show.
    setLeft((l) => (step === 'review' ? new Set(POLICY_STEPS.map((s) => s.id)) : new Set([...l, step])));
    setStep(to);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (step !== 'review') {
      go(POLICY_STEPS[index + 1]!.id);
      return;
    }
    if (save.kind !== 'ready') return;
    const policy = toPolicy(form);
    const r = await focus.keep(() =>
      change('save', (confirm) => call('policy.assign', { groupId: group.id, policy, acknowledgeWarnings: acknowledge, confirm }), {
        success: `Lawful basis saved for “${group.label}”.`,
        cancelled: 'Nothing was changed: the lawful basis was not saved.',
      }),
    );
    if (r) onSaved();
  };

  const stateOf = (s: StepId): string => {
    if (s === 'review') return '';
    const toFix = shown(s) ? problems.filter((p) => stepOfField(p.field) === s).length : 0;
    const rules = guardrails.filter((g) => stepOfGuardrail(g.id) === s);
    const parts = [
      toFix > 0 ? `${toFix} to fix` : '',
      rules.some((g) => g.severity === 'block') ? 'blocked by a rule' : rules.length > 0 ? 'warning' : '',
    ].filter(Boolean);
    if (parts.length === 0) return left.has(s) ? 'done' : '';
    return parts.join(', ');
  };

  const stepRules = guardrails.filter((g) => stepOfGuardrail(g.id) === step);

  return (
    <>
      <form className="card form policy-form" data-testid="policy-form" onSubmit={submit} noValidate aria-labelledby="policy-title">
        <h3 id="policy-title" tabIndex={-1}>
          Lawful basis for “{group.label}”
        </h3>
        <p className="hint">
          {group.description} · {group.contacts.toLocaleString('en-GB')} {group.contacts === 1 ? 'contact' : 'contacts'}
          {group.policy ? ` · current basis assigned ${group.policy.assignedAt.slice(0, 10)}` : ' · no lawful basis yet: these contacts are quarantined'}
        </p>
        <nav aria-label="Steps of the lawful basis">
          <ol className="stepper policy-steps" data-testid="policy-steps">
            {POLICY_STEPS.map((s, i) => {
              const state = stateOf(s.id);
              return (
                <li key={s.id}>
                  <button type="button" data-testid={`policy-step-${s.id}`} aria-current={s.id === step ? 'step' : undefined} onClick={() => go(s.id)}>
                    <span className="step-number">{i + 1}</span> {s.title}
                    {state ? <span className="step-state"> ({state})</span> : null}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>

        <section className="policy-step" aria-labelledby="policy-step-title" data-testid={`policy-step-body-${step}`}>
          <h4 id="policy-step-title" ref={heading} tabIndex={-1}>
            Step {index + 1} of {POLICY_STEPS.length}: {current.title}
          </h4>
          {step === 'review' ? (
            <Review
              form={form}
              problems={problems}
              guardrails={fresh ? guardrails : null}
              acknowledge={acknowledge}
              setAcknowledge={setAcknowledge}
              goTo={go}
            />
          ) : (
            <div className="policy-step-body">
              <div className="policy-step-fields">
                {step === 'basis' ? (
                  <>
                    <Choice
                      label="Lawful basis (UK GDPR Art. 6(1))"
                      required
                      testId="policy-basis"
                      placeholder="Choose a basis…"
                      value={form.basis}
                      error={errors.basis}
                      onChange={(basis) => set({ basis })}
                      options={LAWFUL_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))}
                    />
                    <Choice label="Purpose" required testId="policy-purpose" placeholder="Choose a purpose…" value={form.purpose} error={errors.purpose} onChange={(purpose) => set({ purpose })} options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} />
                    <TextBox
                      label="The purpose in your own words"
                      required
                      testId="policy-purpose-description"
                      value={form.purposeDescription}
                      error={errors.purposeDescription}
                      onChange={(purposeDescription) => set({ purposeDescription })}
                      hint="At least 10 characters: what you will use these contacts for."
                    />
                  </>
                ) : null}
                {step === 'evidence' ? (
                  form.basis ? (
                    <EvidenceFields basis={form.basis} values={form.evidence[form.basis] ?? {}} errors={errors} onChange={(key, value) => setForm((f) => (f.basis ? withEvidence(f, f.basis, key, value) : f))} />
                  ) : (
                    <p className="hint">Choose a lawful basis (step 1) to see the evidence it needs.</p>
                  )
                ) : null}
                {step === 'special' ? <SpecialCategoryFields form={form} sensitive={sensitive} errors={errors} set={set} /> : null}
                {step === 'notice' ? <NoticeFields form={form} errors={errors} set={set} /> : null}
              </div>
              <aside className="step-guardrails" aria-labelledby="step-rules-title" data-testid="step-guardrails">
                <h5 id="step-rules-title">What the rules say about this step</h5>
                {!form.basis ? <p className="hint">The rules are checked as you fill the form, once a basis is chosen.</p> : null}
                {form.basis && checked === null ? <p className="hint">Checking…</p> : null}
                {checked !== null && !fresh ? <p className="hint">Checking your changes…</p> : null}
                {checked !== null && stepRules.length === 0 ? (
                  <p className="hint" data-testid="step-guardrails-clear">
                    <span aria-hidden="true">✓ </span>
                    {checked.errors.length > 0 ? 'The rules are checked fully once the form is complete.' : 'No rule fires for this step.'}
                  </p>
                ) : null}
                <GuardrailList guardrails={stepRules} />
              </aside>
            </div>
          )}
        </section>

        <div className="actions policy-actions">
          <button type="button" data-testid="policy-back" disabled={index === 0} onClick={() => go(POLICY_STEPS[index - 1]!.id)}>
            Back
          </button>
          {step !== 'review' ? (
            <button type="submit" className="primary" data-testid="policy-next">
              Next: {POLICY_STEPS[index + 1]!.title}
            </button>
          ) : (
            <button
              type="submit"
              className={save.kind === 'ready' ? 'primary' : undefined}
              data-testid="save-policy"
              disabled={save.kind !== 'ready' || busy !== null}
              aria-busy={busy === 'save'}
              aria-describedby={save.kind === 'ready' ? undefined : 'save-reason'}
            >
              Save the lawful basis
            </button>
          )}
          <button type="button" data-testid="close-policy" onClick={onClose}>
            Close
          </button>
        </div>
        {step === 'review' && save.kind !== 'ready' ? (
          <p id="save-reason" className={save.kind === 'blocked' || save.kind === 'incomplete' ? 'field-error save-reason' : 'hint save-reason'} data-testid="save-reason" data-kind={save.kind}>
            {save.reason}
          </p>
        ) : null}
      </form>
      {dialog}
    </>
  );
}

function NoticeFields({ form, errors, set }: { form: PolicyFormState; errors: Readonly<Record<string, string>>; set(patch: Partial<PolicyFormState>): void }) {
  const notice = form.notice;
  return (
    <div data-testid="notice-section">
      <p className="hint">
        People whose details came from LinkedIn, not from them, must be told within one month, or before their data is first disclosed (UK GDPR Art. 14(3)). This is the
        plan for the group; who was told is recorded per person.
      </p>
      <Choice
        label="Notice status"
        required
        testId="notice-status"
        placeholder="Choose…"
        value={notice.status}
        error={errors['art14Notice.status']}
        onChange={(status) => set({ notice: { ...notice, status } })}
        options={NOTICE_STATUSES.map((s) => ({ value: s, label: NOTICE_LABELS[s] }))}
      />
      <TextInput
        label={notice.status === 'exempt' ? 'Date the exemption was decided' : notice.status === 'planned' ? 'Date it will be sent' : 'Date it was sent'}
        type="date"
        required
        testId="notice-date"
        value={notice.date}
        error={errors['art14Notice.date']}
        onChange={(date) => set({ notice: { ...notice, date } })}
      />
      <TextInput label="How people are told" required testId="notice-method" value={notice.method} error={errors['art14Notice.method']} onChange={(method) => set({ notice: { ...notice, method } })} hint="For example: a privacy notice in the first email." />
      {notice.status === 'exempt' ? (
        <TextBox
          label="Exemption: the Art. 14(5) ground and the reason"
          required
          testId="notice-exemption"
          value={notice.exemption}
          error={errors['art14Notice.exemption']}
          onChange={(exemption) => set({ notice: { ...notice, exemption } })}
          hint="For example: Art. 14(5)(b) disproportionate effort, because …"
        />
      ) : null}
    </div>
  );
}

function Review({
  form,
  problems,
  guardrails,
  acknowledge,
  setAcknowledge,
  goTo,
}: {
  form: PolicyFormState;
  problems: readonly { field: string; message: string }[];
  guardrails: readonly Guardrail[] | null;
  acknowledge: boolean;
  setAcknowledge(v: boolean): void;
  goTo(step: StepId): void;
}) {
  const warnings = (guardrails ?? []).filter((g) => g.severity === 'warn').length;
  return (
    <div className="policy-review">
      <PolicySummary form={form} />
      {problems.length > 0 ? (
        <div className="callout" data-testid="policy-problems">
          <h5>To fix before saving</h5>
          <ul className="policy-problems">
            {problems.map((p) => {
              const s = stepOfField(p.field);
              const n = POLICY_STEPS.findIndex((x) => x.id === s) + 1;
              return (
                <li key={p.field} data-testid="policy-problem" data-field={p.field}>
                  <button type="button" className="link-button" onClick={() => goTo(s)}>
                    Step {n}, {fieldLabel(p.field)}
                  </button>
                  : {p.message}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <section aria-labelledby="review-rules-title" data-testid="policy-check-results">
        <h5 id="review-rules-title">What the rules say</h5>
        {guardrails === null ? <p className="hint">Checking…</p> : null}
        {guardrails !== null && guardrails.length === 0 && problems.length === 0 ? (
          <p data-testid="guardrails-clear">
            <span aria-hidden="true">✓ </span>No guardrail fires for this basis.
          </p>
        ) : null}
        <GuardrailList guardrails={guardrails ?? []} />
      </section>
      {warnings > 0 ? (
        <Checkbox testId="acknowledge-warnings" label="I have read the warnings" checked={acknowledge} onChange={setAcknowledge} hint="Needed to save past the warnings above; blocking rules cannot be acknowledged." />
      ) : null}
    </div>
  );
}
