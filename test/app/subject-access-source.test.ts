// Sources told truthfully (Art. 14(2)(f), Art. 15(1)(g)): a person from the address book the controller uploaded to
// LinkedIn (ImportedContacts.csv in the data archive) is told so in their subject access file, not that they were a
// LinkedIn connection; a connection is told that.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel, Request, Response } from '../../src/api/contract.js';
import { createRouter } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';

const tmp = scratch();

describe('subject access names the source of each person', () => {
  it('the uploaded address book for its people, the connections export for connections', async () => {
    const route = createRouter(new AppService({ kdf: TEST_KDF }));
    const call = async <C extends Channel>(channel: C, request: Request<C>) => {
      const result = await route(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.message}`);
      return result.value as Response<C>;
    };
    await call('vault.create', { path: join(tmp.dir, 'sources.vault'), name: 'Ada', passphrase: PASSPHRASE });
    const archive = fixture('Basic_LinkedInDataExport_11-29-2026.zip');
    await call('import.commit', { path: archive, choices: {} });
    const connections = new Set((await allContacts(call)).map((c) => c.id));
    await call('import.commit', { path: archive, choices: { entry: 'ImportedContacts.csv' } });
    const all = await allContacts(call);
    const uploaded = all.find((c) => !connections.has(c.id))!;
    const connected = all.find((c) => connections.has(c.id))!;
    expect(uploaded).toBeDefined();
    const fromBook = JSON.parse((await call('contacts.access', { contactId: uploaded.id })).json) as { source: { description: string } };
    expect(fromBook.source.description).toMatch(/address book the controller uploaded to LinkedIn/);
    const fromConnections = JSON.parse((await call('contacts.access', { contactId: connected.id })).json) as { source: { description: string } };
    expect(fromConnections.source.description).toBe('LinkedIn connections export');
  });
});
