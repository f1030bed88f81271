// Pieces the People's requests forms share: focus moved to the first field in error when a form is refused (the
// fields show their errors themselves, components/fields.tsx), and the person a request is about (chosen by email,
// profile URL or contact id).
import { useEffect, type RefObject } from 'react';
import { SelectField, TextField } from '../../components/fields.js';
import { PERSON_KIND_LABELS, type PersonKind } from './request-forms.js';

/** When `errors` names a problem, move focus to the first field of `form` whose hint shows an error. */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, errors: object | null): void {
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    // A control marked invalid, or the first control of a group (a fieldset) whose error is shown in it.
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const group = form.current?.querySelector('.field-error')?.closest('.field, .check, fieldset');
    const first = [invalid, group?.querySelector<HTMLElement>('input, select, textarea')]
      .filter((e): e is HTMLElement => e instanceof HTMLElement)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    first?.focus();
  }, [form, errors]);
}

const KIND_HINTS: Record<PersonKind, string> = {
  email: 'As the person wrote it to you; matched without storing it.',
  profileUrl: 'The address of their LinkedIn profile, such as https://www.linkedin.com/in/ada-lovelace.',
  contactId: 'Shown at the foot of the contact’s details on the Contacts screen.',
};

/** Which person: how they are identified, and the value, with its error. */
export function PersonFields({
  idPrefix,
  kinds,
  kind,
  onKind,
  value,
  onValue,
  error,
}: {
  idPrefix: string;
  kinds: readonly PersonKind[];
  kind: PersonKind;
  onKind(kind: PersonKind): void;
  value: string;
  onValue(value: string): void;
  error?: string | undefined;
}) {
  return (
    <div className="row requests-person">
      <SelectField label="Find the person by" testId={`${idPrefix}-kind`} value={kind} onChange={onKind} options={kinds.map((k) => ({ value: k, label: PERSON_KIND_LABELS[k] }))} />
      <TextField
        label={PERSON_KIND_LABELS[kind]}
        required
        testId={`${idPrefix}-value`}
        className="requests-grow"
        value={value}
        onChange={onValue}
        hint={KIND_HINTS[kind]}
        error={error}
      />
    </div>
  );
}
