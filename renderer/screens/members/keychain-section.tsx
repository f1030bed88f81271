// The Account dialog's "Unlock with this computer's keychain": whether it is offered here (and why not, in words),
// on or off. Turning it on takes the passphrase again; turning it off takes nothing. The trade-off is said where it
// is chosen: anyone signed in to this computer's account can then unlock the vault as this member.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Response } from '../../../src/api/contract.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { TextField } from '../../components/fields.js';
import { hintWith } from '../unlock/path-field.js';

type KeychainStatus = Response<'vault.keychainStatus'>;

export function KeychainSection() {
  const id = useId();
  const [status, setStatus] = useState<KeychainStatus | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    let live = true;
    call('vault.keychainStatus', {})
      .then((s) => live && setStatus(s))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  const enable = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!passphrase) {
      setFieldError('Type your passphrase to turn this on.');
      document.querySelector<HTMLElement>('[data-testid="keychain-passphrase"]')?.focus();
      return;
    }
    setFieldError(undefined);
    const next = await run(
      'enable',
      async () => {
        try {
          return await call('vault.keychainEnable', { passphrase });
        } catch (err) {
          if (err instanceof ApiError && err.code === 'wrong-secret') setFieldError(err.message);
          else setError(errorMessage(err));
          throw err;
        }
      },
      'Unlocking with this computer’s keychain is on.',
    );
    setPassphrase('');
    if (next) setStatus(next);
  };

  const disable = async () => {
    setError(null);
    const next = await run('disable', () => call('vault.keychainDisable', {}), 'Unlocking with the keychain is off: unlock with your passphrase.');
    if (next) setStatus(next);
  };

  return (
    <section className="keychain-section" aria-labelledby={`${id}-title`} data-testid="keychain-section">
      <h3 id={`${id}-title`}>Unlock with this computer’s keychain</h3>
      <p className="hint">
        When it is on, the vault key is kept in this computer’s keychain, and you can unlock without typing your passphrase. Anyone signed in to this
        computer’s account can then unlock the vault as you, even after the app locks itself when left idle. Your passphrase always works too; changing it turns
        this off, so that someone who learnt the old one cannot keep a way in.
      </p>
      {status === null ? (
        error ? null : <p className="hint">Checking the keychain…</p>
      ) : !status.offered ? (
        <p data-testid="keychain-state">
          <strong>Not offered on this computer.</strong> {status.reason}
          {status.elsewhere ? ' It is on at another computer; you can turn it off there or here.' : null}
        </p>
      ) : status.enabled ? (
        <p data-testid="keychain-state">
          <strong>On.</strong> You can unlock with this computer’s keychain.
        </p>
      ) : status.elsewhere ? (
        <p data-testid="keychain-state">
          <strong>On at another computer, not this one.</strong> Turning it on here ends it there (it works on one computer at a time); type your
          passphrase to do so.
        </p>
      ) : (
        <p data-testid="keychain-state">
          <strong>Off.</strong> Type your passphrase to turn it on.
        </p>
      )}
      {status?.offered && !status.enabled ? (
        <form className="form" onSubmit={enable} noValidate aria-labelledby={`${id}-title`} data-testid="keychain-enable-form">
          <TextField
            label="Your passphrase"
            type="password"
            required
            autoComplete="current-password"
            testId="keychain-passphrase"
            value={passphrase}
            onChange={setPassphrase}
            hint={hintWith(undefined, fieldError, 'keychain-passphrase')}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy !== null} aria-busy={busy === 'enable'} data-testid="keychain-enable">
              {busy === 'enable' ? 'Turning on…' : 'Turn on'}
            </button>
          </div>
        </form>
      ) : null}
      {status?.enabled || status?.elsewhere ? (
        <div className="actions">
          <button type="button" disabled={busy !== null} aria-busy={busy === 'disable'} data-testid="keychain-disable" onClick={() => void disable()}>
            {busy === 'disable' ? 'Turning off…' : status.enabled ? 'Turn off' : 'Turn off at the other computer'}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="keychain-error">
          <span aria-hidden="true">✗ </span>
          {error}
        </p>
      ) : null}
    </section>
  );
}
