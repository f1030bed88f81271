// Acceptance (issue 10): what the law keeps per person, through the router every front end calls. Each test cites
// its article and checks the rule both firing and not firing; the audit log holds none of the personal data.
import { describe, expect, it } from 'vitest';
import { MARKETING_PURPOSES } from '../../src/shared/vocabulary.js';
import type { Request, Response } from '../../src/api/contract.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LIA } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
const CHARLES = 'Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,charles@analytical-engines.example,Analytical Engines Ltd,Inventor,11 Dec 2019';
const MARY = 'Mary,Somerville,https://www.linkedin.com/in/mary-somerville-1780,mary@analytical-engines.example,Analytical Engines Ltd,Mathematician,12 Dec 2019';

/** A vault on an injected clock, one member with every role, the three people of Analytical Engines Ltd imported. */
async function vault(start = '2026-11-02T09:00:00Z') {
  const clock = { now: new Date(start) };
  const c = await clients.vault(tmp, () => clock.now);
  await c.call('import.commit', { path: tmp.write([HEADER, ADA, CHARLES, MARY, ''].join('\n')), choices: {} });
  const people = Object.fromEntries((await allContacts(c.call)).map((x) => [x.firstName, x.id])) as Record<'Ada' | 'Charles' | 'Mary', string>;
  const { recipientId } = await c.call('recipients.add', { name: 'Engine Mailer Ltd', role: 'processor', contractDate: '2026-10-01', hostingRegion: 'UK', transfer: 'none' });
  return { ...c, clock, people, recipientId };
}
type Client = Awaited<ReturnType<typeof vault>>;

async function group(c: Client, policy: Record<string, unknown>): Promise<string> {
  const { id } = await c.call('groups.add', { label: 'Analytical Engines', rule: { type: 'company', companies: ['Analytical Engines Ltd'] }, confirm: true });
  await c.call('policy.assign', { groupId: id, policy, acknowledgeWarnings: true, confirm: true });
  return id;
}

const CONSENT_POLICY = {
  basis: 'consent',
  purpose: 'email-marketing',
  purposeDescription: 'Our monthly engine newsletter to the people who asked for it.',
  evidence: { method: 'Sign-up form, unticked box', obtainedAt: '2026-10-01', wording: 'Send me the engine newsletter.', withdrawalRoute: 'Unsubscribe link' },
};
const LI_POLICY = { basis: 'legitimate-interests', purpose: 'prospecting', purposeDescription: 'Offering our engines to the people we met.', evidence: LIA };
const consentOf = (purpose: 'email-marketing' | 'prospecting' = 'email-marketing') => ({
  purpose,
  channels: ['email' as const],
  obtainedAt: '2026-10-15',
  method: 'form' as const,
  wording: 'Yes, send me the engine newsletter by email.',
  wordingVersion: 'newsletter-v2',
  proof: 'Form submission 7781',
});
const exported = async (c: Client, purpose: Request<'export.crm'>['purpose'], noticeRun = false) =>
  c.call('export.crm', { channels: ['email'], purpose, recipientId: c.recipientId, noticeRun, ...((MARKETING_PURPOSES as readonly string[]).includes(purpose) ? {} : { directMarketing: false }) });
const names = (r: Response<'export.crm'>) => ['Lovelace', 'Babbage', 'Somerville'].filter((n) => r.csv.includes(n));
/** An export that would carry nobody: refused (guardrail: no file, no disclosure); the preview says who is held back, and why. */
const heldBack = async (c: Client, purpose: Request<'export.crm'>['purpose']) => {
  const request = { channels: ['email' as const], purpose, ...((MARKETING_PURPOSES as readonly string[]).includes(purpose) ? {} : { directMarketing: false }) };
  expect(await c.refusal('export.crm', { ...request, recipientId: c.recipientId })).toMatchObject({ code: 'guardrail', message: expect.stringMatching(/^Nobody would be exported/) });
  const preview = await c.call('export.preview', request);
  expect(preview.included).toBe(0);
  return preview.heldBack.map(({ id, reason }) => ({ id, reason }));
};
const tellEveryone = async (c: Client) =>
  c.call('notices.markSent', { target: { contactIds: Object.values(c.people) }, sentOn: c.clock.now.toISOString().slice(0, 10), version: 'notice-v1', channel: 'email' });

