// Clients of the app through the router every front end calls (in process, as the CLI does), for the tests under
// test/app: `call` throws a refusal as "channel: code: message", `refusal` returns one, and `vault` creates a vault
// unlocked by one member holding every role. Each test file used to build these itself; every service made here is
// closed after its test. `withPeople` imports a file into such a vault and finds its people by first name.
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { createRouter, type Route } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import type { ErrorCode } from '../../src/shared/errors.js';
import { allContacts } from './contacts.js';
import { PASSPHRASE, TEST_KDF } from './vault.js';

export interface RoutedClient {
  service: AppService;
  route: Route;
  /** The channel's response; a refusal is thrown as "channel: code: message". */
  call: <C extends Channel>(channel: C, request: Request<C>) => Promise<Response<C>>;
  /** The refusal's code and sentence; throws if the channel was not refused. */
  refusal: <C extends Channel>(channel: C, request: Request<C>) => Promise<{ code: ErrorCode; message: string }>;
}

/** Call at a test file's top level: the clients it makes are closed after each test. */
export function routedClients() {
  const open: AppService[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });

  /** A client of a new service on `now` (the real clock if omitted), with no vault open. */
  function client(now?: () => Date): RoutedClient {
    const service = new AppService(now ? { kdf: TEST_KDF, now } : { kdf: TEST_KDF });
    open.push(service);
    const route = createRouter(service);
    const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
      const result = await route(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.code}: ${result.message}`);
      return result.value as Response<C>;
    };
    const refusal = async <C extends Channel>(channel: C, request: Request<C>) => {
      const result = await route(channel, request);
      if (result.ok) throw new Error(`${channel} was not refused`);
      return { code: result.code, message: result.message };
    };
    return { service, route, call, refusal };
  }

  /** A client whose new vault, at a fresh path in `tmp`, is unlocked by 'Root Admin' holding every role. */
  async function vault(tmp: { path(name: string): string }, now?: () => Date): Promise<RoutedClient & { path: string }> {
    const c = client(now);
    const path = tmp.path(`v-${randomUUID()}.vault`);
    await c.call('vault.create', { path, name: 'Root Admin', passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
    return { ...c, path };
  }

  return { client, vault };
}

/** `c` once `file` is imported into its vault, with `id(first)`: the contact id of the person of that first name. */
export async function withPeople<T extends RoutedClient>(c: T, file: string): Promise<T & { id: (first: string) => string }> {
  await c.call('import.commit', { path: file, choices: {} });
  const contacts = await allContacts(c.call);
  return { ...c, id: (first: string) => contacts.find((x) => x.firstName === first)!.id };
}
