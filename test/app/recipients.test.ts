// The recipients register (Art. 28, Art. 30(1)(d)), the disclosure log (Art. 15(1)(c)), the controller's details
// (Art. 30(1)(a)) and the Art. 30 record built from them, through the router every front end calls (in process, as
// the CLI does), on an injected clock. Nothing typed about a recipient or the controller reaches the audit log.
import { describe, expect, it } from 'vitest';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

const NOW = new Date('2026-12-01T10:00:00Z');

/** A new vault on a fixed clock, unlocked by one member holding every role, and a `call` that throws the refusal. */
const vault = () => clients.vault(tmp, () => NOW);
type Client = Awaited<ReturnType<typeof vault>>;

const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
const GRACE = 'Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,grace@navy.example,US Navy,Rear Admiral,09 Dec 2020';

const HUBSPOT = { name: 'HubSpot Europe', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'EU (Frankfurt)', transfer: 'adequacy', contact: 'privacy@hubspot.example' } as const;
const PARTNER = { name: 'Partner Events Ltd', role: 'controller', hostingRegion: 'United Kingdom', transfer: 'none' } as const;
const MAILER = { name: 'Mailer Inc', role: 'processor', contractDate: '2026-02-01', hostingRegion: 'USA', transfer: 'none' } as const;
/** The address book a member uploaded to LinkedIn (ImportedContacts.csv): people who need not be connections. */
const BOOK = ['FirstName,LastName,Companies,Title,Emails,PhoneNumbers', 'Mary,Somerville,Analytical Engines Ltd,Mathematician,mary@analytical-engines.example,', ''].join('\n');
const REGISTER = 'Recipients (the register: every recipient any export went to or may go to)';
const DISCLOSED = 'Disclosed to (the disclosure log: the recipients its current members went to)';
/** The [item, detail] rows of one group's table in the Art. 30 Markdown. */
const groupRows = (markdown: string, label: string): Record<string, string> => {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## Group: ${label}`);
  expect(start, label).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const rows = lines.slice(start, end).filter((l) => l.startsWith('| ') && !l.startsWith('| Record') && !l.startsWith('| ---'));
  return Object.fromEntries(rows.map((l) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim())));
};
const CONTROLLER = { name: 'Analytical Engines Ltd', contact: '1 Difference Street, London; privacy@ae.example', dpo: 'Wilhelmina Quill, dpo@ae.example' };

/** Ada (in a networking group with a basis) and Grace (quarantined), imported. */
async function withPeople(c: Client) {
  await c.call('import.commit', { path: tmp.write([HEADER, ADA, GRACE, ''].join('\n')), choices: {} });
  const group = await c.call('groups.add', { label: 'Engine people', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
  await c.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  const people = await allContacts(c.call);
  return { ada: people.find((p) => p.firstName === 'Ada')!.id, grace: people.find((p) => p.firstName === 'Grace')!.id };
}

const auditText = async (c: Client) => JSON.stringify(await auditLog(c));

describe('the recipients register (Art. 28, Art. 30(1)(d))', () => {
  it('registers a recipient and lists it with the number of disclosures it received', async () => {
    const c = await vault();
    expect(await c.call('recipients.list', {})).toEqual([]);
    const { recipientId } = await c.call('recipients.add', HUBSPOT);
    const { recipientId: partnerId } = await c.call('recipients.add', PARTNER);
    expect(await c.call('recipients.list', {})).toEqual([
      { id: recipientId, ...HUBSPOT, createdAt: NOW.toISOString(), disclosures: 0 },
      { id: partnerId, ...PARTNER, contractDate: null, contact: null, createdAt: NOW.toISOString(), disclosures: 0 },
    ]);

    await withPeople(c);
    await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId });
    await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId });
    const listed = await c.call('recipients.list', {});
    expect(listed.map((r) => [r.name, r.disclosures])).toEqual([
      ['HubSpot Europe', 2],
      ['Partner Events Ltd', 0],
    ]);
  });

  it('refuses a second recipient with the same name, whatever its case (conflict)', async () => {
    const c = await vault();
    await c.call('recipients.add', HUBSPOT);
    const again = await c.route('recipients.add', { ...HUBSPOT, name: '  hubspot EUROPE ' });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    // Not firing: another name is registered.
    await c.call('recipients.add', { ...HUBSPOT, name: 'HubSpot US' });
    expect(await c.call('recipients.list', {})).toHaveLength(2);
  });

  it('Art. 28: refuses a processor without the date of its contract, in one sentence; a controller needs none', async () => {
    const c = await vault();
    const { contractDate: _omitted, ...noDate } = HUBSPOT;
    const refused = await c.route('recipients.add', noDate);
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    expect(!refused.ok && refused.message).toContain('a processor needs the date of its Art. 28 contract');
    expect(!refused.ok && refused.message.split('\n')).toHaveLength(1);
    expect(await c.call('recipients.list', {})).toEqual([]);

    await c.call('recipients.add', PARTNER);
    expect(await c.call('recipients.list', {})).toHaveLength(1);
  });

  it('Chapter V (Art. 44): refuses "none" for a recipient hosted outside the UK, in one sentence naming the mechanisms', async () => {
    const c = await vault();
    for (const hostingRegion of ['USA', 'EU (Frankfurt)', 'Ireland']) {
      const refused = await c.route('recipients.add', { ...MAILER, hostingRegion });
      expect(refused, hostingRegion).toMatchObject({ ok: false, code: 'invalid' });
      expect(!refused.ok && refused.message).toMatch(/restricted transfer \(UK GDPR Chapter V\).*adequacy \(for the EU or EEA\), idta, uk-addendum, binding-corporate-rules or art49-derogation, or give UK as its region/);
      expect(!refused.ok && refused.message.split('\n')).toHaveLength(1);
    }
    expect(await c.call('recipients.list', {})).toEqual([]);
    // Not firing: a mechanism is named, or the region names the UK.
    await c.call('recipients.add', { ...MAILER, transfer: 'idta' });
    await c.call('recipients.add', { ...MAILER, name: 'London Host', hostingRegion: 'London, U.K.' });
    await c.call('recipients.add', PARTNER);
    expect((await c.call('recipients.list', {})).map((r) => [r.name, r.transfer])).toEqual([
      ['Mailer Inc', 'idta'],
      ['London Host', 'none'],
      ['Partner Events Ltd', 'none'],
    ]);
  });

  it('Art. 28: refuses a contract signed in the future, accepts one signed today', async () => {
    const c = await vault();
    expect(await c.route('recipients.add', { ...HUBSPOT, contractDate: '2026-12-02' })).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('in the future') });
    await c.call('recipients.add', { ...HUBSPOT, contractDate: '2026-12-01' });
    expect(await c.call('recipients.list', {})).toHaveLength(1);
  });
});