describe('consent per person (Art. 6(1)(a), Art. 7(1))', () => {
  it('a consent group exports only the people with their own live consent; the others are "no consent on record"', async () => {
    const c = await vault();
    await group(c, CONSENT_POLICY);
    await tellEveryone(c);
    expect(await heldBack(c, 'email-marketing')).toHaveLength(3); // the group's record vouches for nobody
    await c.call('consent.add', { person: { email: 'ada@analytical-engines.example' }, consent: consentOf() });
    await c.call('consent.add', { person: { contactId: c.people.Charles }, consent: consentOf('prospecting') }); // another purpose
    const result = await exported(c, 'email-marketing');
    expect(names(result)).toEqual(['Lovelace']);
    expect(result.excluded).toEqual(
      expect.arrayContaining([
        { id: c.people.Charles, reason: 'no-consent-on-record' },
        { id: c.people.Mary, reason: 'no-consent-on-record' },
      ]),
    );
  });

  it('withdrawal removes the person from the next export at once, and suppresses that purpose only (Art. 7(3))', async () => {
    const c = await vault();
    await group(c, CONSENT_POLICY);
    await tellEveryone(c);
    const { consentId } = await c.call('consent.add', { person: { contactId: c.people.Ada }, consent: consentOf() });
    expect(names(await exported(c, 'email-marketing'))).toEqual(['Lovelace']);
    await c.call('consent.withdraw', { consentId, method: 'unsubscribe-link' });
    expect(await heldBack(c, 'email-marketing')).toContainEqual({ id: c.people.Ada, reason: 'consent-withdrawn' });
    const list = await c.call('suppression.list', {});
    expect(list).toEqual([expect.objectContaining({ reason: 'consent-withdrawn', purpose: 'email-marketing', liftedAt: null })]);
    // Still a contact, and still importable: a withdrawn consent is not an objection to everything.
    expect((await allContacts(c.call)).map((x) => x.firstName).sort()).toEqual(['Ada', 'Charles', 'Mary']);
  });
});

describe('objections (Art. 21)', () => {
  it('an objection removes the person from the next export at once, whatever its purpose, and only an admin lifts it with a reason', async () => {
    const c = await vault();
    await group(c, LI_POLICY);
    await tellEveryone(c);
    expect(names(await exported(c, 'prospecting'))).toEqual(['Lovelace', 'Babbage', 'Somerville']);
    const { suppressionId } = await c.call('suppression.add', { contactId: c.people.Charles });
    const after = await exported(c, 'prospecting');
    expect(names(after)).toEqual(['Lovelace', 'Somerville']);
    expect(after.excluded).toEqual([{ id: c.people.Charles, reason: 'suppressed' }]);
    // A later import refuses him and reports the line.
    const again = await c.call('import.commit', { path: tmp.write([HEADER, CHARLES, ''].join('\n')), choices: {} });
    expect(again.suppressedLines).toEqual([2]);
    // Lifting needs a reason; the entry stays listed as lifted, and the reason is nowhere in the audit log.
    expect(await c.route('suppression.lift', { suppressionId })).toMatchObject({ ok: false, code: 'invalid' });
    await c.call('suppression.lift', { suppressionId, reason: 'Charles asked to hear from us again on 3 November' });
    expect(await c.call('suppression.list', {})).toEqual([expect.objectContaining({ id: suppressionId, reason: 'objection', liftedAt: expect.any(String) })]);
    expect(names(await exported(c, 'prospecting'))).toEqual(['Lovelace', 'Babbage', 'Somerville']);
    const log = JSON.stringify(await auditLog(c));
    expect(log).not.toMatch(/asked to hear|Charles|Babbage/);
  });
});

