// Art. 14 notices per person, through the router every front end calls, with an injected clock: a person imported
// after a notice batch is due, and overdue one month after their data was obtained (Art. 14(3)(a)) or at their first
// disclosure (Art. 14(3)(c)); exemptions need their Art. 14(5) ground, a real reason and, for (b), the DPIA and where
// the notice is published; carried-over records count only once confirmed; a notice is recorded as sent only to people
// the channel can reach; the privacy notice comes from the group and names its members' source.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SOURCE_WORDS } from '../../src/export/labels.js';
import { NO_AUTOMATED_DECISIONS } from '../../src/export/subject-access.js';
import type { Session } from '../../src/vault/session.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
const GRACE = 'Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,grace@navy.example,US Navy,Rear Admiral,09 Dec 2020';
const KWAME = 'Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah-1970,kwame@analytical-engines.example,Analytical Engines Ltd,Finance Director,13 Oct 2022';
/** No email address shown to connections: a notice by email cannot have reached him. */
const CHARLES = 'Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,,Analytical Engines Ltd,Inventor,11 Dec 2019';
/** A legacy row with no profile address: a LinkedIn message cannot be traced to her profile. */
const MARY = 'Mary,Somerville,,mary@analytical-engines.example,Analytical Engines Ltd,Mathematician,12 Dec 2019';
const csv = (...rows: string[]) => tmp.write([HEADER, ...rows, ''].join('\n'));
/** The address book a member uploaded to LinkedIn (ImportedContacts.csv): Mary, of the same company, never connected. */
const BOOK = ['FirstName,LastName,Companies,Title,Emails,PhoneNumbers', 'Mary,Somerville,Analytical Engines Ltd,Mathematician,mary@analytical-engines.example,', ''].join('\n');

/** A vault on a clock the test moves, unlocked by one member with every role, with a group of prospects. */
async function vault(start: string) {
  let now = new Date(start);
  const c = await clients.vault(tmp, () => now);
  const session = (c.service as unknown as { session(): Session }).session();
  return {
    ...c,
    session,
    at: (iso: string) => {
      now = new Date(iso);
    },
  };
}

type Client = Awaited<ReturnType<typeof vault>>;

async function prospects(c: Client): Promise<string> {
  const group = await c.call('groups.add', { label: 'Prospects', rule: { type: 'company', companies: ['Analytical Engines Ltd', 'US Navy'] } });
  await c.call('policy.assign', { groupId: group.id, policy: { ...LI_POLICY, purpose: 'prospecting' }, acknowledgeWarnings: true });
  return group.id;
}

const idOf = async (c: Client, first: string) => (await allContacts(c.call)).find((x) => x.firstName === first)!.id;
const personIn = async (c: Client, groupId: string, contactId: string) => (await c.call('notices.list', { groupId })).people.find((p) => p.contactId === contactId)!;

