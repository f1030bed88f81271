// A Route that also tells the desktop when a vault was opened (created, unlocked or recovered), so it can remember
// the path for next time and check whether destruction is due. The answer itself passes through unchanged.
import type { Channel } from '../src/api/contract.js';
import type { Route } from '../src/api/router.js';

export const OPENING_CHANNELS: readonly Channel[] = ['vault.create', 'vault.unlock', 'vault.recover'];

export function onVaultOpened(route: Route, opened: (path: string) => void): Route {
  return async (channel, payload, onProgress) => {
    const result = await route(channel, payload, onProgress);
    if (result.ok && (OPENING_CHANNELS as readonly string[]).includes(channel)) {
      // The router accepted the request, so its path is a non-empty string.
      const path = (payload as { path: string }).path;
      try {
        opened(path);
      } catch {
        /* remembering is a convenience: it never fails the unlock */
      }
    }
    return result;
  };
}
