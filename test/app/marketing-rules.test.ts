// Acceptance (issue 11, points 1 and 2), through the router every front end calls: subscriber types inferred with the
// reason and confirmed by a person (PECR reg. 2, 22), soft opt-ins (reg. 22(3)), TPS/CTPS screenings (reg. 21(1)(b), 21(4)),
// and a CRM export whose PECR rules follow its channels (DPA 2018 s.122(5)). Each rule fires and does not fire; the
// audit log holds none of what was typed.
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/api/contract.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LIA } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

const PEOPLE = [
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
  'Jo,Brown,https://www.linkedin.com/in/jo-brown-plumbing,jo@brownplumbing.example,Brown Plumbing,Owner,11 Dec 2019',
  'Bob,Gale,https://www.linkedin.com/in/bob-gale,bob.gale@gmail.com,Analytical Engines Ltd,Engineer,12 Dec 2019',
  'Kim,Noor,https://www.linkedin.com/in/kim-noor,kim@noor-consulting.example,,Consultant,13 Dec 2019',
  'Al,Dee,https://www.linkedin.com/in/al-dee,al@dee-and-co.example,Dee & Co,Partner,14 Dec 2019',
];
type First = 'Ada' | 'Jo' | 'Bob' | 'Kim' | 'Al';

/** Everyone in one prospecting group under legitimate interests, told (Art. 14), on an injected clock. */
async function vault() {
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  const c = await clients.vault(tmp, () => clock.now);
  await c.call('import.commit', { path: tmp.write([HEADER, ...PEOPLE, ''].join('\n')), choices: {} });
  const contacts = await allContacts(c.call);
  const id = Object.fromEntries(contacts.map((x) => [x.firstName, x.id])) as Record<First, string>;
  const { id: groupId } = await c.call('groups.add', { label: 'Everyone', rule: { type: 'connected-year', from: 1900, to: 2100 }, confirm: true });
  await c.call('policy.assign', {
    groupId,
    policy: { basis: 'legitimate-interests', purpose: 'prospecting', purposeDescription: 'Offering our engines to people we met.', evidence: LIA },
    acknowledgeWarnings: true,
    confirm: true,
  });
  await c.call('notices.markSent', { target: { groupId }, sentOn: '2026-12-01', version: 'v1', channel: 'email' });
  const { recipientId } = await c.call('recipients.add', { name: 'Engine CRM', role: 'processor', contractDate: '2026-10-01', hostingRegion: 'UK', transfer: 'none' });
  const exportBy = (channels: Request<'export.crm'>['channels'], extra: Partial<Request<'export.crm'>> = {}) =>
    c.call('export.crm', { purpose: 'prospecting', recipientId, channels, ...extra });
  return { ...c, clock, id, groupId, recipientId, exportBy };
}
type Client = Awaited<ReturnType<typeof vault>>;

const emailOf = (csv: string, first: First) => csv.split('\r\n').find((line) => line.includes(`"${first}"`))?.split('","')[2];
const audited = async (c: Client) => JSON.stringify(await auditLog(c));