describe('a person imported after a notice batch (Art. 14(3)(a))', () => {
  it('is due, then overdue one month after their own data was obtained; the group summary and overdue list follow', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA, GRACE), choices: {} });
    const groupId = await prospects(c);
    expect((await c.call('notices.list', { groupId })).people.map((p) => [p.status, p.dueBy])).toEqual([
      ['due', '2026-04-02'],
      ['due', '2026-04-02'],
    ]);

    c.at('2026-03-10T09:00:00Z');
    expect(await c.call('notices.markSent', { target: { groupId }, sentOn: '2026-03-10', version: 'v1', channel: 'email' })).toEqual({ marked: 2, skipped: 0 });

    c.at('2026-03-20T09:00:00Z');
    await c.call('import.commit', { path: csv(KWAME), choices: {} });
    const kwame = await idOf(c, 'Kwame');
    expect(await personIn(c, groupId, kwame)).toMatchObject({ status: 'due', dueBy: '2026-04-20', day: null, version: null });
    expect(await personIn(c, groupId, await idOf(c, 'Ada'))).toMatchObject({ status: 'sent', day: '2026-03-10', channel: 'email', version: 'v1' });

    c.at('2026-04-20T23:00:00Z'); // the last day: still due
    expect((await personIn(c, groupId, kwame)).status).toBe('due');
    expect((await c.call('groups.list', {})).overdue).toEqual([]);

    c.at('2026-04-21T08:00:00Z');
    expect((await personIn(c, groupId, kwame)).status).toBe('overdue');
    expect((await c.call('groups.list', {})).overdue).toEqual([{ groupId, label: 'Prospects', due: '2026-04-20' }]);
    const summary = (await c.call('notices.list', {})).groups.find((g) => g.groupId === groupId);
    expect(summary).toEqual({ groupId, label: 'Prospects', due: 0, overdue: 1, sent: 2, exempt: 0, carriedOver: 0, nextDue: '2026-04-20' });
    expect((await c.call('notices.list', {})).people).toEqual([]); // per person only when a group or contact is named
    expect((await c.call('notices.list', { groupId })).groups.map((g) => g.label)).toEqual(['Prospects']);
    expect((await c.call('notices.list', {})).groups.map((g) => g.label)).toEqual(['Prospects', 'Quarantine (no group)']);

    // The group's guardrail now counts people, not the group's plan (Art. 14(3)).
    const check = await c.call('policy.check', { groupId, policy: { ...LI_POLICY, purpose: 'prospecting' } });
    expect(check.guardrails.find((g) => g.id === 'art14-notice-overdue')).toMatchObject({ rule: 'UK GDPR Art. 14(3)', message: expect.stringContaining('1 person in this group has not been told') });
  });

  it('is not covered by a notice dated before their data was obtained: they are skipped and stay due', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA), choices: {} });
    const groupId = await prospects(c);
    c.at('2026-03-20T09:00:00Z');
    await c.call('import.commit', { path: csv(KWAME), choices: {} });
    expect(await c.call('notices.markSent', { target: { groupId }, sentOn: '2026-03-10', version: 'v1', channel: 'email' })).toEqual({ marked: 1, skipped: 1 });
    expect((await personIn(c, groupId, await idOf(c, 'Kwame'))).status).toBe('due');
    const entries = await auditLog(c);
    expect(entries.filter((e) => e.action === 'notice-sent').at(-1)).toMatchObject({ outcome: 'success', details: { groupId, contacts: 2, notices: 1, skipped: 1 } });
  });

  it('refuses a notice recorded as sent on a day still to come', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA), choices: {} });
    const groupId = await prospects(c);
    expect(await c.refusal('notices.markSent', { target: { groupId }, sentOn: '2026-03-03', version: 'v1', channel: 'email' })).toMatchObject({ code: 'invalid' });
    expect(await c.refusal('notices.markSent', { target: { groupId: randomUUID() }, sentOn: '2026-03-01', version: 'v1', channel: 'email' })).toMatchObject({ code: 'not-found' });
    expect(await c.refusal('notices.markSent', { target: { disclosureId: randomUUID() }, sentOn: '2026-03-01', version: 'v1', channel: 'email' })).toMatchObject({ code: 'not-found' });
  });
});

