// Labelled controls of the lawful-basis and group forms that carry their own problem: under the control, in words,
// tied to it with aria-describedby (after its hint) and marked aria-invalid, so a screen reader reads the label,
// the hint and what is wrong. The look is renderer/components/fields.tsx's (.field, .hint, .field-error).
import { useId, type ReactNode } from 'react';

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  testId?: string;
  required?: boolean;
  /** The field's problem, in words; none when it is fine. */
  error?: string | undefined;
}

function Parts({ id, label, hint, required, error, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (required)</span> : null}
      </label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error" data-testid="field-error">
          <span aria-hidden="true">✗ </span>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The attributes that tie a control to its hint and problem. */
function described(id: string, hint: ReactNode, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

export function TextInput(props: Common & { value: string; onChange(v: string): void; type?: 'text' | 'date' }) {
  const id = useId();
  const { value, onChange, type = 'text', testId, required, hint, error } = props;
  return (
    <Parts id={id} {...props}>
      <input id={id} type={type} value={value} data-testid={testId} required={required} autoComplete="off" spellCheck={type === 'text' ? undefined : false} onChange={(e) => onChange(e.target.value)} {...described(id, hint, error)} />
    </Parts>
  );
}

export function TextBox(props: Common & { value: string; onChange(v: string): void; rows?: number }) {
  const id = useId();
  const { value, onChange, rows = 3, testId, required, hint, error } = props;
  return (
    <Parts id={id} {...props}>
      <textarea id={id} rows={rows} value={value} data-testid={testId} required={required} onChange={(e) => onChange(e.target.value)} {...described(id, hint, error)} />
    </Parts>
  );
}

export function Choice<T extends string>(
  props: Common & { value: T | ''; onChange(v: NoInfer<T>): void; options: readonly { value: NoInfer<T>; label: string }[]; placeholder?: string },
) {
  const id = useId();
  const { value, onChange, options, placeholder, testId, required, hint, error } = props;
  const choose = (chosen: string) => {
    const option = options.find((o) => o.value === chosen);
    if (option) onChange(option.value);
  };
  return (
    <Parts id={id} {...props}>
      <select id={id} value={value} data-testid={testId} required={required} onChange={(e) => choose(e.target.value)} {...described(id, hint, error)}>
        {placeholder !== undefined ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Parts>
  );
}