describe('one person, several records (Art. 21(3), Art. 17)', () => {
  // Ada held twice: from a file with her profile and no email, and from one with her email and no profile.
  const BY_PROFILE = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
  const BY_EMAIL = ['First Name,Last Name,Email Address,Company,Position,Connected On', 'Ada,Lovelace,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019', ''].join('\n');

  async function twoCopies() {
    const c = await vault();
    await c.call('contacts.erase', { contactId: c.people.Ada }); // start from nobody named Ada …
    await c.call('suppression.lift', { suppressionId: (await c.call('suppression.list', {}))[0]!.id, reason: 'Re-imported for this test' });
    await c.call('import.commit', { path: tmp.write([HEADER, BY_PROFILE, ''].join('\n')), choices: {} });
    await c.call('import.commit', { path: tmp.write(BY_EMAIL), choices: {} });
    const adas = (await allContacts(c.call, { search: 'Lovelace' })).map((x) => x.id);
    expect(adas).toHaveLength(2);
    await group(c, LI_POLICY);
    const everyone = (await allContacts(c.call)).map((x) => x.id);
    await c.call('notices.markSent', { target: { contactIds: everyone }, sentOn: '2026-11-02', version: 'notice-v1', channel: 'post' });
    expect((await exported(c, 'prospecting')).csv).toContain('Lovelace');
    return { c, adas };
  }

  it('an objection by email also leaves out the copy held under her profile alone', async () => {
    const { c } = await twoCopies();
    await c.call('suppression.add', { email: 'ada@analytical-engines.example' });
    expect((await exported(c, 'prospecting')).csv).not.toContain('Lovelace');
  });

  it('with a namesake under another profile, an erasure by email takes only the record sharing her email: both profiles stay', async () => {
    const { c } = await twoCopies();
    const namesake = 'Ada,Lovelace,https://www.linkedin.com/in/another-ada,,Analytical Engines Ltd,Archivist,01 Jan 2024';
    await c.call('import.commit', { path: tmp.write([HEADER, namesake, ''].join('\n')), choices: {} });
    expect(await allContacts(c.call, { search: 'Lovelace' })).toHaveLength(3);
    const erased = await c.call('contacts.erase', { email: 'ada@analytical-engines.example' });
    // Two profiles matched by name alone are namesakes, not one person: only what shares her own email goes (copiesOf),
    // so the profile-only copy stays too, and so does the namesake.
    expect(erased.certificate.destroyed.total).toBe(1);
    const left = await allContacts(c.call, { search: 'Lovelace' });
    expect(left.map((x) => x.profileUrl).sort()).toEqual(['https://www.linkedin.com/in/ada-lovelace-1815', 'https://www.linkedin.com/in/another-ada']);
  });

  it('without a namesake, an erasure by email takes both records and refuses her profile on a later import', async () => {
    const { c } = await twoCopies();
    const erased = await c.call('contacts.erase', { email: 'ada@analytical-engines.example' });
    expect(erased.certificate.destroyed.total).toBe(2);
    expect(await allContacts(c.call, { search: 'Lovelace' })).toEqual([]);
    const again = await c.call('import.commit', { path: tmp.write([HEADER, BY_PROFILE, ''].join('\n')), choices: {} });
    expect(again.suppressedLines).toEqual([2]);
  });

  it('a second objection for the same person adds nothing and names the entry in force (one entry, so one lift)', async () => {
    const c = await vault();
    const first = await c.call('suppression.add', { contactId: c.people.Ada });
    expect(first.alreadyListed).toBe(false);
    expect(await c.call('suppression.add', { email: 'ada@analytical-engines.example' })).toEqual({ suppressionId: first.suppressionId, alreadyListed: true });
    expect(await c.call('suppression.list', {})).toHaveLength(1);
  });
});

