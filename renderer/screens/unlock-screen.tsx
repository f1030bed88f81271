// Open a vault: a welcome on the first launch (create a new vault or open an existing one), then unlock as a member
// (the last vault and member name pre-filled), create a new vault (its recovery key is then shown once), or recover
// access with the recovery key and a new passphrase.
import { useState, type FormEvent } from 'react';
import { call, errorMessage } from '../api.js';
import { useAction } from '../app/use-action.js';
import { FormError, TextField } from '../components/fields.js';
import { NewPassphraseFields, newPassphraseProblem } from '../components/passphrase-fields.js';
import { ScreenHeading } from '../components/screen-heading.js';
import type { Member } from '../types.js';
import { KeychainUnlock } from './unlock/keychain-unlock.js';
import { hintWith, VaultPathField } from './unlock/path-field.js';
import { Welcome } from './unlock/welcome.js';
import './unlock/unlock.css';

export { RecoveryKeyNotice } from './unlock/recovery-key-notice.js';

export interface Unlocked {
  member: Member;
  name: string;
  path: string;
  /** Shown once after create or recover, then forgotten. */
  recoveryKey?: string;
}

type Mode = 'unlock' | 'create' | 'recover';
type Field = 'path' | 'name' | 'passphrase' | 'recoveryKey';

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'unlock', label: 'Unlock a vault' },
  { mode: 'create', label: 'Create a new vault' },
  { mode: 'recover', label: 'Recover with the recovery key' },
];

const FIELD_TEST_IDS: Record<Field, string> = { path: 'vault-path', name: 'member-name', passphrase: 'passphrase', recoveryKey: 'recovery-key-input' };