describe('the disclosure log (Art. 15(1)(c))', () => {
  it("lists each export with the recipient's name, and per contact only the exports that carried them", async () => {
    const c = await vault();
    const { ada, grace } = await withPeople(c);
    const { recipientId } = await c.call('recipients.add', HUBSPOT);
    const exported = await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId });
    expect(exported.included).toBe(1);

    const all = await c.call('disclosures.list', {});
    expect(all).toEqual([
      { id: exported.disclosureId, recipientId, recipientName: 'HubSpot Europe', at: NOW.toISOString(), memberId: expect.any(String), purpose: 'networking', noticeRun: false, contacts: 1 },
    ]);
    expect(await c.call('disclosures.list', { contactId: ada })).toEqual(all);
    // Not firing: Grace is quarantined, so she was never disclosed.
    expect(await c.call('disclosures.list', { contactId: grace })).toEqual([]);
  });
});

describe("the controller's details (Art. 30(1)(a))", () => {
  it('are empty until set, then shown as recorded; setting again replaces them', async () => {
    const c = await vault();
    expect(await c.call('controller.show', {})).toEqual({ details: null });
    await c.call('controller.set', CONTROLLER);
    expect(await c.call('controller.show', {})).toEqual({ details: CONTROLLER });
    await c.call('controller.set', { name: 'Analytical Engines plc', contact: 'privacy@ae.example', dpo: '  ', representative: 'EU Rep GmbH' });
    expect(await c.call('controller.show', {})).toEqual({ details: { name: 'Analytical Engines plc', contact: 'privacy@ae.example', representative: 'EU Rep GmbH' } });
  });

  it('refuses details without a contact, in one sentence', async () => {
    const c = await vault();
    const refused = await c.route('controller.set', { name: 'Analytical Engines Ltd', contact: '  ' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining("the controller's contact details") });
    expect(await c.call('controller.show', {})).toEqual({ details: null });
  });
});

