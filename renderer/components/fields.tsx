// Labelled form controls: every control has a <label htmlFor>, and its hint is tied to it with aria-describedby.
import { useId, type ReactNode } from 'react';

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  /** What is wrong with the value, in words: shown under the field, announced with it (aria-describedby), and the control marked invalid. */
  error?: string | null | undefined;
  testId?: string;
  required?: boolean;
  className?: string;
}

function FieldLabel({ id, label, required }: { id: string; label: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required ? <span className="required"> (required)</span> : null}
    </label>
  );
}

const describedBy = (id: string, hint: ReactNode, error?: string | null) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A field's problem, in words, beside it. */
export function FieldError({ id, error }: { id: string; error?: string | null | undefined }) {
  return error ? (
    <span id={id} className="field-error" data-testid="field-error">
      <span aria-hidden="true">✗ </span>
      {error}
    </span>
  ) : null;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <span id={id} className="hint">
      {hint}
    </span>
  ) : null;
}

export function TextField({
  label,
  hint,
  error,
  testId,
  required,
  className,
  value,
  onChange,
  type = 'text',
  autoComplete = 'off',
  placeholder,
  min,
  max,
}: Common & {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'date' | 'number' | 'search';
  autoComplete?: string;
  placeholder?: string;
  min?: number;
  max?: number;
}) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        type={type}
        value={value}
        data-testid={testId}
        required={required}
        autoComplete={autoComplete}
        spellCheck={type === 'text' ? undefined : false}
        placeholder={placeholder}
        min={min}
        max={max}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <Hint id={`${id}-hint`} hint={hint} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function TextArea({ label, hint, error, testId, required, className, value, onChange, rows = 3 }: Common & { value: string; onChange(value: string): void; rows?: number }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <textarea id={id} rows={rows} value={value} data-testid={testId} required={required} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      <Hint id={`${id}-hint`} hint={hint} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  hint,
  error,
  testId,
  required,
  className,
  value,
  onChange,
  options,
  placeholder,
}: Common & { value: T | ''; onChange(value: NoInfer<T>): void; options: readonly { value: NoInfer<T>; label: string }[]; placeholder?: string }) {
  const id = useId();
  // The chosen value is one of the options': found among them, not cast to T.
  const choose = (chosen: string) => {
    const option = options.find((o) => o.value === chosen);
    if (option) onChange(option.value);
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <select id={id} value={value} data-testid={testId} required={required} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} onChange={(e) => choose(e.target.value)}>
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
      <Hint id={`${id}-hint`} hint={hint} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function Checkbox({ label, hint, testId, checked, onChange, className }: Omit<Common, 'required'> & { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className={`check ${className ?? ''}`}>
      <input id={id} type="checkbox" checked={checked} data-testid={testId} aria-describedby={describedBy(id, hint)} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <Hint id={`${id}-hint`} hint={hint} />
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert" data-testid="form-error">
      <span aria-hidden="true">✗ </span>
      {message}
    </p>
  ) : null;
}
