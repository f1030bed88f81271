// Open a vault: unlock as a member, create a new vault (its recovery key is then shown once), or recover access
// with the recovery key and a new passphrase.
import { useState, type FormEvent } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { FormError, TextField } from '../components/fields.js';
import { NewPassphraseFields, newPassphraseProblem } from '../components/passphrase-fields.js';
import { ScreenHeading } from '../components/screen-heading.js';
import type { Member } from '../types.js';

export interface Unlocked {
  member: Member;
  name: string;
  path: string;
  /** Shown once after create or recover, then forgotten. */
  recoveryKey?: string;
}

type Mode = 'unlock' | 'create' | 'recover';

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'unlock', label: 'Unlock a vault' },
  { mode: 'create', label: 'Create a new vault' },
  { mode: 'recover', label: 'Recover with the recovery key' },
];

export function UnlockScreen({ initialPath, onUnlocked }: { initialPath: string; onUnlocked(u: Unlocked): void }) {
  const [mode, setMode] = useState<Mode>('unlock');
  const [path, setPath] = useState(initialPath);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();

  const switchTo = (next: Mode) => {
    setMode(next);
    setPassphrase('');
    setConfirm('');
    setRecoveryKey('');
    setError(null);
  };

  const needPathAndName = (): string | null => (!path.trim() ? 'Give the vault file’s path.' : !name.trim() ? 'Give your member name.' : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = needPathAndName() ?? (mode === 'unlock' ? (passphrase ? null : 'Type your passphrase.') : newPassphraseProblem(passphrase, confirm)) ?? (mode === 'recover' && !recoveryKey.trim() ? 'Type the recovery key.' : null);
    setError(problem);
    if (problem) return;
    const p = path.trim();
    const n = name.trim();
    if (mode === 'unlock') {
      const r = await run('unlock', () => call('vault.unlock', { path: p, name: n, passphrase }), 'Vault unlocked.');
      if (r) onUnlocked({ member: r.member, name: n, path: p });
    } else if (mode === 'create') {
      const r = await run('create', () => call('vault.create', { path: p, name: n, passphrase }), 'Vault created. Write down the recovery key now: it is shown only once.');
      if (r) onUnlocked({ member: r.member, name: n, path: p, recoveryKey: r.recoveryKey });
    } else {
      const r = await run('recover', () => call('vault.recover', { path: p, name: n, recoveryKey: recoveryKey.trim(), newPassphrase: passphrase }), 'Access recovered. The old recovery key no longer works: write down the new one.');
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
        {mode === 'create' ? (
          <p className="hint">
            The vault is one encrypted file. You become its first member, with every role (admin, data owner, importer).
          </p>
        ) : null}
        <TextField label="Vault file" required testId="vault-path" value={path} onChange={setPath} hint={mode === 'create' ? 'Where to create it, e.g. /home/you/contacts.vault' : 'The path of the .vault file'} />
        <TextField label="Member name" required testId="member-name" autoComplete="username" value={name} onChange={setName} />
        {mode === 'recover' ? (
          <TextField label="Recovery key" required testId="recovery-key-input" value={recoveryKey} onChange={setRecoveryKey} hint="The key shown when the vault was created, e.g. ABCDE-FGHIJ-…" />
        ) : null}
        {mode === 'unlock' ? (
          <TextField label="Passphrase" type="password" required testId="passphrase" autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
        ) : (
          <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} label={mode === 'recover' ? 'New passphrase' : 'Passphrase'} />
        )}
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy !== null} aria-busy={busy !== null} data-testid={`${mode}-button`}>
          {busy ? 'Working…' : submitLabel}
        </button>
        {busy && mode !== 'unlock' ? <p className="hint">Deriving the key takes a few seconds on purpose: it makes guessing slow.</p> : null}
      </form>
    </section>
  );
}

/** The recovery key, shown once, until the member confirms they have written it down. */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const [written, setWritten] = useState(false);
  return (
    <section className="card recovery" aria-labelledby="recovery-title">
      <ScreenHeading>
        <span id="recovery-title">Your recovery key</span>
      </ScreenHeading>
      <p>
        <strong>Write this key down and keep it somewhere safe, away from this computer.</strong> It is the only way back into the vault if every
        passphrase is lost. It will not be shown again.
      </p>
      <p className="recovery-key" data-testid="recovery-key">
        <code>{recoveryKey}</code>
      </p>
      <div className="check">
        <input id="recovery-written" type="checkbox" checked={written} data-testid="recovery-confirm" onChange={(e) => setWritten(e.target.checked)} />
        <label htmlFor="recovery-written">I have written it down</label>
      </div>
      <button type="button" className="primary" disabled={!written} data-testid="recovery-continue" onClick={onDone}>
        Continue to the vault
      </button>
    </section>
  );
}