describe('subscriber types: inferred with the reason, confirmed by a person (PECR reg. 2, 22)', () => {
  it('lists each contact with the type the data suggests and why; unknown is treated as individual', async () => {
    const c = await vault();
    const list = (await c.call('subscribers.list', {})).subscribers;
    const of = (first: First) => list.find((s) => s.contactId === c.id[first])!;
    expect(of('Ada')).toMatchObject({ inferred: 'likely-corporate', treatedAs: 'corporate', confirmed: null, reason: expect.stringContaining('"Ltd"') });
    expect(of('Jo')).toMatchObject({ inferred: 'likely-individual', treatedAs: 'individual', reason: expect.stringContaining('likely a sole trader') });
    expect(of('Bob')).toMatchObject({ inferred: 'likely-individual', reason: expect.stringContaining('A personal mailbox') });
    expect(of('Kim')).toMatchObject({ inferred: 'unknown', treatedAs: 'individual' });
    expect(of('Al')).toMatchObject({ inferred: 'likely-individual', reason: expect.stringContaining('Scottish partnership') });
    expect((await c.call('subscribers.list', { contactId: c.id.Kim })).subscribers).toHaveLength(1);
  });

  it('a confirmation per contact, or per company by its name, decides; a contact of its own wins over its company', async () => {
    const c = await vault();
    expect(await c.call('subscribers.confirm', { contactId: c.id.Kim, entity: 'company', companyNumber: 'sc123456', note: 'Checked on the register' })).toEqual({ type: 'corporate', contacts: 1 });
    // Typed another way, the company is the same one (its normalised name's blind index).
    expect(await c.call('subscribers.confirm', { company: 'dee & co.', entity: 'scottish-partnership' })).toEqual({ type: 'corporate', contacts: 1 });
    expect(await c.call('subscribers.confirm', { company: 'Analytical Engines Ltd', entity: 'company' })).toEqual({ type: 'corporate', contacts: 1 }); // Ada, not Bob
    await c.call('subscribers.confirm', { contactId: c.id.Ada, entity: 'sole-trader' });
    const list = (await c.call('subscribers.list', {})).subscribers;
    const of = (first: First) => list.find((s) => s.contactId === c.id[first])!;
    expect(of('Kim')).toMatchObject({ inferred: 'unknown', treatedAs: 'corporate', confirmed: { type: 'corporate', entity: 'company', by: 'contact', companyNumber: 'SC123456', note: 'Checked on the register' } });
    expect(of('Al')).toMatchObject({ treatedAs: 'corporate', confirmed: { entity: 'scottish-partnership', by: 'company', companyNumber: null } });
    expect(of('Ada')).toMatchObject({ treatedAs: 'individual', confirmed: { entity: 'sole-trader', by: 'contact' } });
    // Bob is at Analytical Engines Ltd too, but his mailbox is his own (gmail): the company's confirmation says what the
    // company is, not who holds his mailbox, so it does not reach him; only one for him would.
    expect(of('Bob')).toMatchObject({ inferred: 'likely-individual', treatedAs: 'individual', confirmed: null });
    // Not firing: Jo has no confirmation and stays as inferred.
    expect(of('Jo')).toMatchObject({ confirmed: null, treatedAs: 'individual' });
    const log = await audited(c);
    for (const typed of ['Dee', 'dee & co', 'Checked on the register', 'SC123456']) expect(log).not.toContain(typed);
    expect(log).toContain('"entity":"scottish-partnership"');
  });

  it('refuses a malformed Companies House number, an unknown contact, and a company name that is empty once normalised', async () => {
    const c = await vault();
    expect((await c.refusal('subscribers.confirm', { contactId: c.id.Kim, entity: 'company', companyNumber: '1234' })).message).toContain('a Companies House number has 8 characters');
    expect((await c.refusal('subscribers.confirm', { contactId: '00000000-0000-4000-8000-000000000000', entity: 'company' })).code).toBe('not-found');
    expect((await c.refusal('subscribers.confirm', { company: ' . ', entity: 'company' })).code).toBe('invalid');
  });
});

