// A vault whose contacts are already due by the real clock, made the only honest way: the vault is created and filled
// in this process through the router with an injected clock set in the past (only tests inject a clock), so that
// their quarantine ran out long ago. The CLI then runs on it with the real time.
import { createRouter } from '../../src/api/router.js';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { AppService } from '../../src/app/app-service.js';
import { fixture } from './fixtures.js';
import { PASSPHRASE, TEST_KDF } from './vault.js';

const DAY = 86_400_000;

/** Create `path` as member `name` (all roles) `daysAgo` days ago, import `file`, and return a destruction token. */
export async function vaultFilledInThePast(path: string, options: { name: string; daysAgo?: number; file?: string }): Promise<{ token: string; tokenId: string }> {
  const then = new Date(new Date().getTime() - (options.daysAgo ?? 60) * DAY);
  const service = new AppService({ kdf: TEST_KDF, now: () => then });
  const route = createRouter(service);
  const call = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await route(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.message}`);
    return result.value as Response<C>;
  };
  try {
    await call('vault.create', { path, name: options.name, passphrase: PASSPHRASE });
    await call('import.commit', { path: options.file ?? fixture('connections-tricky.csv'), choices: {} });
    const { id, token } = await call('tokens.create', {});
    return { token, tokenId: id };
  } finally {
    service.close();
  }
}