export function UnlockScreen({ initialPath, initialName = '', onUnlocked }: { initialPath: string; initialName?: string; onUnlocked(u: Unlocked): void }) {
  // No vault known on this computer: the welcome first.
  const [mode, setMode] = useState<Mode | 'welcome'>(initialPath ? 'unlock' : 'welcome');
  const [path, setPath] = useState(initialPath);
  const [name, setName] = useState(initialPath ? initialName : '');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();

  const switchTo = (next: Mode) => {
    setMode(next);
    setPassphrase('');
    setConfirm('');
    setRecoveryKey('');
    setErrors({});
    setError(null);
  };

  if (mode === 'welcome') return <Welcome onCreate={() => switchTo('create')} onOpen={() => switchTo('unlock')} onRecover={() => switchTo('recover')} />;

  const check = (): { fields: Partial<Record<Field, string>>; form: string | null } => {
    const fields: Partial<Record<Field, string>> = {};
    if (!path.trim()) fields.path = 'Give the vault file’s path.';
    if (!name.trim()) fields.name = 'Give your member name.';
    if (mode === 'recover' && !recoveryKey.trim()) fields.recoveryKey = 'Type the recovery key.';
    if (mode === 'unlock' && !passphrase) fields.passphrase = 'Type your passphrase.';
    return { fields, form: mode === 'unlock' ? null : newPassphraseProblem(passphrase, confirm) };
  };

  // The core's refusal (wrong passphrase, no such vault, …) is shown by the form as well as in the status bar.
  const attempt = <T,>(work: () => Promise<T>) => async () => {
    try {
      return await work();
    } catch (err) {
      setError(errorMessage(err));
      throw err;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = check();
    setErrors(problems.fields);
    setError(problems.form);
    const first = (Object.keys(FIELD_TEST_IDS) as Field[]).find((f) => problems.fields[f]);
    if (first) document.querySelector<HTMLElement>(`[data-testid="${FIELD_TEST_IDS[first]}"]`)?.focus();
    if (first || problems.form) return;
    const p = path.trim();
    const n = name.trim();
    if (mode === 'unlock') {
      const r = await run('unlock', attempt(() => call('vault.unlock', { path: p, name: n, passphrase })), 'Vault unlocked.');
      if (r) onUnlocked({ member: r.member, name: n, path: p });
    } else if (mode === 'create') {
      const r = await run('create', attempt(() => call('vault.create', { path: p, name: n, passphrase })), 'Vault created. Keep the recovery key now: it is shown only once.');
      if (r) onUnlocked({ member: r.member, name: n, path: p, recoveryKey: r.recoveryKey });
    } else {
      const r = await run(
        'recover',
        attempt(() => call('vault.recover', { path: p, name: n, recoveryKey: recoveryKey.trim(), newPassphrase: passphrase })),
        'Access recovered with your new passphrase. The old recovery key no longer works: keep the new one.',
      );
      if (r) onUnlocked({ member: r.member, name: n, path: p, recoveryKey: r.recoveryKey });
    }
    setPassphrase('');
    setConfirm('');
  };

  const formTestId = mode === 'unlock' ? 'unlock-form' : mode === 'create' ? 'create-vault' : 'recover-form';
  const submitLabel = mode === 'unlock' ? 'Unlock' : mode === 'create' ? 'Create the vault' : 'Recover access';
  return (
    <section className="unlock" aria-labelledby="unlock-title">
      <ScreenHeading>
        <span id="unlock-title">Open your contacts vault</span>
      </ScreenHeading>
      <div className="segmented" role="group" aria-label="What to do">
        {MODES.map((m) => (
          <button key={m.mode} type="button" aria-pressed={mode === m.mode} data-testid={`mode-${m.mode}`} onClick={() => switchTo(m.mode)}>
            {m.label}
          </button>
        ))}
      </div>
      <form className="card form" data-testid={formTestId} onSubmit={submit} noValidate aria-labelledby="unlock-form-title">
        <h3 id="unlock-form-title">{MODES.find((m) => m.mode === mode)!.label}</h3>
        {mode === 'create' ? <p className="hint">The vault is one encrypted file. You become its first member, with every role (admin, data owner, importer).</p> : null}
        {mode === 'recover' ? (
          <p className="hint">
            For when your passphrase is lost. The recovery key sets a new passphrase for your member; it then stops working and a new key is shown, once.
          </p>
        ) : null}
        <VaultPathField value={path} onChange={setPath} creating={mode === 'create'} error={errors.path} disabled={busy !== null} />
        <TextField label="Member name" required testId="member-name" autoComplete="username" value={name} onChange={setName} hint={hintWith(undefined, errors.name, 'member-name')} />
        {mode === 'recover' ? (
          <TextField
            label="Recovery key"
            required
            testId="recovery-key-input"
            value={recoveryKey}
            onChange={setRecoveryKey}
            hint={hintWith('The key shown when the vault was created or last recovered, e.g. ABCDE-FGHIJ-…', errors.recoveryKey, 'recovery-key-input')}
          />
        ) : null}
        {mode === 'unlock' ? (
          <TextField
            label="Passphrase"
            type="password"
            required
            testId="passphrase"
            autoComplete="current-password"
            value={passphrase}
            onChange={setPassphrase}
            hint={hintWith(undefined, errors.passphrase, 'passphrase')}
          />
        ) : (
          <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} label={mode === 'recover' ? 'New passphrase' : 'Passphrase'} />
        )}
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy !== null} aria-busy={busy !== null} data-testid={`${mode}-button`}>
          {busy ? 'Working…' : submitLabel}
        </button>
        {busy ? <p className="hint">Deriving the key takes a few seconds on purpose: it makes guessing slow.</p> : null}
        {mode === 'unlock' ? <KeychainUnlock path={path} name={name} disabled={busy !== null} onUnlocked={onUnlocked} onError={setError} /> : null}
        {mode === 'unlock' ? (
          <p className="hint unlock-more">
            Forgot your passphrase?{' '}
            <button type="button" className="link-button" data-testid="forgot-passphrase" onClick={() => switchTo('recover')}>
              Recover access with the recovery key
            </button>
          </p>
        ) : null}
      </form>
    </section>
  );
}
