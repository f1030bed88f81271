// The evidence fields of one lawful basis. Legitimate interests is guided as the ICO's three steps (purpose,
// necessity, balancing), one at a time, then the opt-out, date, assessor, version, sign-off and review date.
import { useState } from 'react';
import { TextArea, TextField } from '../../components/fields.js';
import type { LawfulBasis } from '../../../src/shared/vocabulary.js';
import { isOneOf } from '../../lib/guards.js';
import { EVIDENCE_FIELDS, LIA_STEPS, type EvidenceField } from '../../lib/policy-form.js';

const GUIDANCE: Record<LawfulBasis, string> = {
  consent: 'Consent must be freely given, specific, informed and unambiguous, and recorded. Accepting a LinkedIn connection is not consent.',
  contract: 'Only when each person is a party to a contract with you, or asked you to take steps before entering one. Not for prospecting or marketing.',
  'legal-obligation': 'Only when a law requires you to process these contacts; never for marketing.',
  'vital-interests': 'Only to protect someone’s life: never for marketing, and rarely, if ever, right for a contact list.',
  'public-task': 'Only for a task in the public interest or an official function laid down by law; never for marketing.',
  'legitimate-interests':
    'Answer the three tests of a legitimate interests assessment (ICO guidance), then record the opt-out you offer and the sign-off. ' +
    'Direct marketing may be a legitimate interest (UK GDPR Art. 6(11), inserted by the Data (Use and Access) Act 2025), but the necessity and balancing tests still apply.',
};

function Field({ field, value, onChange }: { field: EvidenceField; value: string; onChange(v: string): void }) {
  const common = { label: field.label, hint: field.hint, testId: `evidence-${field.key}`, required: !field.optional, value, onChange };
  if (field.kind === 'textarea') return <TextArea {...common} rows={4} />;
  return <TextField {...common} type={field.kind === 'date' ? 'date' : 'text'} />;
}

export function EvidenceFields({ basis, values, onChange }: { basis: LawfulBasis; values: Record<string, string>; onChange(key: string, value: string): void }) {
  const fields = EVIDENCE_FIELDS[basis];
  return (
    <div data-testid={`evidence-for-${basis}`}>
      <p className="hint">{GUIDANCE[basis]}</p>
      {basis === 'legitimate-interests' ? (
        <LiaSteps fields={fields} values={values} onChange={onChange} />
      ) : (
        fields.map((field) => <Field key={field.key} field={field} value={values[field.key] ?? ''} onChange={(v) => onChange(field.key, v)} />)
      )}
    </div>
  );
}

function LiaSteps({ fields, values, onChange }: { fields: readonly EvidenceField[]; values: Record<string, string>; onChange(key: string, value: string): void }) {
  const [step, setStep] = useState(0);
  const steps = LIA_STEPS.map((key) => fields.find((f) => f.key === key)!);
  const rest = fields.filter((f) => !isOneOf(LIA_STEPS, f.key));
  const current = steps[step]!;
  const titles = ['Purpose test', 'Necessity test', 'Balancing test'];
  return (
    <>
      <div className="lia" data-testid="lia-steps">
        <ol className="stepper" aria-label="Legitimate interests assessment">
          {steps.map((f, i) => {
            const done = (values[f.key] ?? '').trim().length > 0;
            return (
              <li key={f.key}>
                <button type="button" aria-current={i === step ? 'step' : undefined} data-testid={`lia-step-${i + 1}`} onClick={() => setStep(i)}>
                  <span className="step-number">{i + 1}</span> {titles[i]}
                  <span className="step-state">{done ? ' ✓ answered' : ' — to answer'}</span>
                </button>
              </li>
            );
          })}
        </ol>
        <fieldset className="lia-step" data-testid="lia-current-step">
          <legend>
            Step {step + 1} of 3: {titles[step]}
          </legend>
          <Field field={current} value={values[current.key] ?? ''} onChange={(v) => onChange(current.key, v)} />
          <div className="actions">
            <button type="button" data-testid="lia-back" disabled={step === 0} onClick={() => setStep((s) => Math.max(0, s - 1))}>
              Previous step
            </button>
            <button type="button" data-testid="lia-next" disabled={step === steps.length - 1} onClick={() => setStep((s) => Math.min(steps.length - 1, s + 1))}>
              Next step
            </button>
          </div>
        </fieldset>
      </div>
      <fieldset>
        <legend>Opt-out and sign-off</legend>
        {rest.map((field) => (
          <Field key={field.key} field={field} value={values[field.key] ?? ''} onChange={(v) => onChange(field.key, v)} />
        ))}
      </fieldset>
    </>
  );
}