describe('a notice recorded as sent only to people the channel can reach (Art. 14(1), Art. 5(2))', () => {
  it('by email, skips people with no email address; by LinkedIn, people with no profile; they stay due', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA, CHARLES, MARY), choices: {} });
    const groupId = await prospects(c);
    const [ada, charles, mary] = [await idOf(c, 'Ada'), await idOf(c, 'Charles'), await idOf(c, 'Mary')];

    expect(await c.call('notices.markSent', { target: { groupId }, sentOn: '2026-03-02', version: 'v1', channel: 'email' })).toEqual({ marked: 2, skipped: 1 });
    expect(await personIn(c, groupId, ada)).toMatchObject({ status: 'sent', channel: 'email' });
    expect(await personIn(c, groupId, mary)).toMatchObject({ status: 'sent', channel: 'email' });
    expect(await personIn(c, groupId, charles)).toMatchObject({ status: 'due', day: null, channel: null });
    const entries = await auditLog(c);
    expect(entries.filter((e) => e.action === 'notice-sent').at(-1)).toMatchObject({ outcome: 'success', details: { groupId, contacts: 3, notices: 2, skipped: 1 } });

    expect(await c.call('notices.markSent', { target: { contactIds: [charles, mary] }, sentOn: '2026-03-02', version: 'v2', channel: 'linkedin' })).toEqual({ marked: 1, skipped: 1 });
    expect(await personIn(c, groupId, charles)).toMatchObject({ status: 'sent', channel: 'linkedin', version: 'v2' });
    // Mary keeps her email notice: the LinkedIn one could not reach her and recorded nothing.
    expect(await personIn(c, groupId, mary)).toMatchObject({ status: 'sent', channel: 'email', version: 'v1' });
  });

  it('by post, SMS or phone, records everyone held by that day: the vault holds no address or number to check', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(CHARLES, MARY), choices: {} });
    const groupId = await prospects(c);
    for (const channel of ['post', 'sms', 'phone'] as const) {
      expect(await c.call('notices.markSent', { target: { groupId }, sentOn: '2026-03-02', version: `v-${channel}`, channel }), channel).toEqual({ marked: 2, skipped: 0 });
    }
    expect((await c.call('notices.list', { groupId })).people.map((p) => [p.status, p.channel])).toEqual([
      ['sent', 'phone'],
      ['sent', 'phone'],
    ]);
  });
});

describe('the first disclosure brings the notice forward (Art. 14(3)(c))', () => {
  it('a person exported to a recipient before being told is overdue from that day; a notice run is not such a disclosure', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA, GRACE), choices: {} });
    const groupId = await prospects(c);
    const [ada, grace] = [await idOf(c, 'Ada'), await idOf(c, 'Grace')];
    const recipientId = randomUUID();
    c.session.disclosures.addRecipient({ id: recipientId, name: 'HubSpot', role: 'processor', contractDate: '2026-01-01', hostingRegion: 'EU', transfer: 'adequacy', contact: null, createdAt: '2026-03-01T00:00:00.000Z' }, c.session.memberId);
    const disclose = (at: string, noticeRun: boolean, ids: string[]) => {
      const id = randomUUID();
      c.session.disclosures.record({ id, recipientId, at, memberId: c.session.memberId, purpose: 'prospecting', noticeRun, contacts: ids.length }, ids);
      return id;
    };

    c.at('2026-03-05T12:00:00Z');
    disclose('2026-03-05T11:00:00.000Z', false, [ada]);
    disclose('2026-03-05T11:30:00.000Z', true, [grace]);
    expect(await personIn(c, groupId, ada)).toMatchObject({ status: 'overdue', dueBy: '2026-03-05' });
    expect(await personIn(c, groupId, grace)).toMatchObject({ status: 'due', dueBy: '2026-04-02' });
    expect((await c.call('groups.list', {})).overdue).toEqual([{ groupId, label: 'Prospects', due: '2026-03-05' }]);

    // Marking the notice run's people as sent (--export) tells exactly the people it carried.
    const run = disclose('2026-03-05T11:45:00.000Z', true, [ada, grace]);
    expect(await c.call('notices.markSent', { target: { disclosureId: run }, sentOn: '2026-03-05', version: 'v2', channel: 'email' })).toEqual({ marked: 2, skipped: 0 });
    expect((await personIn(c, groupId, ada)).status).toBe('sent');
    expect((await c.call('groups.list', {})).overdue).toEqual([]);
  });
});

