// Acceptance (issue 10): schema 6 moves existing vaults from group-level consent and notice records to per-person
// records "carried over from the group record", which count for nothing until a data owner confirms them (Art. 7(1):
// consent belongs to the person; Art. 14: each person is told). Tested from every earlier schema: a vault is filled
// through the router, taken back to schema N by undoing each later migration on a copy, then opened and unlocked
// by today's app.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { allContacts } from '../support/contacts.js';
import { copyAtSchema, ranOnceAcrossUnlocks } from '../support/downgrade.js';
import { routedClients } from '../support/router-vault.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
import { LIA } from '../support/policies.js';
import { PASSPHRASE } from '../support/vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const ORIGINAL = tmp.path('schema-6-original.vault');
const MEMBER = 'Olu Owner';
let clock = new Date('2026-01-05T10:00:00Z');

const clients = routedClients();
/** A client of a service on the test's clock (closed after each test, or by the test). */
const client = () => clients.client(() => clock);

/** The fixture's people state union and party roles on their profiles: the groups record an Art. 9(2) condition. */
const MADE_PUBLIC = { art9Condition: 'made-public-by-data-subject', art9Justification: 'They state these roles publicly on their own LinkedIn profiles', art9MadePublicWhere: 'The headlines of their own LinkedIn profiles' };
const CONSENT_POLICY = {
  ...MADE_PUBLIC,
  basis: 'consent',
  purpose: 'email-marketing',
  purposeDescription: 'Our monthly engineering newsletter to the people who signed up for it.',
  evidence: {
    method: 'Newsletter sign-up form at our stand, unticked opt-in box',
    obtainedAt: '2025-11-01',
    wording: 'Yes, send me the monthly engineering newsletter by email.',
    withdrawalRoute: 'Unsubscribe link in every email',
  },
  art14Notice: { status: 'sent', date: '2026-01-15', method: 'Email with our privacy notice' },
};
const LI_POLICY = {
  ...MADE_PUBLIC,
  basis: 'legitimate-interests',
  purpose: 'networking',
  purposeDescription: 'Invitations to our engineering meetups for these people.',
  evidence: LIA,
  art14Notice: { status: 'sent', date: '2026-01-15', method: 'Letter with our privacy notice' },
};

const atSchema = (version: number): string => copyAtSchema(ORIGINAL, tmp, version);

const ids = { consentGroup: '', liGroup: '' };