describe('the Art. 30 record built from the register (Art. 30(1))', () => {
  it('Art. 30(1)(a), (d), (e): lists the registered recipient, its transfer and the DPO', async () => {
    const c = await vault();
    await withPeople(c);
    await c.call('controller.set', CONTROLLER);
    await c.call('recipients.add', HUBSPOT);
    const { markdown, csv } = await c.call('report.art30', {});
    expect(markdown).toContain('- Controller: Analytical Engines Ltd');
    expect(markdown).toContain('| Data protection officer | Wilhelmina Quill, dpo@ae.example |');
    expect(markdown).toContain("| HubSpot Europe | Processor (acts on the controller's instructions, Art. 28) | 2026-01-15 | EU (Frankfurt) | UK adequacy regulations (Art. 45, DPA 2018 s.17A) |");
    expect(markdown).toContain('- HubSpot Europe (EU (Frankfurt)): UK adequacy regulations (Art. 45, DPA 2018 s.17A)');
    expect(markdown).not.toContain('No transfers recorded');
    expect(csv).toContain('HubSpot Europe (processor; Art. 28 contract: 2026-01-15; hosted in EU (Frankfurt))');
    expect(markdown).toContain('The register: every recipient any export went to or may go to.');
    expect(csv).toContain('Wilhelmina Quill, dpo@ae.example');
  });

  it('Art. 30(1)(d): says "none" and "No transfers recorded" only while the register is empty', async () => {
    const c = await vault();
    await withPeople(c);
    const empty = (await c.call('report.art30', {})).markdown;
    expect(empty).toContain('None: no recipient is registered');
    expect(empty).toContain('No transfers recorded.');
    await c.call('recipients.add', PARTNER);
    const withPartner = (await c.call('report.art30', {})).markdown;
    expect(withPartner).not.toContain('None: no recipient is registered');
    expect(withPartner).toContain('| Partner Events Ltd | Controller (uses the data for its own purposes) | not applicable (a controller) | United Kingdom | None recorded |');
    expect(withPartner).toContain('No transfers recorded.');
    expect(withPartner).not.toContain('Check: ');
  });

  it('Art. 30(1)(d): labels the register as such, and per group names only the recipients its current members went to', async () => {
    const c = await vault();
    await withPeople(c);
    const { recipientId } = await c.call('recipients.add', HUBSPOT);
    await c.call('recipients.add', PARTNER);
    const before = groupRows((await c.call('report.art30', {})).markdown, 'Engine people');
    expect(before[REGISTER]).toContain('HubSpot Europe');
    expect(before[REGISTER]).toContain('Partner Events Ltd');
    expect(before[DISCLOSED]).toBe('none yet'); // registered is not received

    await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId });
    const { markdown, csv } = await c.call('report.art30', {});
    const after = groupRows(markdown, 'Engine people');
    expect(after[DISCLOSED]).toBe('HubSpot Europe');
    expect(after[REGISTER]).toContain('Partner Events Ltd');
    expect(markdown).not.toContain('Disclosed before they were quarantined'); // Grace, quarantined, went nowhere
    expect(csv).toContain(DISCLOSED);
  });

  it('Art. 30(1)(c): names the data subjects by the source of the people held, connections and the uploaded address book', async () => {
    const c = await vault();
    await withPeople(c);
    const connections = groupRows((await c.call('report.art30', {})).markdown, 'Engine people')['Categories of data subjects'];
    expect(connections).toBe('LinkedIn connections (business contacts)');
    await c.call('import.commit', { path: tmp.write(BOOK), choices: {} });
    expect((await allContacts(c.call)).map((p) => p.firstName)).toContain('Mary');
    const both = groupRows((await c.call('report.art30', {})).markdown, 'Engine people')['Categories of data subjects'];
    expect(both).toBe('LinkedIn connections (business contacts); people in the address book a member uploaded to LinkedIn (not necessarily connections)');
  });

  it("Art. 30(1)(a): the request's controller overrides the name only; without any, the record says 'not recorded'", async () => {
    const c = await vault();
    const bare = (await c.call('report.art30', {})).markdown;
    expect(bare).toContain('- Controller: not recorded');
    expect(bare).toContain('| Data protection officer | not recorded |');

    await c.call('controller.set', { name: CONTROLLER.name, contact: CONTROLLER.contact });
    const named = (await c.call('report.art30', { controller: 'Engines Trading Name' })).markdown;
    expect(named).toContain('- Controller: Engines Trading Name');
    expect(named).toContain('| Contact details | 1 Difference Street, London; privacy@ae.example |');
    expect(named).toContain('| Data protection officer | No DPO recorded |');
  });
});

describe('the audit log keeps no personal data (Art. 5(2))', () => {
  it("records the register's and the controller's use cases with ids and words, never a name or contact", async () => {
    const c = await vault();
    await withPeople(c);
    const { recipientId } = await c.call('recipients.add', HUBSPOT);
    await c.call('controller.set', { ...CONTROLLER, representative: 'EU Rep GmbH' });
    await c.call('recipients.list', {});
    await c.call('disclosures.list', {});
    await c.call('controller.show', {});
    await c.call('report.art30', {});
    await c.route('recipients.add', HUBSPOT); // refused: audited too

    const entries = await auditLog(c);
    expect(entries.find((e) => e.action === 'recipient-add' && e.outcome === 'success')?.details).toEqual({ recipientId, role: 'processor', transfer: 'adequacy' });
    expect(entries.some((e) => e.action === 'recipient-add' && e.outcome === 'refused')).toBe(true);
    for (const action of ['controller-set', 'controller-show', 'recipient-list', 'disclosure-list', 'report-art30']) expect(entries.map((e) => e.action)).toContain(action);
    const text = await auditText(c);
    for (const personal of [HUBSPOT.name, 'HubSpot', HUBSPOT.contact, HUBSPOT.hostingRegion, 'Frankfurt', CONTROLLER.name, 'Difference Street', 'Wilhelmina', 'EU Rep']) {
      expect(text).not.toContain(personal);
    }
  });
});
