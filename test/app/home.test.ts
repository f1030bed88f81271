// What needs attention (home.summary), through the router every front end calls, on a clock the test moves: contacts
// due for destruction (overdue, within 30 days, the next day due, what a hold keeps), quarantine, Art. 14 notices (the
// same counts as notices.list), LIA reviews (near and past their review day) and the last destruction run; a member
// sees only the parts their roles may read (an importer none), and the CLI says the same in sentences.
import { describe, expect, it } from 'vitest';
import { attentionSentences, lastRunSentence } from '../../src/cli/attention-command.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
const { vault } = routedClients();

/** Three at work addresses (grouped under legitimate interests below) and Luigi, whom no rule claims (quarantined). */
const PEOPLE = [
  HEADER,
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019',
  'Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,charles@analytical-engines.example,Analytical Engines Ltd,Inventor,11 Jan 2020',
  'Mary,Somerville,https://www.linkedin.com/in/mary-somerville-1780,mary@royal-society.example,Royal Society,Science Writer,12 Feb 2021',
  'Luigi,Menabrea,https://www.linkedin.com/in/luigi-menabrea-1809,,Turin Academy,Engineer,13 Mar 2021',
  '',
].join('\n');

/** Imported on 1 Dec 2026 (after the LIA was assessed on 20 Nov and signed off); the group kept 12 months from import. */
async function setUp() {
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  const c = await vault(tmp, () => clock.now);
  await c.call('import.commit', { path: tmp.write(PEOPLE), choices: {} });
  const group = await c.call('groups.add', { label: 'Engines and Society', rule: { type: 'company', companies: ['Analytical Engines Ltd', 'Royal Society'] } });
  await c.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  await c.call('retention.set', { policy: { scope: { type: 'group', groupId: group.id }, months: 12, anchor: 'imported', rationale: 'A year covers our sales cycle' }, confirm: true });
  return { ...c, clock, groupId: group.id, at: (iso: string) => (clock.now = new Date(iso)) };
}