describe('Art. 14 per person', () => {
  it('an Art. 14(5)(b) exemption does not let a marketing export contact someone not told (Art. 14(3)(b)); a recruitment export may', async () => {
    const c = await vault();
    await group(c, LI_POLICY);
    await c.call('notices.exempt', {
      target: { contactIds: [c.people.Ada] },
      ground: 'disproportionate-effort',
      decidedOn: '2026-11-02',
      reason: 'Writing to each of several thousand historic connections individually would take months of work.',
      dpiaReference: 'DPIA-2026-014',
      publishedAt: 'https://engines.example/privacy',
    });
    expect(await heldBack(c, 'prospecting')).toContainEqual({ id: c.people.Ada, reason: 'notice-not-given' });
  });

  it('an exemption decided for a batch keeps the notice of someone already told', async () => {
    const c = await vault();
    await group(c, LI_POLICY);
    await c.call('notices.markSent', { target: { contactIds: [c.people.Ada] }, sentOn: '2026-11-02', version: 'notice-v1', channel: 'email' });
    const groupId = (await c.call('groups.list', {})).groups[0]!.id;
    const result = await c.call('notices.exempt', {
      target: { groupId },
      ground: 'already-informed',
      decidedOn: '2026-11-02',
      reason: 'They received our notice in person at the engine exhibition on this date.',
    });
    expect(result).toEqual({ marked: 2, skipped: 1 });
    expect((await c.call('notices.list', { contactId: c.people.Ada })).people[0]).toMatchObject({ status: 'sent', version: 'notice-v1', channel: 'email' });
  });

  it('a marketing export holds back people not yet told; a notice run includes only them; a person imported after the batch is due (Art. 14(3))', async () => {
    const c = await vault();
    const groupId = await group(c, LI_POLICY);
    const held = await heldBack(c, 'prospecting');
    expect(held.every((e) => e.reason === 'notice-not-given')).toBe(true);
    // The notice run goes to the mailer; then the batch it carried is marked as sent.
    const run = await exported(c, 'prospecting', true);
    expect(run.included).toBe(3);
    await c.call('notices.markSent', { target: { disclosureId: run.disclosureId }, sentOn: '2026-11-02', version: 'notice-v1', channel: 'email' });
    expect(names(await exported(c, 'prospecting'))).toEqual(['Lovelace', 'Babbage', 'Somerville']);

    // A week later someone new joins the group: due one month after we obtained their data, not covered by the batch.
    c.clock.now = new Date('2026-11-09T09:00:00Z');
    const GRACE = 'Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,grace@analytical-engines.example,Analytical Engines Ltd,Rear Admiral,09 Dec 2020';
    await c.call('import.commit', { path: tmp.write([HEADER, GRACE, ''].join('\n')), choices: {} });
    const grace = (await c.call('contacts.list', { search: 'Hopper' })).contacts[0]!.id;
    const status = async () => (await c.call('notices.list', { contactId: grace })).people[0];
    expect(await status()).toMatchObject({ status: 'due', dueBy: '2026-12-09' });
    expect(names(await exported(c, 'prospecting'))).toEqual(['Lovelace', 'Babbage', 'Somerville']);
    c.clock.now = new Date('2026-12-10T09:00:00Z');
    expect(await status()).toMatchObject({ status: 'overdue', dueBy: '2026-12-09' });
    expect((await c.call('groups.list', {})).overdue).toEqual([expect.objectContaining({ groupId })]);
  });

  it('a non-marketing export is a first disclosure: a person not yet told is overdue from it (Art. 14(3)(c)); one told is not', async () => {
    const c = await vault();
    await group(c, { ...LI_POLICY, purpose: 'recruitment' });
    const result = await exported(c, 'recruitment');
    expect(result.included).toBe(3);
    expect(result.notes.join(' ')).toMatch(/Art\. 14\(3\)\(c\)/);
    // Imported today, so the one-month limit is a month away: the export brought it forward to today, and passed it.
    expect((await c.call('notices.list', { contactId: c.people.Ada })).people[0]).toMatchObject({ status: 'overdue', dueBy: '2026-11-02' });
    await c.call('notices.markSent', { target: { contactIds: [c.people.Ada] }, sentOn: '2026-11-02', version: 'notice-v1', channel: 'email' });
    expect((await c.call('notices.list', { contactId: c.people.Ada })).people[0]).toMatchObject({ status: 'sent' });
    // Someone never exported is only due, by obtained + one month.
    const before = await vault();
    expect((await before.call('notices.list', { contactId: before.people.Ada })).people[0]).toMatchObject({ status: 'due', dueBy: '2026-12-02' });
  });
});

