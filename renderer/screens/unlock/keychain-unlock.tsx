// "Unlock with the keychain" on the unlock screen: offered only when the desktop remembers that the member named (of
// the vault named) turned on the keychain unlock on this computer (electron/settings.ts). No passphrase: the OS
// keychain of this computer's account opens the member's keychain slot. A refusal is shown by the form, and the
// desktop forgets the stale offer, so the button goes.
import { useCallback, useEffect, useState } from 'react';
import { call, errorMessage } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import type { Member } from '../../types.js';
import { lastSession, sameMemberName } from './desktop.js';

export function KeychainUnlock({
  path,
  name,
  disabled,
  onUnlocked,
  onError,
}: {
  path: string;
  name: string;
  disabled: boolean;
  onUnlocked(u: { member: Member; name: string; path: string }): void;
  onError(message: string | null): void;
}) {
  const [offer, setOffer] = useState<{ path: string; name: string } | null>(null);
  const { busy, run } = useAction();

  const check = useCallback(async () => {
    const last = await lastSession();
    setOffer(last.keychain && last.path && last.name ? { path: last.path, name: last.name } : null);
  }, []);
  useEffect(() => {
    void check();
  }, [check]);

  if (!offer || offer.path !== path.trim() || !sameMemberName(offer.name, name)) return null;

  const unlock = async () => {
    onError(null);
    const p = path.trim();
    const n = name.trim();
    const r = await run(
      'keychain',
      async () => {
        try {
          return await call('vault.unlockKeychain', { path: p, name: n });
        } catch (err) {
          onError(errorMessage(err));
          void check();
          throw err;
        }
      },
      'Vault unlocked with this computer’s keychain.',
    );
    if (r) onUnlocked({ member: r.member, name: n, path: p });
  };

  return (
    <div className="keychain-unlock">
      <button type="button" data-testid="keychain-unlock" disabled={disabled || busy !== null} aria-busy={busy !== null} onClick={() => void unlock()}>
        <span aria-hidden="true">🔑 </span>
        {busy ? 'Unlocking…' : 'Unlock with the keychain'}
      </button>
      <p className="hint">You turned this on for {offer.name} on this computer: no passphrase needed.</p>
    </div>
  );
}