describe('home.summary for an admin', () => {
  it('counts what is due, quarantined, owed and up for review as the clock moves, and the last run', async () => {
    const c = await setUp();
    c.at('2026-12-02T09:00:00Z');
    let s = await c.call('home.summary', {});
    expect(s.now).toBe('2026-12-02T09:00:00.000Z');
    expect(s.soonDays).toBe(30);
    // Luigi's 30 days of quarantine end on 31 December, within 30 days; nobody is past their date.
    expect(s.destruction).toEqual({ overdue: 0, overdueHeld: 0, dueSoon: 1, next: { at: '2026-12-31T09:00:00.000Z', contacts: 1 } });
    expect(s.quarantine).toEqual({ contacts: 1, days: 30, overdue: 0, next: { at: '2026-12-31T09:00:00.000Z', contacts: 1 } });
    expect(s.notices).toEqual({ due: 4, overdue: 0, unconfirmed: 0, nextDue: '2027-01-01' });
    // Assessed on 20 Nov 2026 with no review day recorded: reviewed by 20 Nov 2027.
    expect(s.liaReviews).toEqual({ groups: 1, overdue: 0, dueSoon: 0, nextReview: '2027-11-20' });
    expect(s.lastRun).toBeNull();

    // Into January: Luigi is past his quarantine, everyone's notice is overdue (notices.list says the same).
    c.at('2027-01-05T09:00:00Z');
    s = await c.call('home.summary', {});
    expect(s.destruction).toMatchObject({ overdue: 1, dueSoon: 0, next: { contacts: 3 } });
    expect(s.destruction?.next?.at.slice(0, 10)).toBe('2027-12-02');
    expect(s.quarantine).toMatchObject({ contacts: 1, overdue: 1, next: null });
    const listed = (await c.call('notices.list', {})).groups;
    const total = (k: 'due' | 'overdue' | 'carriedOver') => listed.reduce((n, g) => n + g[k], 0);
    expect(s.notices).toEqual({ due: total('due'), overdue: total('overdue'), unconfirmed: total('carriedOver'), nextDue: null });
    expect(s.notices?.overdue).toBe(4);

    // A legal hold on Luigi keeps him: he is past his date but held, and nothing is due.
    const luigi = (await allContacts(c.call)).find((x) => x.firstName === 'Luigi')!.id;
    const holdId = (await c.call('holds.place', { contactId: luigi, reason: 'A claim is expected about this contact' })).holdId;
    s = await c.call('home.summary', {});
    expect(s.destruction).toMatchObject({ overdue: 0, overdueHeld: 1 });
    expect(s.quarantine?.overdue).toBe(0);
    await c.call('holds.lift', { holdId });

    // The run destroys him: it is the last run, by this member, with its certificate.
    const run = await c.call('destruction.run', {});
    s = await c.call('home.summary', {});
    expect(s.lastRun).toEqual({ at: '2027-01-05T09:00:00.000Z', destroyed: 1, certificateId: run.certificate!.id, by: { kind: 'member', memberId: expect.any(String), name: 'Root Admin' } });
    expect(s.quarantine).toEqual({ contacts: 0, days: 30, overdue: 0, next: null });
    expect(s.destruction?.overdue).toBe(0);

    // Three weeks before the LIA's review day it is due soon; after it, overdue.
    c.at('2027-11-01T09:00:00Z');
    expect((await c.call('home.summary', {})).liaReviews).toEqual({ groups: 1, overdue: 0, dueSoon: 1, nextReview: '2027-11-20' });
    c.at('2027-11-21T09:00:00Z');
    s = await c.call('home.summary', {});
    expect(s.liaReviews).toEqual({ groups: 1, overdue: 1, dueSoon: 0, nextReview: null });
    // The group's year ends on 1 December (due the day after): three contacts fall due within 30 days, on one day.
    expect(s.destruction).toMatchObject({ overdue: 0, dueSoon: 3, next: { contacts: 3 } });

    // A run that destroys nothing is still the last run (no certificate).
    c.at('2027-11-22T09:00:00Z');
    await c.call('destruction.run', {});
    s = await c.call('home.summary', {});
    expect(s.lastRun).toMatchObject({ at: '2027-11-22T09:00:00.000Z', destroyed: 0, certificateId: null });
    expect(lastRunSentence(s)).toBe('The last destruction run was on 2027-11-22 by member Root Admin: 0 contacts destroyed.');
    expect(attentionSentences(s)).toEqual([
      '3 contacts are due for destruction on 2027-12-02; 3 contacts in the next 30 days.',
      '3 people are overdue their Art. 14 notice.',
      'The legitimate interests assessment of 1 group is past its review date.',
    ]);
  });

  it('is one audit entry however often the home screen reloads, with counts only', async () => {
    const c = await setUp();
    const before = (await c.call('audit.entries', { limit: 500 })).entries.length;
    await c.call('home.summary', {});
    await c.call('home.summary', {});
    const entries = (await c.call('audit.entries', { limit: 500 })).entries;
    const home = entries.filter((e) => e.action === 'home-summary');
    expect(entries.length - before).toBe(2); // audit.entries itself, then one home-summary
    expect(home).toHaveLength(1);
    expect(Object.values(home[0]!.details).every((v) => typeof v === 'number')).toBe(true);
  });
});

describe('home.summary for members with fewer roles', () => {
  async function as(roles: ('admin' | 'data-owner' | 'importer')[]) {
    const c = await setUp();
    await c.call('members.add', { name: 'Bob Other', roles, passphrase: PASSPHRASE });
    await c.call('vault.lock', {});
    await c.call('vault.unlock', { path: c.path, name: 'Bob Other', passphrase: PASSPHRASE });
    return c.call('home.summary', {});
  }

  it('gives an importer none of the parts: only the time and the first steps (a count and a yes/no)', async () => {
    const s = await as(['importer']);
    expect(Object.keys(s).sort()).toEqual(['now', 'setup', 'soonDays']);
    expect(s.setup).toEqual({ contacts: expect.any(Number), controllerRecorded: false });
    expect(attentionSentences(s)).toEqual([]);
    expect(lastRunSentence(s)).toBeNull();
  });

  it('gives a data owner what the data owner may read, not the destruction runs', async () => {
    const s = await as(['data-owner']);
    expect(Object.keys(s).sort()).toEqual(['destruction', 'liaReviews', 'notices', 'now', 'quarantine', 'setup', 'soonDays']);
  });
});