beforeAll(async () => {
  const { service, call } = client();
  await call('vault.create', { path: ORIGINAL, name: MEMBER, passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
  await call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
  ids.consentGroup = (await call('groups.add', { label: 'Newsletter', rule: { type: 'company', companies: ['Analytical Engines Ltd'] }, confirm: true })).id;
  ids.liGroup = (await call('groups.add', { label: 'Meetups', rule: { type: 'email-kind', kind: 'none' }, confirm: true })).id;
  await call('policy.assign', { groupId: ids.consentGroup, policy: CONSENT_POLICY, acknowledgeWarnings: true, confirm: true });
  await call('policy.assign', { groupId: ids.liGroup, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
  // An export made before schema 6: its recipient was never recorded (the downgrade drops the disclosure log).
  const { recipientId } = await call('recipients.add', { name: 'Old CRM', role: 'processor', contractDate: '2025-06-01', hostingRegion: 'UK', transfer: 'none' });
  await call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId });
  clock = new Date('2026-03-01T10:00:00Z'); // imported after the group's notice was sent
  await call('import.commit', { path: fixture('connections-current.csv'), choices: {} });
  // Someone who joins the consent group after its basis was assigned: the group's record never covered him.
  await call('import.commit', { path: tmp.write([HEADER, 'Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,charles@analytical-engines.example,Analytical Engines Ltd,Inventor,11 Dec 2019', ''].join('\n')), choices: {} });
  service.close();
  // The vault as schema 5 left it: group records only, no per-person table filled, nothing pending.
  const db = new Database(ORIGINAL);
  expect(db.prepare('SELECT count(*) AS n FROM consents').get()).toEqual({ n: 0 });
  expect(db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({ n: 0 });
  db.close();
});

describe.each([1, 2, 3, 4, 5])('a vault of schema %i', (version) => {
  it('is migrated to schema 6; its group records become per-person records carried over, which count only once confirmed', async () => {
    const path = atSchema(version);
    const { service, call } = client();
    try {
      await call('vault.unlock', { path, name: MEMBER, passphrase: PASSPHRASE });
      const groups = (await call('groups.list', {})).groups;
      const inConsentGroup = groups.find((g) => g.id === ids.consentGroup)!.contacts;
      const inLiGroup = groups.find((g) => g.id === ids.liGroup)!.contacts;
      expect(inConsentGroup).toBeGreaterThan(0);

      // Consent (Art. 7(1)): one record per member of the consent group when its basis was assigned, carried over
      // and not live; Charles, who joined later, gets none.
      const consents = await call('consent.list', { groupId: ids.consentGroup });
      expect(consents).toHaveLength(inConsentGroup - 1);
      const charles = (await call('contacts.list', { search: 'Babbage' })).contacts[0]!;
      expect(await call('consent.list', { contactId: charles.id })).toEqual([]);
      expect(consents.every((c) => c.carriedOver && !c.confirmed && !c.live && c.purpose === 'email-marketing')).toBe(true);
      expect(consents[0]).toMatchObject({ wording: CONSENT_POLICY.evidence.wording, obtainedAt: '2025-11-01', wordingVersion: 'carried over from the group record' });

      // Art. 14: people obtained before the group's "sent" date carry it, unconfirmed; later ones are due.
      const notices = await call('notices.list', { groupId: ids.liGroup });
      const people = notices.people;
      expect(people).toHaveLength(inLiGroup);
      expect(people.some((p) => p.status === 'carried-over')).toBe(true);
      expect(people.filter((p) => p.status !== 'carried-over').every((p) => p.status === 'due' || p.status === 'overdue')).toBe(true);

      // Unconfirmed: the consent group exports no one, and the LI group holds back everyone (not yet told).
      const recipientId = (await call('recipients.add', { name: `Mailer ${version}`, role: 'processor', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none' })).recipientId;
      // An export of nobody is refused (no file, no disclosure); its preview says who is held back, and why.
      await expect(call('export.crm', { channels: ['email'], purpose: 'email-marketing', recipientId })).rejects.toThrow(/guardrail: Nobody would be exported/);
      const before = await call('export.preview', { channels: ['email'], purpose: 'email-marketing' });
      expect(before.included).toBe(0);
      const heldBack = before.heldBack.map(({ id, reason }) => ({ id, reason }));
      expect(heldBack.filter((e) => e.reason === 'no-consent-on-record')).toHaveLength(inConsentGroup);
      expect(heldBack).toContainEqual({ id: charles.id, reason: 'no-consent-on-record' });

      // A data owner confirms: the consents are live, and the carried-over sent notices count.
      expect(await call('consent.confirm', { groupId: ids.consentGroup })).toEqual({ confirmed: inConsentGroup - 1 });
      await call('notices.confirm', { groupId: ids.consentGroup });
      const after = await call('export.crm', { channels: ['email'], purpose: 'email-marketing', recipientId });
      expect(after.included).toBe(inConsentGroup - 1);
      expect(after.excluded).toContainEqual({ id: charles.id, reason: 'no-consent-on-record' });

      // The export made before recipients were recorded is owned up to: its recipients are unknown, not "none".
      const member = (await allContacts(call)).find((x) => x.createdAt < '2026-02-01')!;
      const access = JSON.parse((await call('contacts.access', { contactId: member.id })).json) as { recipients: string[] };
      expect(access.recipients).toContainEqual(expect.stringMatching(/^Not known: 1 export to other systems made up to 2026-01-05/));
      expect((await call('contacts.erase', { contactId: member.id })).unloggedExports).toBe(1);
      expect((await call('report.art30', {})).markdown).toMatch(/Not known: 1 export made up to 2026-01-05, before recipients were recorded/);
      const later = (await allContacts(call)).find((x) => x.createdAt > '2026-02-01')!;
      expect((await call('contacts.erase', { contactId: later.id })).unloggedExports).toBe(0);

      // The carry-over ran once, audited with counts only.
      const entries = await auditLog({ call });
      expect(entries.filter((e) => e.action === 'carry-over')).toEqual([
        expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ groups: 2, consents: inConsentGroup - 1, entries: 1 }) }),
      ]);
      await ranOnceAcrossUnlocks(call, path, MEMBER, 'carry-over');
    } finally {
      service.close();
    }
  });
});

it('a vault created at schema 6 has nothing to carry over: a consent group assigned today gives nobody a consent', async () => {
  const { service, call } = client();
  const path = tmp.path('fresh.vault');
  try {
    await call('vault.create', { path, name: MEMBER, passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
    await call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    const groupId = (await call('groups.add', { label: 'Newsletter', rule: { type: 'company', companies: ['Analytical Engines Ltd'] }, confirm: true })).id;
    await call('policy.assign', { groupId, policy: CONSENT_POLICY, acknowledgeWarnings: true, confirm: true });
    await call('vault.lock', {});
    await call('vault.unlock', { path, name: MEMBER, passphrase: PASSPHRASE });
    expect((await auditLog({ call })).filter((e) => e.action === 'carry-over')).toEqual([]);
    expect(await call('consent.list', { groupId })).toEqual([]);
  } finally {
    service.close();
  }
});
