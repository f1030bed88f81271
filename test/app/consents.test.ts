// Consent per person (issue 10, point 1), through the router every front end calls. Art. 7(1): the controller can
// show who consented, to what, when and how, and one person's consent covers that person only. Art. 7(3): withdrawal
// is effective at once and suppresses that purpose; a suppressed person gets no new consent until an admin lifts the
// entry. A record carried over from a group record counts only once a data owner confirms it.
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/api/contract.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { fixture, scratch } from '../support/fixtures.js';
import { routedClients, withPeople } from '../support/router-vault.js';
import { newVault, PASSPHRASE } from '../support/vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const NOW = new Date('2027-03-01T10:00:00Z');
const clients = routedClients();

const ADA = { email: 'ada@analytical-engines.example', profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815' };
const ALAN_PROFILE = 'https://uk.linkedin.com/in/alan-turing-1912/'; // written another way: matched canonically
const CONSENT = {
  purpose: 'email-marketing',
  channels: ['email'],
  obtainedAt: '2027-02-10',
  method: 'form',
  wording: 'Yes, send me the Analytical Engines newsletter by email.',
  wordingVersion: 'newsletter-v3',
  proof: 'form submission 4471',
} as const satisfies Request<'consent.add'>['consent'];

/** A client of a service on the injected clock: `call` throws the refusal, `refusal` returns it. */
const client = () => clients.client(() => NOW);

/** A new vault holding the people of connections-tricky.csv, unlocked by a member with every role. */
const vault = async () => withPeople(await clients.vault(tmp, () => NOW), fixture('connections-tricky.csv'));

describe('consent.add: one person, one record (Art. 7(1))', () => {
  it('Art. 7(1): records a consent for the person named by email, by profile URL or by contact id, and lists it for them only', async () => {
    const c = await vault();
    const ada = await c.call('consent.add', { person: { email: 'ADA@Analytical-Engines.example' }, consent: CONSENT });
    const alan = await c.call('consent.add', { person: { profileUrl: ALAN_PROFILE }, consent: { ...CONSENT, purpose: 'events', channels: ['email', 'post'] } });
    const grace = await c.call('consent.add', { person: { contactId: c.id('Grace') }, consent: { ...CONSENT, method: 'call' } });

    const adas = await c.call('consent.list', { contactId: c.id('Ada') });
    expect(adas).toEqual([
      {
        id: ada.consentId,
        contactId: c.id('Ada'),
        ...CONSENT,
        channels: ['email'],
        withdrawnAt: null,
        withdrawalMethod: null,
        explicit: false,
        carriedOver: false,
        confirmed: true,
        live: true,
      },
    ]);
    expect(await c.call('consent.list', { contactId: c.id('Alan') })).toMatchObject([{ id: alan.consentId, purpose: 'events', channels: ['email', 'post'] }]);
    expect(await c.call('consent.list', { contactId: c.id('Grace') })).toMatchObject([{ id: grace.consentId, method: 'call' }]);
    expect(await c.call('consent.list', { contactId: c.id('Katherine') })).toEqual([]); // nobody else is covered
    expect((await c.call('consent.list', {})).map((r) => r.id).sort()).toEqual([ada.consentId, alan.consentId, grace.consentId].sort());
  });

  it('Art. 9(2)(a): records whether a consent is explicit, lists it, and audits the flag only', async () => {
    const c = await vault();
    const { consentId } = await c.call('consent.add', { person: { contactId: c.id('Ada') }, consent: { ...CONSENT, explicit: true } });
    await c.call('consent.add', { person: { contactId: c.id('Grace') }, consent: CONSENT });
    expect(await c.call('consent.list', { contactId: c.id('Ada') })).toMatchObject([{ id: consentId, explicit: true }]);
    expect(await c.call('consent.list', { contactId: c.id('Grace') })).toMatchObject([{ explicit: false }]);
    const entries = (await auditLog(c)).filter((e) => e.action === 'consent-add');
    expect(entries.map((e) => e.details.explicit)).toEqual([true, false]);
  });

  it("Art. 7(1): a group's list shows its current members' records only", async () => {
    const c = await vault();
    const group = await c.call('groups.add', { label: 'Analytical Engines', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
    await c.call('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    await c.call('consent.add', { person: { contactId: c.id('Grace') }, consent: CONSENT });
    expect((await c.call('consent.list', { groupId: group.id })).map((r) => r.contactId)).toEqual([c.id('Ada')]);
    expect(await c.call('consent.list', { groupId: group.id, contactId: c.id('Grace') })).toEqual([]);
    expect(await c.refusal('consent.list', { groupId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'not-found' });
  });

  it('refuses a person not in the vault, a consent dated after today, and the same consent twice, each with one sentence', async () => {
    const c = await vault();
    expect(await c.refusal('consent.add', { person: { email: 'nobody@elsewhere.example' }, consent: CONSENT })).toMatchObject({ code: 'not-found' });
    const future = await c.refusal('consent.add', { person: { email: ADA.email }, consent: { ...CONSENT, obtainedAt: '2027-03-02' } });
    expect(future).toMatchObject({ code: 'invalid', message: expect.stringMatching(/after today/) });
    // Today itself is fine (not firing).
    await c.call('consent.add', { person: { email: ADA.email }, consent: { ...CONSENT, obtainedAt: '2027-03-01' } });
    await c.call('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    expect(await c.refusal('consent.add', { person: { profileUrl: ADA.profileUrl }, consent: CONSENT })).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already recorded/) });
    expect(await c.call('consent.list', { contactId: c.id('Ada') })).toHaveLength(2);
  });

  it('Art. 21, Art. 7(3): a person who objected gets no consent recorded until an admin lifts the suppression, and the sentence says so', async () => {
    const c = await vault();
    const { suppressionId } = await c.call('suppression.add', { email: ADA.email });
    const refused = await c.refusal('consent.add', { person: { profileUrl: ADA.profileUrl }, consent: CONSENT });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/suppression list/);
    expect(refused.message).toMatch(/admin lifts the suppression/);
    expect(await c.call('consent.list', {})).toEqual([]);
    // Someone else is not affected (not firing).
    await c.call('consent.add', { person: { contactId: c.id('Grace') }, consent: CONSENT });

    await c.call('suppression.lift', { suppressionId, reason: 'She subscribed again on our website on 10 February 2027.' });
    await c.call('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    expect(await c.call('consent.list', { contactId: c.id('Ada') })).toMatchObject([{ live: true }]);
  });
});

describe('consent.withdraw (Art. 7(3))', () => {
  it('Art. 7(3): withdrawal marks the record not live and suppresses that purpose for the person at once', async () => {
    const c = await vault();
    const { consentId } = await c.call('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    const events = await c.call('consent.add', { person: { email: ADA.email }, consent: { ...CONSENT, purpose: 'events' } });
    const { suppressionId } = await c.call('consent.withdraw', { consentId, method: 'unsubscribe-link' });

    const records = await c.call('consent.list', { contactId: c.id('Ada') });
    expect(records.find((r) => r.id === consentId)).toMatchObject({ withdrawnAt: '2027-03-01', withdrawalMethod: 'unsubscribe-link', live: false });
    expect(records.find((r) => r.id === events.consentId)).toMatchObject({ withdrawnAt: null, live: true }); // another purpose stays
    const entry = (await c.call('suppression.list', {})).find((s) => s.id === suppressionId);
    expect(entry).toMatchObject({ reason: 'consent-withdrawn', purpose: 'email-marketing', liftedAt: null, byEmail: true, byProfileUrl: true });

    // A new consent for that purpose is refused until the entry is lifted; another purpose is not (not firing).
    const again = await c.refusal('consent.add', { person: { email: ADA.email }, consent: { ...CONSENT, obtainedAt: '2027-02-28' } });
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringMatching(/withdrew their consent for email-marketing.*admin lifts/) });
    await c.call('consent.add', { person: { email: ADA.email }, consent: { ...CONSENT, purpose: 'networking' } });
  });

  it('Art. 7(3): refuses an unknown record, a second withdrawal, and a day before the consent or after today', async () => {
    const c = await vault();
    const { consentId } = await c.call('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    expect(await c.refusal('consent.withdraw', { consentId: '00000000-0000-4000-8000-000000000000', method: 'reply' })).toMatchObject({ code: 'not-found' });
    expect(await c.refusal('consent.withdraw', { consentId, method: 'reply', withdrawnAt: '2027-02-09' })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/before the consent was obtained/) });
    expect(await c.refusal('consent.withdraw', { consentId, method: 'reply', withdrawnAt: '2027-03-02' })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/after today/) });
    expect(await c.call('consent.list', { contactId: c.id('Ada') })).toMatchObject([{ live: true }]); // nothing changed
    expect(await c.call('suppression.list', {})).toEqual([]);
    await c.call('consent.withdraw', { consentId, method: 'reply', withdrawnAt: '2027-02-10' });
    expect(await c.refusal('consent.withdraw', { consentId, method: 'reply' })).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already withdrawn on 2027-02-10/) });
  });
});