describe('export by channel (DPA 2018 s.122(5); PECR reg. 22)', () => {
  it("a prospecting export by email withholds likely-individual subscribers' addresses; an unknown subscriber is treated as individual", async () => {
    const c = await vault();
    const result = await c.exportBy(['email']);
    expect(result.included).toBe(5);
    expect(emailOf(result.csv, 'Ada')).toBe('ada@analytical-engines.example');
    for (const first of ['Jo', 'Bob', 'Kim', 'Al'] as const) expect(emailOf(result.csv, first), first).toBe('');
    expect(result.emailsWithheld.map((w) => w.id).sort()).toEqual([c.id.Jo, c.id.Bob, c.id.Kim, c.id.Al].sort());
    // Not firing: once Kim is confirmed a company, her address is exported.
    await c.call('subscribers.confirm', { contactId: c.id.Kim, entity: 'company' });
    expect(emailOf((await c.exportBy(['email'])).csv, 'Kim')).toBe('kim@noor-consulting.example');
    const entry = JSON.parse(await audited(c)).filter((e: { action: string }) => e.action === 'export-crm').at(-1);
    expect(entry.details).toMatchObject({ channels: ['email'], directMarketing: true, emailsWithheld: 3 });
  });

  it('refuses to call a marketing purpose anything but direct marketing; a networking export may be declared it', async () => {
    const c = await vault();
    expect(await c.refusal('export.crm', { purpose: 'prospecting', recipientId: c.recipientId, channels: ['email'], directMarketing: false })).toEqual({
      code: 'invalid',
      message: 'An export for prospecting is direct marketing (DPA 2018 s.122(5)): leave direct marketing on.',
    });
    expect((await c.refusal('export.crm', { purpose: 'prospecting', recipientId: c.recipientId, channels: [] })).message).toContain('name at least one channel');
    // A networking export declared direct marketing is accepted and treated as such; declared not, it is not (previewed:
    // no group here has a basis for networking, and an export of nobody is refused).
    expect((await c.call('export.preview', { purpose: 'networking', channels: ['email'], directMarketing: true })).directMarketing).toBe(true);
    expect((await c.call('export.preview', { purpose: 'networking', channels: ['email'], directMarketing: false })).directMarketing).toBe(false);
  });

  it('a soft opt-in covering email lets an individual subscriber be emailed; one covering SMS does not', async () => {
    const c = await vault();
    const soft = { obtainedAt: '2026-11-02', context: 'sale', products: 'An engine service plan', refusalOffered: 'An unticked box on the order form' } as const;
    await c.call('softOptIn.add', { person: { email: 'jo@brownplumbing.example' }, channels: ['email'], ...soft });
    await c.call('softOptIn.add', { person: { contactId: c.id.Bob }, channels: ['sms'], ...soft });
    const result = await c.exportBy(['email']);
    expect(emailOf(result.csv, 'Jo')).toBe('jo@brownplumbing.example');
    expect(emailOf(result.csv, 'Bob')).toBe('');
    expect(result.notes.join(' ')).toContain('included on a soft opt-in (PECR reg. 22(3))');
    expect((await c.call('subscribers.list', { contactId: c.id.Jo })).subscribers[0]?.softOptIn).toEqual(['email']);
    // Subject access (UK GDPR Art. 15) shows the person both: the subscriber type applied and why, and the soft opt-in.
    const access = JSON.parse((await c.call('contacts.access', { contactId: c.id.Jo })).json) as { marketing: unknown };
    expect(access.marketing).toEqual({
      subscriberType: { treatedAs: 'individual', inferred: 'likely-individual', reason: expect.stringContaining('likely a sole trader'), confirmedAs: null },
      softOptIns: [{ channels: ['email'], obtainedAt: '2026-11-02', context: 'sale', products: 'An engine service plan' }],
    });
    expect((await c.call('contacts.access', { contactId: c.id.Jo })).csv).toContain('Soft opt-in (PECR reg. 22(3))');
    const log = await audited(c);
    for (const typed of ['An engine service plan', 'An unticked box']) expect(log).not.toContain(typed);
  });

  it('refuses a soft opt-in for someone who objected, or dated after today', async () => {
    const c = await vault();
    const soft = { channels: ['email' as const], context: 'negotiation' as const, products: 'Engines', refusalOffered: 'Asked on the call' };
    await c.call('suppression.add', { contactId: c.id.Bob });
    expect(await c.refusal('softOptIn.add', { person: { contactId: c.id.Bob }, obtainedAt: '2026-11-02', ...soft })).toMatchObject({ code: 'conflict', message: expect.stringContaining('has no soft opt-in (PECR reg. 22(3))') });
    expect((await c.refusal('softOptIn.add', { person: { contactId: c.id.Jo }, obtainedAt: '2026-12-02', ...soft })).code).toBe('invalid');
  });

  it('an SMS export lists only people the rule shows may be texted: a likely-corporate work address is not enough, a confirmed type is', async () => {
    const c = await vault();
    await c.call('consent.add', {
      person: { contactId: c.id.Bob },
      consent: { purpose: 'prospecting', channels: ['sms'], obtainedAt: '2026-11-01', method: 'form', wording: 'Text me your engine offers.', wordingVersion: 'v1', proof: 'Form 12' },
    });
    const result = await c.exportBy(['sms']);
    // Ada's work address at Analytical Engines Ltd says nothing about whose the phone is.
    expect(result.excluded.filter((e) => e.reason === 'channel-not-allowed').map((e) => e.id).sort()).toEqual([c.id.Ada, c.id.Jo, c.id.Kim, c.id.Al].sort());
    expect(result.csv).toContain('Gale');
    // Not firing for Ada once a person confirms her company.
    await c.call('subscribers.confirm', { contactId: c.id.Ada, entity: 'company' });
    const confirmed = await c.exportBy(['sms']);
    expect(confirmed.excluded.filter((e) => e.reason === 'channel-not-allowed').map((e) => e.id).sort()).toEqual([c.id.Jo, c.id.Kim, c.id.Al].sort());
    expect(confirmed.csv).toContain('Lovelace');
  });
});

describe('TPS/CTPS screenings and phone exports (PECR reg. 21(1)(b), 21(4); 28 days)', () => {
  it('refuses a phone export without a screening in the 28 days before it; accepts one; refuses again on day 29', async () => {
    const c = await vault();
    expect((await c.refusal('export.crm', { purpose: 'prospecting', recipientId: c.recipientId, channels: ['phone'] })).code).toBe('guardrail');
    expect(await c.call('tps.list', {})).toEqual({ screenings: [], coveredUntil: { tps: null, ctps: null } });
    await c.call('tps.record', { screenedOn: '2026-11-30', list: 'both', listVersion: 'TPS/CTPS file 2026-11-30', provider: 'Screening Co' });
    const listed = await c.call('tps.list', {});
    expect(listed.coveredUntil).toEqual({ tps: '2026-12-28', ctps: '2026-12-28' });
    expect(listed.screenings[0]).toMatchObject({ screenedOn: '2026-11-30', list: 'both', listVersion: 'TPS/CTPS file 2026-11-30', provider: 'Screening Co' });
    expect((await c.exportBy(['phone'])).included).toBe(5);
    c.clock.now = new Date('2026-12-28T18:00:00Z');
    expect((await c.exportBy(['phone'])).included).toBe(5);
    c.clock.now = new Date('2026-12-29T09:00:00Z');
    expect((await c.refusal('export.crm', { purpose: 'prospecting', recipientId: c.recipientId, channels: ['phone'] })).message).toContain('the last screening recorded was on 2026-11-30');
    expect(await audited(c)).not.toContain('Screening Co');
  });

  it('refuses a screening dated after today', async () => {
    const c = await vault();
    expect((await c.refusal('tps.record', { screenedOn: '2026-12-02', list: 'tps', listVersion: 'v' })).code).toBe('invalid');
  });
});
