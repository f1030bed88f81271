// contacts.show finds a person the way a request does (src/app/use-cases/person.ts, findPerson): by id, or by an email
// or profile URL as a person types it (case, scheme, www and a trailing slash do not matter); nobody matching is
// `not-found`. The erasure screen names whom it will erase through it, so it cannot disagree with the erasure.
import { describe, expect, it } from 'vitest';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { routedClients } from '../support/router-vault.js';

const tmp = scratch();
const clients = routedClients();

describe('contacts.show', () => {
  it('finds one contact by id, by email or by profile URL as typed, and says when nobody matches', async () => {
    const c = await clients.vault(tmp);
    await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    const ada = (await allContacts(c.call)).find((p) => p.lastName === 'Lovelace')!;
    expect((await c.call('contacts.show', { contactId: ada.id })).id).toBe(ada.id);
    expect((await c.call('contacts.show', { email: ' ADA@Analytical-Engines.example ' })).id).toBe(ada.id);
    expect((await c.call('contacts.show', { profileUrl: 'http://linkedin.com/in/Ada-Lovelace-1815/' })).id).toBe(ada.id);
    expect(await c.route('contacts.show', { email: 'nobody@example.com' })).toMatchObject({ ok: false, code: 'not-found' });
  });
});
