// The vault file's path: typed, or chosen with Browse… in the native dialog when the desktop shell offers one (an
// open dialog for an existing vault, a save dialog for a new one).
import type { ReactNode } from 'react';
import { useStatus } from '../../app/status.js';
import { TextField } from '../../components/fields.js';
import { browse, canBrowse, VAULT_FILTERS } from './desktop.js';

/** A field's hint with its error, in words, after it: both reach the field through its aria-describedby. */
export function hintWith(hint: ReactNode, error: string | undefined, testId: string): ReactNode {
  if (!error) return hint;
  return (
    <>
      {hint}
      <span className="field-error" data-testid={`${testId}-error`}>
        <span aria-hidden="true">✗ </span>
        {error}
      </span>
    </>
  );
}

export function VaultPathField({ value, onChange, creating, error, disabled }: { value: string; onChange(path: string): void; creating: boolean; error?: string; disabled?: boolean }) {
  const status = useStatus();
  const choose = async () => {
    try {
      const path = creating
        ? await browse('save', { purpose: 'new-vault', filters: VAULT_FILTERS, defaultName: 'contacts.vault' })
        : await browse('open', { purpose: 'vault', filters: VAULT_FILTERS });
      if (path) onChange(path);
    } catch (err) {
      status.fail(err);
    }
  };
  const hint = creating ? 'Where to create it, e.g. /home/you/contacts.vault' : 'The path of the .vault file';
  return (
    <div className="path-field">
      <TextField label="Vault file" required testId="vault-path" value={value} onChange={onChange} hint={hintWith(hint, error, 'vault-path')} />
      {canBrowse() ? (
        <button type="button" className="browse" data-testid="vault-browse" disabled={disabled} aria-label={creating ? 'Browse for where to create the vault' : 'Browse for the vault file'} onClick={() => void choose()}>
          Browse…
        </button>
      ) : null}
    </div>
  );
}