describe('recipients and disclosures (Art. 15(1)(c), Art. 19, Art. 30)', () => {
  it('subject access lists the recipients of two exports; another person exported once lists one', async () => {
    const c = await vault();
    await group(c, { ...LI_POLICY, purpose: 'networking' });
    const { recipientId: second } = await c.call('recipients.add', { name: 'Meetup Hall CRM', role: 'controller', hostingRegion: 'USA', transfer: 'idta' });
    await exported(c, 'networking');
    await c.call('suppression.add', { contactId: c.people.Mary }); // Mary is not in the second export
    await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId: second });
    const ada = JSON.parse((await c.call('contacts.access', { contactId: c.people.Ada })).json) as { recipients: string[] };
    expect(ada.recipients).toHaveLength(2);
    expect(ada.recipients.join('\n')).toMatch(/Engine Mailer Ltd/);
    expect(ada.recipients.join('\n')).toMatch(/Meetup Hall CRM/);
    const mary = JSON.parse((await c.call('contacts.access', { contactId: c.people.Mary })).json) as { recipients: string[] };
    expect(mary.recipients).toEqual([expect.stringMatching(/^Engine Mailer Ltd/)]);
    expect((await c.call('disclosures.list', { contactId: c.people.Ada })).map((d) => d.recipientName).sort()).toEqual(['Engine Mailer Ltd', 'Meetup Hall CRM']);
  });

  it('a person never exported has no recipients', async () => {
    const c = await vault();
    const report = JSON.parse((await c.call('contacts.access', { contactId: c.people.Ada })).json) as { recipients: string[] };
    expect(report.recipients).toEqual(['None outside the controller']);
  });

  it('erasure of an exported person lists an Art. 19 task for that recipient; erasure of one never exported lists none', async () => {
    const c = await vault();
    await group(c, { ...LI_POLICY, purpose: 'networking' });
    await c.call('suppression.add', { contactId: c.people.Mary }); // left out of the export
    await exported(c, 'networking');
    const erased = await c.call('contacts.erase', { contactId: c.people.Ada });
    expect(erased.art19Tasks).toEqual([{ taskId: expect.any(String), recipientId: c.recipientId, recipientName: 'Engine Mailer Ltd' }]);
    expect(erased.unloggedExports).toBe(0);
    const tasks = await c.call('art19.list', {});
    expect(tasks).toEqual([expect.objectContaining({ recipientId: c.recipientId, recipientName: 'Engine Mailer Ltd', kind: 'erasure', subject: 'ada@analytical-engines.example', doneAt: null })]);
    expect((await c.call('contacts.erase', { contactId: c.people.Mary })).art19Tasks).toEqual([]);
    // Done: the subject is wiped, and the task is no longer open.
    await c.call('art19.done', { taskId: erased.art19Tasks[0]!.taskId });
    expect(await c.call('art19.list', {})).toEqual([]);
    expect(await c.call('art19.list', { includeDone: true })).toEqual([expect.objectContaining({ subject: null, doneAt: expect.any(String) })]);
    const log = JSON.stringify(await auditLog(c));
    expect(log).not.toMatch(/ada@|Lovelace|Engine Mailer/);
  });

  it('an export for another purpose must say whether it is direct marketing (DPA 2018 s.122(5)): left unsaid, it is refused', async () => {
    const c = await vault();
    await group(c, { ...LI_POLICY, purpose: 'networking' });
    const unsaid = await c.route('export.crm', { channels: ['email'], purpose: 'networking', recipientId: c.recipientId });
    expect(unsaid).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/Say whether this networking export is direct marketing/) });
    expect(await c.call('disclosures.list', {})).toEqual([]);
    expect((await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId: c.recipientId })).included).toBe(3);
  });

  it('an export names a registered recipient: an unknown one is refused, and nothing is disclosed', async () => {
    const c = await vault();
    await group(c, { ...LI_POLICY, purpose: 'networking' });
    const refused = await c.route('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId: '00000000-0000-4000-8000-000000000000' });
    expect(refused).toMatchObject({ ok: false, code: 'not-found', message: expect.stringMatching(/register who receives the file first/) });
    expect(await c.call('disclosures.list', {})).toEqual([]);
  });
});
