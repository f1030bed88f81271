// A passphrase field with its strength meter (length and variety) and, for new passphrases, a confirmation.
import { useId } from 'react';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../lib/passphrase.js';
import { TextField } from './fields.js';

export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const id = useId();
  const s = passphraseStrength(passphrase);
  return (
    <div className="strength" data-testid="strength-meter" data-score={s.score}>
      <label htmlFor={id}>Strength</label>
      <meter id={id} min={0} max={4} low={2} high={3} optimum={4} value={s.score} aria-valuetext={s.label} />
      <span className={`strength-label strength-${s.score}`}>
        {s.label} · {s.length} characters{s.meetsMinimum ? '' : `, ${MIN_PASSPHRASE_LENGTH} needed`}
      </span>
      {s.hints.length > 0 && passphrase.length > 0 ? (
        <ul className="hint strength-hints">
          {s.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function NewPassphraseFields({
  passphrase,
  confirm,
  onPassphrase,
  onConfirm,
  label = 'Passphrase',
  testId = 'passphrase',
}: {
  passphrase: string;
  confirm: string;
  onPassphrase(value: string): void;
  onConfirm(value: string): void;
  label?: string;
  testId?: string;
}) {
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        required
        testId={testId}
        value={passphrase}
        onChange={onPassphrase}
        hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
      />
      <StrengthMeter passphrase={passphrase} />
      <TextField label={`Confirm ${label.toLowerCase()}`} type="password" autoComplete="new-password" required testId={`${testId}-confirm`} value={confirm} onChange={onConfirm} />
      {mismatch ? (
        <p className="hint warn-text" data-testid="passphrase-mismatch">
          <span aria-hidden="true">⚠ </span>The two passphrases differ.
        </p>
      ) : null}
    </>
  );
}

/** The sentence that stops a new passphrase, or null when it may be used. */
export function newPassphraseProblem(passphrase: string, confirm: string): string | null {
  if (!passphraseStrength(passphrase).meetsMinimum) return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirm) return 'The passphrase and its confirmation differ.';
  return null;
}
