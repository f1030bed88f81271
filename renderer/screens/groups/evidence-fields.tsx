// The evidence fields of one lawful basis, each with its problem in words. Legitimate interests is asked as the
// ICO's three-part test (purpose, necessity, balancing), then the opt-out, date, assessor, version, sign-off and
// review date.
import { TextBox, TextInput } from './form-fields.js';
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

function Field({ field, value, error, onChange }: { field: EvidenceField; value: string; error: string | undefined; onChange(v: string): void }) {
  const common = { label: field.label, hint: field.hint, testId: `evidence-${field.key}`, required: !field.optional, value, error, onChange };
  if (field.kind === 'textarea') return <TextBox {...common} rows={3} />;
  return <TextInput {...common} type={field.kind === 'date' ? 'date' : 'text'} />;
}

/** The evidence of one basis; `errors` holds the problems to show, by field ('evidence.<key>'). */
export function EvidenceFields({
  basis,
  values,
  errors,
  onChange,
}: {
  basis: LawfulBasis;
  values: Record<string, string>;
  errors: Readonly<Record<string, string>>;
  onChange(key: string, value: string): void;
}) {
  const fields = EVIDENCE_FIELDS[basis];
  const one = (field: EvidenceField) => <Field key={field.key} field={field} value={values[field.key] ?? ''} error={errors[`evidence.${field.key}`]} onChange={(v) => onChange(field.key, v)} />;
  return (
    <div data-testid={`evidence-for-${basis}`}>
      <p className="hint">{GUIDANCE[basis]}</p>
      {basis === 'legitimate-interests' ? (
        <>
          <fieldset data-testid="lia-tests">
            <legend>The three-part test (ICO legitimate interests assessment)</legend>
            {fields.filter((f) => isOneOf(LIA_STEPS, f.key)).map(one)}
          </fieldset>
          <fieldset>
            <legend>Opt-out and sign-off</legend>
            {fields.filter((f) => !isOneOf(LIA_STEPS, f.key)).map(one)}
          </fieldset>
        </>
      ) : (
        fields.map(one)
      )}
    </div>
  );
}
