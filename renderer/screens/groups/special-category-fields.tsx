// Section 3 of the lawful-basis form: an Art. 9(2) condition when the group holds special-category hints, with what
// that condition asks for (where the data was made public, the DPA 2018 Sch. 1 condition, the appropriate policy
// document), and an Art. 10 authority for criminal-offence data. The core judges it (src/policy/lawful-basis.ts,
// src/policy/special-category.ts); the form only shows the fields the chosen condition needs.
import { Checkbox } from '../../components/fields.js';
import { Choice, TextBox, TextInput } from './form-fields.js';
import { isMarketingPurpose } from '../../../src/shared/vocabulary.js';
import { count } from '../../lib/format.js';
import { ART9_LABELS, humanise } from '../../lib/labels.js';
import { ART9_CONDITIONS, art9Asks, type PolicyFormState } from '../../lib/policy-form.js';

/** The group's hints, as the core counts them (contacts.list categoryCounts): contacts per category. */
export interface Sensitive {
  /** Each Art. 9 category hinted at, with how many contacts hint at it (a contact may hint at several). */
  art9: { category: string; contacts: number }[];
  /** Contacts that hint at criminal-offence data (Art. 10). */
  art10: number;
}

export function SpecialCategoryFields({
  form,
  sensitive,
  errors,
  set,
}: {
  form: PolicyFormState;
  sensitive: Sensitive | null;
  /** The problems to show, by field. */
  errors: Readonly<Record<string, string>>;
  set(patch: Partial<PolicyFormState>): void;
}) {
  const asks = art9Asks(form.showArt9 ? form.art9Condition : '');
  const marketing = isMarketingPurpose(form.purpose);
  return (
    <div data-testid="art9-section">
      {sensitive && sensitive.art9.length > 0 ? (
        <p className="callout warn" data-testid="art9-hints">
          <span aria-hidden="true">⚠ </span>
          Contacts in this group hint at special-category data ({sensitive.art9.map((k) => `${humanise(k.category)}: ${count(k.contacts, 'contact')}`).join('; ')}): choose an Art. 9(2)
          condition, or strip that data at import.
        </p>
      ) : (
        <Checkbox testId="show-art9" label="Record an Art. 9(2) condition" checked={form.showArt9} onChange={(showArt9) => set({ showArt9 })} hint="No special-category hints were found in this group." />
      )}
      {form.showArt9 ? (
        <>
          <Choice
            label="Art. 9(2) condition"
            error={errors.art9Condition}
            testId="art9-condition"
            placeholder="Choose a condition…"
            value={form.art9Condition}
            onChange={(art9Condition) => set({ art9Condition })}
            options={ART9_CONDITIONS.map((c) => ({ value: c, label: ART9_LABELS[c] }))}
          />
          {marketing ? (
            <p className="hint" data-testid="art9-marketing-hint">
              For direct marketing only (a) explicit consent, recorded for each person, or (e) data the person made manifestly public themselves will do.
            </p>
          ) : null}
          <TextBox
            label="Why the condition applies"
            error={errors.art9Justification}
            testId="art9-justification"
            value={form.art9Justification}
            onChange={(art9Justification) => set({ art9Justification })}
            hint="A real answer: at least 20 characters, not a placeholder."
          />
          {asks.where ? (
            <TextInput
              label="Where the person made it public"
              error={errors.art9MadePublicWhere}
              required
              testId="art9-made-public-where"
              value={form.art9MadePublicWhere}
              onChange={(art9MadePublicWhere) => set({ art9MadePublicWhere })}
              hint="For example: the headline of their own LinkedIn profile. It must be their own act of publishing it."
            />
          ) : null}
          {asks.schedule1 !== null ? (
            <TextInput
              label="DPA 2018 Schedule 1 condition"
              error={errors.schedule1Condition}
              required
              testId="schedule1-condition"
              value={form.schedule1Condition}
              onChange={(schedule1Condition) => set({ schedule1Condition })}
              hint={`This condition has a basis in UK law only through ${asks.schedule1} (DPA 2018 s.10).`}
            />
          ) : null}
        </>
      ) : null}
      {sensitive && sensitive.art10 > 0 ? (
        <p className="callout warn">
          <span aria-hidden="true">⚠ </span>
          {sensitive.art10} contact{sensitive.art10 === 1 ? '' : 's'} hint at criminal-offence data (Art. 10): {marketing ? 'it cannot be used for direct marketing: strip it at import.' : 'record the authority that allows it.'}
        </p>
      ) : (
        <Checkbox testId="show-art10" label="Record an Art. 10 authority (criminal-offence data)" checked={form.showArt10} onChange={(showArt10) => set({ showArt10 })} />
      )}
      {form.showArt10 ? <TextInput label="Art. 10 authority (official authority or DPA 2018 Sch. 1 condition)" error={errors.art10Authority} testId="art10-authority" value={form.art10Authority} onChange={(art10Authority) => set({ art10Authority })} /> : null}
      {asks.apd || (form.showArt10 && form.art10Authority.trim() !== '') ? (
        <TextInput
          label="Appropriate policy document (reference)"
          error={errors.appropriatePolicyDocument}
          required
          testId="appropriate-policy-document"
          value={form.appropriatePolicyDocument}
          onChange={(appropriatePolicyDocument) => set({ appropriatePolicyDocument })}
          hint="The document that explains how you comply and how long you keep this data (DPA 2018 Sch. 1 Part 4)."
        />
      ) : null}
    </div>
  );
}
