// A Route that also tells the desktop what it should remember of a successful answer (electron/settings.ts): a vault
// opened (created, unlocked with a passphrase or the keychain, or recovered), so it can remember the path, member
// name and id for next time (never the passphrase) and check whether destruction is due; the keychain unlock turned
// on or off (or ended by a new passphrase); a keychain unlock refused (the remembered flag was stale); a member
// removed. The answer itself passes through unchanged.
import type { Channel, Result } from '../src/api/contract.js';
import type { Route } from '../src/api/router.js';

export const OPENING_CHANNELS: readonly Channel[] = ['vault.create', 'vault.unlock', 'vault.recover', 'vault.unlockKeychain'];

/** What the desktop remembers from (electron/settings.ts, applyVaultEvent). */
export type VaultEvent =
  | { type: 'opened'; path: string; name: string; memberId: string | null; keychain: boolean }
  | { type: 'keychain'; on: boolean }
  | { type: 'keychain-refused'; path: string; name: string }
  | { type: 'member-removed'; memberId: string };

/** The channels whose answer is the member's keychain status (offered, and on for them). */
const KEYCHAIN_STATUS: readonly string[] = ['vault.keychainStatus', 'vault.keychainEnable', 'vault.keychainDisable'];

/** What a request and its answer tell the desktop. The router accepted a successful request, so its fields are there. */
export function vaultEvents(channel: string, payload: unknown, result: Result<unknown>): VaultEvent[] {
  const request = (payload ?? {}) as Record<string, unknown>;
  if (!result.ok) {
    // Only a keychain that answered and could not open the slot makes the offer stale; one not available for now (a
    // Linux keyring not yet unlocked at login) may answer next time.
    const stale = channel === 'vault.unlockKeychain' && result.code === 'wrong-secret';
    return stale && typeof request.path === 'string' && typeof request.name === 'string' ? [{ type: 'keychain-refused', path: request.path, name: request.name }] : [];
  }
  if ((OPENING_CHANNELS as readonly string[]).includes(channel)) {
    const member = (result.value as { member?: { id?: unknown } } | null)?.member;
    const opened: VaultEvent = {
      type: 'opened',
      path: request.path as string,
      name: request.name as string,
      memberId: typeof member?.id === 'string' ? member.id : null,
      keychain: channel === 'vault.unlockKeychain',
    };
    // A recovered passphrase ends the member's keychain unlock (src/vault/vault.ts, recover).
    return channel === 'vault.recover' ? [opened, { type: 'keychain', on: false }] : [opened];
  }
  if (KEYCHAIN_STATUS.includes(channel)) {
    const status = result.value as { offered: boolean; enabled: boolean };
    return [{ type: 'keychain', on: status.offered && status.enabled }];
  }
  // A new passphrase ends the keychain unlock too (src/app/use-cases/members.ts, changePassphrase).
  if (channel === 'members.changePassphrase') return [{ type: 'keychain', on: false }];
  if (channel === 'members.remove' && typeof request.memberId === 'string') return [{ type: 'member-removed', memberId: request.memberId }];
  return [];
}

export function observeVault(route: Route, observe: (event: VaultEvent) => void): Route {
  return async (channel, payload, onProgress) => {
    const result = await route(channel, payload, onProgress);
    let events: VaultEvent[] = [];
    try {
      events = vaultEvents(channel, payload, result);
    } catch {
      events = [];
    }
    for (const event of events) {
      try {
        observe(event);
      } catch {
        /* remembering is a convenience: it never fails the answer */
      }
    }
    return result;
  };
}

/** Only the openings: the path and member name a vault was opened with. */
export function onVaultOpened(route: Route, opened: (path: string, name: string) => void): Route {
  return observeVault(route, (event) => {
    if (event.type === 'opened') opened(event.path, event.name);
  });
}