describe('Art. 14(5) exemptions', () => {
  it('refuses disproportionate effort (Art. 14(5)(b)) without the DPIA and where the notice is published, in one sentence', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA), choices: {} });
    const groupId = await prospects(c);
    const base = { target: { groupId }, ground: 'disproportionate-effort', decidedOn: '2026-03-02', reason: 'Thousands of legacy contacts with no current address to write to' } as const;
    const refused = await c.refusal('notices.exempt', base);
    expect(refused.code).toBe('invalid');
    expect(refused.message).toMatch(/^The request is not valid: [^\n]*Art\. 14\(5\)\(b\) needs the DPIA[^\n]*\.$/);
    expect(await c.refusal('notices.exempt', { ...base, dpiaReference: 'DPIA-2026-04' })).toMatchObject({ code: 'invalid' });

    expect(await c.call('notices.exempt', { ...base, dpiaReference: 'DPIA-2026-04', publishedAt: 'https://acme.example/privacy' })).toEqual({ marked: 1, skipped: 0 });
    expect((await c.call('notices.list', { groupId })).people[0]).toMatchObject({ status: 'exempt', exemption: 'disproportionate-effort', day: '2026-03-02' });
    const entries = await auditLog(c);
    expect(entries.filter((e) => e.action === 'notice-exempt').at(-1)).toMatchObject({ outcome: 'success', details: { groupId, notices: 1, ground: 'disproportionate-effort' } });
  });

  it('refuses a placeholder reason, and accepts a real one (Art. 14(5)(a))', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA), choices: {} });
    const ada = await idOf(c, 'Ada');
    for (const reason of ['n/a', 'TBC', 'todo todo todo todo todo']) {
      const refused = await c.refusal('notices.exempt', { target: { contactIds: [ada] }, ground: 'already-informed', decidedOn: '2026-03-02', reason });
      expect(refused, reason).toMatchObject({ code: 'invalid', message: expect.stringContaining('Art. 14(5)') });
    }
    expect(await c.call('notices.exempt', { target: { contactIds: [ada] }, ground: 'already-informed', decidedOn: '2026-03-02', reason: 'She received our privacy notice at the March meetup sign-in desk' })).toEqual({ marked: 1, skipped: 0 });
    expect((await c.call('notices.list', { contactId: ada })).people).toEqual([expect.objectContaining({ contactId: ada, status: 'exempt', exemption: 'already-informed' })]);
    expect(await c.refusal('notices.exempt', { target: { contactIds: [randomUUID()] }, ground: 'already-informed', decidedOn: '2026-03-02', reason: 'She received our privacy notice at the March meetup' })).toMatchObject({ code: 'not-found' });
  });
});

describe('carried-over records (schema 6): they count only once confirmed', () => {
  it('a carried-over sent notice counts after confirm; a carried-over exemption, or a notice dated before the data was obtained, does not', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA, GRACE, KWAME), choices: {} });
    const groupId = await prospects(c);
    const [ada, grace, kwame] = [await idOf(c, 'Ada'), await idOf(c, 'Grace'), await idOf(c, 'Kwame')];
    const carry = (contactId: string, status: 'sent' | 'exempt', day: string) =>
      c.session.notices.put({
        contactId,
        status,
        day,
        channel: status === 'sent' ? 'email' : null,
        exemption: status === 'exempt' ? 'disproportionate-effort' : null,
        version: null,
        dpiaReference: null,
        reason: null,
        publishedAt: null,
        carriedOver: true,
        recordedAt: '2026-03-02T10:00:00.000Z',
        recordedBy: null,
      });
    carry(ada, 'sent', '2026-03-02');
    carry(grace, 'exempt', '2026-03-02');
    carry(kwame, 'sent', '2025-12-01'); // the group's notice went out before we held Kwame's data

    c.at('2026-04-10T10:00:00Z');
    const before = await c.call('notices.list', { groupId });
    expect(before.people.map((p) => p.status)).toEqual(['carried-over', 'carried-over', 'carried-over']);
    expect(before.groups.find((g) => g.groupId === groupId)).toMatchObject({ carriedOver: 3, sent: 0, nextDue: '2026-04-02' });
    // Not told until confirmed: the group is overdue.
    expect((await c.call('groups.list', {})).overdue).toEqual([{ groupId, label: 'Prospects', due: '2026-04-02' }]);

    expect(await c.call('notices.confirm', { groupId })).toEqual({ confirmed: 1 });
    expect(await personIn(c, groupId, ada)).toMatchObject({ status: 'sent', day: '2026-03-02' });
    expect((await personIn(c, groupId, grace)).status).toBe('carried-over');
    expect((await personIn(c, groupId, kwame)).status).toBe('carried-over');
    expect(await c.call('notices.confirm', { groupId })).toEqual({ confirmed: 0 }); // once only
  });
});