describe('consent.confirm: records carried over from a group record', () => {
  /** A vault whose Ada and Grace each hold a record carried over from a group record (as the schema-6 carry-over writes). */
  async function withCarriedOver() {
    const { path, vault: v, session } = await newVault(tmp.dir, { now: () => NOW, name: 'Olu Owner' });
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const ids: string[] = [];
    for (const row of [...session.contacts.all()]) {
      const first = session.contacts.open(row).firstName;
      if (first !== 'Ada' && first !== 'Grace') continue;
      const id = crypto.randomUUID();
      session.consents.insert({ id, contactId: row.id, ...CONSENT, channels: ['email'], carriedOver: true, createdAt: NOW.toISOString(), createdBy: null });
      ids.push(id);
    }
    session.lock();
    v.close();
    const c = client();
    await c.call('vault.unlock', { path, name: 'Olu Owner', passphrase: PASSPHRASE });
    return { ...c, ids };
  }

  it('a carried-over record is not live until a data owner confirms it by id; confirming again changes nothing', async () => {
    const c = await withCarriedOver();
    expect(await c.call('consent.list', {})).toMatchObject([
      { carriedOver: true, confirmed: false, live: false },
      { carriedOver: true, confirmed: false, live: false },
    ]);
    expect(await c.call('consent.confirm', { consentIds: [c.ids[0]!] })).toEqual({ confirmed: 1 });
    const after = await c.call('consent.list', {});
    expect(after.find((r) => r.id === c.ids[0])).toMatchObject({ carriedOver: true, confirmed: true, live: true });
    expect(after.find((r) => r.id === c.ids[1])).toMatchObject({ confirmed: false, live: false });
    expect(await c.call('consent.confirm', { consentIds: [c.ids[0]!] })).toEqual({ confirmed: 0 });
    expect(await c.refusal('consent.confirm', { consentIds: [c.ids[1]!, '00000000-0000-4000-8000-000000000000'] })).toMatchObject({ code: 'not-found' });
    expect((await c.call('consent.list', {})).find((r) => r.id === c.ids[1])).toMatchObject({ live: false }); // refused as a whole
  });

  it("confirming a group confirms its current members' carried-over records only; an unknown group is refused", async () => {
    const c = await withCarriedOver();
    const group = await c.call('groups.add', { label: 'Analytical Engines', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
    expect(await c.refusal('consent.confirm', { groupId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'not-found' });
    expect(await c.call('consent.confirm', { groupId: group.id })).toEqual({ confirmed: 1 });
    const records = await c.call('consent.list', {});
    expect(records.filter((r) => r.live)).toHaveLength(1);
    expect(await c.call('consent.list', { groupId: group.id })).toMatchObject([{ live: true }]);
  });
});

describe('the audit log of consent', () => {
  it('Art. 5(2): every consent use case is audited with ids, counts and the purpose, never the wording, its version or the proof', async () => {
    const c = await vault();
    const { consentId } = await c.call('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    await c.call('consent.list', { contactId: c.id('Ada') });
    const { suppressionId } = await c.call('consent.withdraw', { consentId, method: 'reply' });
    await c.refusal('consent.add', { person: { email: ADA.email }, consent: CONSENT });
    const entries = await auditLog(c);
    const of = (action: string) => entries.filter((e) => e.action === action);
    expect(of('consent-add')).toMatchObject([
      { outcome: 'success', details: { consentId, contactId: c.id('Ada'), purpose: 'email-marketing' } },
      { outcome: 'refused', details: { reason: 'conflict' } },
    ]);
    expect(of('consent-list')).toMatchObject([{ details: { contacts: 1, records: 1, contactId: c.id('Ada') } }]);
    expect(of('consent-withdraw')).toMatchObject([{ details: { consentId, contactId: c.id('Ada'), purpose: 'email-marketing', suppressionId } }]);
    const text = JSON.stringify(entries);
    for (const secret of [CONSENT.wording, CONSENT.wordingVersion, CONSENT.proof, ADA.email, 'Lovelace']) expect(text).not.toContain(secret);
  });
});
