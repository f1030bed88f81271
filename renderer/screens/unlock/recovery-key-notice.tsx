// The recovery key, shown once after a vault is created or access recovered, until the member confirms they have
// kept it: Copy, Save as a text file and Print (a print stylesheet shows only the key and its instructions).
import { useId, useRef, useState } from 'react';
import { useStatus } from '../../app/status.js';
import { saveText } from '../../components/blob-url.js';
import { ScreenHeading } from '../../components/screen-heading.js';
import { copiedMessage, copySecret } from './clipboard.js';
import './unlock.css';

export const RECOVERY_FILE_NAME = 'contact-sanitizer-recovery-key.txt';

const KEEP = 'Keep it offline (printed, or in a password manager), away from the vault file, and never send it by email: whoever has it can open the vault.';
const USE = 'To use it: on the unlock screen choose “Recover with the recovery key”, give your member name, this key and a new passphrase. The key then stops working and a new one is shown, once.';

/** The text file Save writes: the key and what it is for, nothing else. */
export function recoveryKeyText(recoveryKey: string, vaultPath?: string): string {
  return [
    'Contact Sanitizer: recovery key',
    '',
    ...(vaultPath ? [`Vault: ${vaultPath}`] : []),
    `Recovery key: ${recoveryKey}`,
    '',
    'This key opens the vault if every passphrase is lost.',
    KEEP,
    USE,
    '',
  ].join('\n');
}

export function RecoveryKeyNotice({ recoveryKey, vaultPath, onDone }: { recoveryKey: string; vaultPath?: string; onDone(): void }) {
  const status = useStatus();
  const [written, setWritten] = useState(false);
  const keyRef = useRef<HTMLElement>(null);
  const id = useId();

  const copy = async () => {
    const outcome = await copySecret(recoveryKey, keyRef.current);
    status.announce(
      outcome.copied
        ? copiedMessage('Recovery key', outcome, 'into your password manager')
        : 'Copying was refused here: the key is selected, so press Ctrl+C (⌘C on a Mac) to copy it.',
      outcome.copied ? 'success' : 'info',
    );
  };
  const save = () => {
    saveText(RECOVERY_FILE_NAME, recoveryKeyText(recoveryKey, vaultPath), 'text/plain');
    status.announce(`Recovery key saved as ${RECOVERY_FILE_NAME}. Move it off this computer (a USB key kept apart, or print it) and delete the copy here.`, 'success');
  };

  return (
    <section className="card recovery" aria-labelledby={`${id}-title`} data-testid="recovery-notice">
      <ScreenHeading>
        <span id={`${id}-title`}>Your recovery key</span>
      </ScreenHeading>
      <div className="recovery-sheet" data-testid="recovery-sheet">
        <p className="recovery-print-only">
          <strong>Contact Sanitizer: recovery key</strong>
          {vaultPath ? (
            <>
              <br />
              Vault: <span className="mono">{vaultPath}</span>
            </>
          ) : null}
        </p>
        <p className="callout warn no-print">
          <strong>
            <span aria-hidden="true">⚠ </span>Shown only now.
          </strong>{' '}
          It is the only way back into the vault if every passphrase is lost, and it will not be shown again.
        </p>
        <p className="recovery-key" data-testid="recovery-key">
          <code ref={keyRef}>{recoveryKey}</code>
        </p>
        <p>{KEEP}</p>
        <p className="hint">{USE}</p>
      </div>
      <div className="actions no-print" role="group" aria-label="Keep the recovery key">
        <button type="button" data-testid="recovery-copy" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" data-testid="recovery-save" onClick={save}>
          Save as a text file
        </button>
        <button type="button" data-testid="recovery-print" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <div className="check no-print">
        <input id={`${id}-written`} type="checkbox" checked={written} data-testid="recovery-confirm" onChange={(e) => setWritten(e.target.checked)} />
        <label htmlFor={`${id}-written`}>I have kept the recovery key somewhere safe</label>
      </div>
      <button type="button" className="primary no-print" disabled={!written} aria-describedby={written ? undefined : `${id}-why`} data-testid="recovery-continue" onClick={onDone}>
        Continue to the vault
      </button>
      {written ? null : (
        <p id={`${id}-why`} className="hint no-print" data-testid="recovery-continue-why">
          Tick “I have kept the recovery key somewhere safe” first.
        </p>
      )}
    </section>
  );
}