describe('the privacy notice text (Art. 14(1)-(2))', () => {
  it('needs the controller and a lawful basis, then names the controller, the basis, the recipients and the source', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA, GRACE), choices: {} });
    const unbased = await c.call('groups.add', { label: 'Nobody yet', rule: { type: 'company', companies: ['Nowhere Ltd'] } });
    const groupId = await prospects(c);
    expect(await c.refusal('notices.text', { groupId })).toEqual({ code: 'invalid', message: "Record the controller's name and contact first (controller set)." });
    c.session.disclosures.setController({ name: 'Acme Payroll Ltd', contact: 'privacy@acme.example' }, '2026-03-02T10:00:00.000Z', c.session.memberId);
    expect(await c.refusal('notices.text', { groupId: unbased.id })).toMatchObject({ code: 'invalid', message: expect.stringContaining('no lawful basis') });
    expect(await c.refusal('notices.text', { groupId: randomUUID() })).toMatchObject({ code: 'not-found' });

    const empty = await c.call('notices.text', { groupId, version: 'v3' });
    expect(empty.markdown).toContain('None outside the controller.');
    c.session.disclosures.addRecipient({ id: randomUUID(), name: 'HubSpot', role: 'processor', contractDate: '2026-01-01', hostingRegion: 'EU', transfer: 'adequacy', contact: null, createdAt: '2026-03-01T00:00:00.000Z' }, c.session.memberId);
    const { markdown, text } = await c.call('notices.text', { groupId, version: 'v3' });
    for (const fact of ['Acme Payroll Ltd', 'Legitimate interests (UK GDPR Art. 6(1)(f))', LI_POLICY.evidence.purposeTest, 'HubSpot', SOURCE_WORDS, 'your email address', 'v3', '## Your right to object']) expect(markdown).toContain(fact);
    expect(markdown).toContain(`## Automated decision-making\n\n${NO_AUTOMATED_DECISIONS}`); // Art. 14(2)(g)
    expect(markdown).not.toContain('ImportedContacts.csv');
    expect(markdown).not.toContain('None outside the controller');
    expect(text).not.toMatch(/^#|\*\*/m);
    const entries = await auditLog(c);
    expect(entries.filter((e) => e.action === 'notice-text' && e.outcome === 'success').at(-1)?.details).toEqual({ groupId });
  });

  it('names the source the members came from (Art. 14(2)(f)): one notice per source when a group holds both', async () => {
    const c = await vault('2026-03-02T10:00:00Z');
    await c.call('import.commit', { path: csv(ADA), choices: {} });
    const groupId = await prospects(c);
    c.session.disclosures.setController({ name: 'Acme Payroll Ltd', contact: 'privacy@acme.example' }, '2026-03-02T10:00:00.000Z', c.session.memberId);
    // Not firing for connections only: a source nobody has is refused.
    expect(await c.refusal('notices.text', { groupId, source: 'linkedin-imported-contacts' })).toMatchObject({ code: 'invalid', message: expect.stringContaining('Nobody in this group came from') });

    await c.call('import.commit', { path: tmp.write(BOOK), choices: {} });
    expect(await c.refusal('notices.text', { groupId })).toMatchObject({ code: 'invalid', message: expect.stringContaining('one notice per source') });
    const book = (await c.call('notices.text', { groupId, source: 'linkedin-imported-contacts' })).markdown;
    expect(book).toContain('ImportedContacts.csv');
    expect(book).not.toContain(SOURCE_WORDS);
    expect((await c.call('notices.text', { groupId, source: 'linkedin-connections' })).markdown).toContain(SOURCE_WORDS);
  });
});
