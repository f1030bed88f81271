// A Route that also tells the desktop when a vault was opened (created, unlocked or recovered), so it can remember
// the path and member name for next time (never the passphrase) and check whether destruction is due. The answer itself passes through unchanged.
import type { Channel } from '../src/api/contract.js';
import type { Route } from '../src/api/router.js';

export const OPENING_CHANNELS: readonly Channel[] = ['vault.create', 'vault.unlock', 'vault.recover'];

export function onVaultOpened(route: Route, opened: (path: string, name: string) => void): Route {
  return async (channel, payload, onProgress) => {
    const result = await route(channel, payload, onProgress);
    if (result.ok && (OPENING_CHANNELS as readonly string[]).includes(channel)) {
      // The router accepted the request, so its path and name are non-empty strings.
      const { path, name } = payload as { path: string; name: string };
      try {
        opened(path, name);
      } catch {
        /* remembering is a convenience: it never fails the unlock */
      }
    }
    return result;
  };
}
