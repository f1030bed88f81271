// A contact names its source import as a person recognises it (contacts.show and contacts.list, for every front end):
// the day of the import, its number among the vault's imports and its kind of file. The file's name is never kept,
// so never shown; the id stays in `source` for whoever needs it.
import { describe, expect, it } from 'vitest';
import { allContacts } from '../support/contacts.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
import { routedClients } from '../support/router-vault.js';

const tmp = scratch();
const clients = routedClients();
const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';

describe('the source import of a contact', () => {
  it('is the import that last wrote the record: its day, its number and its kind', async () => {
    let now = new Date('2026-11-02T10:00:00Z');
    const c = await clients.vault(tmp, () => now);
    const first = await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    now = new Date('2026-11-29T10:00:00Z');
    const second = await c.call('import.commit', { path: tmp.write([HEADER, ADA, ''].join('\n'), 'ada.csv'), choices: { onDuplicate: 'update' } });
    const people = await allContacts(c.call);
    const ada = people.find((p) => p.lastName === 'Lovelace')!;
    const grace = people.find((p) => p.lastName === 'Hopper')!;
    expect(ada.sourceImport).toEqual({ importedAt: '2026-11-29T10:00:00.000Z', number: 2, kind: 'linkedin-connections' });
    expect(ada.source).toEqual({ importId: second.importId, line: 2 });
    expect(grace.sourceImport).toEqual({ importedAt: '2026-11-02T10:00:00.000Z', number: 1, kind: 'linkedin-connections' });
    expect(grace.source.importId).toBe(first.importId);
    // The detail reads the same.
    expect((await c.call('contacts.show', { contactId: ada.id })).sourceImport).toEqual(ada.sourceImport);
  });

  it('names the address book a member uploaded (ImportedContacts.csv) as its kind', async () => {
    const c = await clients.vault(tmp);
    await c.call('import.commit', { path: fixture('Basic_LinkedInDataExport_11-29-2026.zip'), choices: { entry: 'ImportedContacts.csv' } });
    const [someone] = await allContacts(c.call);
    expect(someone?.sourceImport).toMatchObject({ number: 1, kind: 'linkedin-imported-contacts' });
  });
});
