// Account (any member): change one's own passphrase, in a dialog opened from the header. The current passphrase
// proves it is you; the new one follows the same strength rules as everywhere else (passphrase-fields.tsx). Below it,
// the keychain unlock on this computer, on or off (keychain-section.tsx); a new passphrase turns that off.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, call, errorMessage } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { FormError, TextField } from '../../components/fields.js';
import { NewPassphraseFields, newPassphraseProblem } from '../../components/passphrase-fields.js';
import { hintWith } from '../unlock/path-field.js';
import { KeychainSection } from './keychain-section.js';
import { useReturnFocus } from './return-focus.js';
import './members.css';

export function AccountDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { remember, restore } = useReturnFocus();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [currentError, setCurrentError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    remember();
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, [remember]);

  const close = () => {
    restore();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = current ? undefined : 'Type your current passphrase.';
    const problem = newPassphraseProblem(next, confirm) ?? (next === current && current ? 'The new passphrase is the one you have now: choose another.' : null);
    setCurrentError(missing);
    setError(problem);
    if (missing) {
      document.querySelector<HTMLElement>('[data-testid="current-passphrase"]')?.focus();
      return;
    }
    if (problem) return;
    const done = await run(
      'change',
      async () => {
        try {
          return await call('members.changePassphrase', { current, next });
        } catch (err) {
          // A wrong current passphrase belongs to its field; anything else to the form.
          if (err instanceof ApiError && err.code === 'wrong-secret') setCurrentError(err.message);
          else setError(errorMessage(err));
          throw err;
        }
      },
      'Your passphrase is changed: use the new one next time you unlock.',
    );
    if (done !== undefined) close();
    else {
      setCurrent('');
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog account-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="account-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id={`${id}-title`}>Your account</h2>
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-form-title`} data-testid="change-passphrase-form">
        <h3 id={`${id}-form-title`}>Change your passphrase</h3>
        <p className="hint">
          Only your own key slot changes: nothing in the vault is re-encrypted, and other members are not affected. Unlocking with the keychain, if on,
          is turned off.
        </p>
        <TextField
          label="Current passphrase"
          type="password"
          required
          autoComplete="current-password"
          testId="current-passphrase"
          value={current}
          onChange={setCurrent}
          hint={hintWith(undefined, currentError, 'current-passphrase')}
        />
        <NewPassphraseFields passphrase={next} confirm={confirm} onPassphrase={setNext} onConfirm={setConfirm} label="New passphrase" testId="new-passphrase" />
        <FormError message={error} />
        <div className="actions">
          <button type="button" data-testid="account-close" onClick={close}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy !== null} aria-busy={busy !== null} data-testid="change-passphrase-submit">
            {busy ? 'Changing…' : 'Change the passphrase'}
          </button>
        </div>
        {busy ? <p className="hint">Deriving the key takes a few seconds on purpose: it makes guessing slow.</p> : null}
      </form>
      <KeychainSection />
    </dialog>
  );
}
