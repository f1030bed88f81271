// Acceptance: least privilege, generated from the contract's access table. For every channel and every role, a
// member holding only that role calls the channel through the router every front end uses: an allowed role
// succeeds and a refused one gets 'wrong-role' with a sentence naming the roles that may, audited under the
// channel's action. The sample table below is typed by the contract, so a channel without a sample does not compile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, CHANNEL_NAMES, rolesFor, type Channel, type Request, type Response } from '../../src/api/contract.js';
import { createRouter, type Route } from '../../src/api/router.js';
import { AppService } from '../../src/app/app-service.js';
import { ROLE_NAMES, ROLES, type Role } from '../../src/shared/vocabulary.js';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE, TEST_KDF } from '../support/vault.js';
import { auditLog } from '../support/audit.js';
import { fakeKeychain } from '../support/keychain.js';

const tmp = scratch();
const VAULT = join(tmp.dir, 'matrix.vault');
const MEMBER: Record<Role, string> = { admin: 'Ada Admin', 'data-owner': 'Olu Owner', importer: 'Ivy Importer' };

/** A router over its own app service: one unlocked member, as in one desktop window or one CLI run. */
function client(): { route: Route; service: AppService; call: <C extends Channel>(c: C, r: Request<C>) => Promise<Response<C>> } {
  const service = new AppService({ kdf: TEST_KDF, keychain: fakeKeychain() });
  const route = createRouter(service);
  const call = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await route(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.code}: ${result.message}`);
    return result.value as Response<C>;
  };
  return { route, service, call };
}

const root = client();
const as = {} as Record<Role, ReturnType<typeof client>>;
const ids = { member: {} as Record<Role, string>, contacts: [] as string[], group: '', recipient: '', recoveryKey: '', n: 0 };
const CONSENT: Request<'consent.add'>['consent'] = {
  purpose: 'networking',
  channels: ['email'],
  obtainedAt: '2026-10-01',
  method: 'form',
  wording: 'Yes, invite me to your engineering meetups by email.',
  wordingVersion: 'v1',
  proof: 'Sign-up form submission 1042',
};
const CONSENT_CSV = join(tmp.dir, 'consents.csv');
const WITHDRAWN_PURPOSES: ('events' | 'recruitment' | 'account-management')[] = ['events', 'recruitment', 'account-management'];
const next = () => ++ids.n;
const unusedContact = () => ids.contacts.pop()!; // contacts[0] stays for show, access and holds

/**
 * Who may call what, written out again here on purpose: the test holds the product's promise, so loosening the
 * access table (src/api/access.ts) fails it instead of silently moving the expectations with it.
 */
const EXPECTED: { [C in Channel]: 'open' | 'member' | Role[] } = {
  'vault.status': 'open',
  'vault.create': 'open',
  'vault.unlock': 'open',
  'vault.recover': 'open',
  'vault.lock': 'open',
  'vault.keychainStatus': 'member',
  'vault.keychainEnable': 'member',
  'vault.keychainDisable': 'member',
  'vault.unlockKeychain': 'open',
  'task.cancel': 'open',
  'home.summary': 'member',
  'file.inspect': 'open',
  'import.preview': ['importer'],
  'import.commit': ['importer'],
  'members.list': ['admin'],
  'members.add': ['admin'],
  'members.remove': ['admin'],
  'members.setRoles': ['admin'],
  'members.changePassphrase': 'member',
  'groups.list': ['data-owner', 'admin'],
  'groups.add': ['data-owner'],
  'groups.remove': ['data-owner'],
  'groups.update': ['data-owner'],
  'groups.reorder': ['data-owner'],
  'policy.check': ['data-owner'],
  'policy.assign': ['data-owner'],
  'contacts.list': ['data-owner', 'admin'],
  'contacts.show': ['data-owner', 'admin'],
  'contacts.access': ['data-owner', 'admin'],
  'contacts.review': ['data-owner', 'admin'],
  'contacts.erase': ['admin'],
  'suppression.add': ['data-owner', 'admin'],
  'suppression.list': ['data-owner', 'admin'],
  'suppression.lift': ['admin'],
  'consent.add': ['data-owner'],
  'consent.import': ['data-owner'],
  'consent.list': ['data-owner', 'admin'],
  'consent.withdraw': ['data-owner', 'admin'],
  'consent.confirm': ['data-owner'],
  'notices.list': ['data-owner', 'admin'],
  'notices.text': ['data-owner', 'admin'],
  'notices.markSent': ['data-owner'],
  'notices.exempt': ['data-owner'],
  'notices.confirm': ['data-owner'],
  'recipients.add': ['data-owner', 'admin'],
  'recipients.list': ['data-owner', 'admin'],
  'disclosures.list': ['data-owner', 'admin'],
  'art19.list': ['data-owner', 'admin'],
  'art19.done': ['admin'],
  'controller.show': ['data-owner', 'admin'],
  'controller.set': ['admin'],
  'subscribers.list': ['data-owner', 'admin'],
  'subscribers.confirm': ['data-owner'],
  'softOptIn.add': ['data-owner'],
  'tps.record': ['data-owner', 'admin'],
  'tps.list': ['data-owner', 'admin'],
  'retention.list': ['data-owner', 'admin'],
  'retention.set': ['admin'],
  'retention.default': ['admin'],
  'retention.remove': ['admin'],
  'retention.schedule': ['data-owner', 'admin'],
  'holds.list': ['admin'],
  'holds.place': ['admin'],
  'holds.lift': ['admin'],
  'quarantine.set': ['admin'],
  'destruction.dryRun': ['admin'],
  'destruction.run': ['admin'],
  'destruction.unattended': 'open',
  'tokens.create': ['admin'],
  'tokens.list': ['admin'],
  'tokens.revoke': ['admin'],
  'certificates.list': ['admin'],
  'certificates.show': ['admin'],
  'certificates.verify': 'open',
  'audit.entries': ['admin'],
  'audit.verify': ['admin'],
  'audit.export': ['admin'],
  'export.crm': ['data-owner'],
  'export.preview': ['data-owner'],
  'report.art30': ['data-owner', 'admin'],
};

type Samples = { [C in Channel]: () => Promise<Request<C>> | Request<C> };
const SAMPLES: Samples = {
  'vault.status': () => ({}),
  'vault.create': () => ({ path: join(tmp.dir, `new-${next()}.vault`), name: 'Newcomer', passphrase: PASSPHRASE }),
  'vault.unlock': () => ({ path: VAULT, name: 'Root Admin', passphrase: PASSPHRASE }),
  'vault.recover': () => ({ path: VAULT, recoveryKey: ids.recoveryKey, name: 'Root Admin', newPassphrase: PASSPHRASE }),
  'vault.lock': () => ({}),
  'vault.keychainStatus': () => ({}),
  'vault.keychainEnable': () => ({ passphrase: PASSPHRASE }),
  'vault.keychainDisable': () => ({}),
  // Root Admin turns the keychain unlock on first; every client shares one fake OS keychain (one computer).
  'vault.unlockKeychain': async () => (await root.call('vault.keychainEnable', { passphrase: PASSPHRASE }), { path: VAULT, name: 'Root Admin' }),
  'task.cancel': () => ({}),
  'home.summary': () => ({}),
  'file.inspect': () => ({ path: fixture('connections-tricky.csv') }),
  'import.preview': () => ({ path: fixture('connections-tricky.csv') }),
  'import.commit': () => ({ path: fixture('connections-tricky.csv'), choices: {} }),
  'members.list': () => ({}),
  'members.add': () => ({ name: `Member ${next()}`, roles: ['importer'], passphrase: PASSPHRASE }),
  'members.remove': async () => ({ memberId: (await root.call('members.add', { name: `Leaver ${next()}`, roles: ['importer'], passphrase: PASSPHRASE })).id }),
  'members.setRoles': async () => ({ memberId: (await root.call('members.add', { name: `Mover ${next()}`, roles: ['importer'], passphrase: PASSPHRASE })).id, roles: ['data-owner'] }),
  'members.changePassphrase': () => ({ current: PASSPHRASE, next: PASSPHRASE }),
  'groups.list': () => ({}),
  'groups.add': () => ({ label: `Group ${next()}`, rule: { type: 'email-kind', kind: 'none' } }),
  'groups.remove': async () => ({ groupId: (await root.call('groups.add', { label: `Short-lived ${next()}`, rule: { type: 'email-kind', kind: 'none' } })).id }),
  'groups.update': () => ({ groupId: ids.group, label: `Analytical Engines ${next()}` }),
  'groups.reorder': () => ({ groupId: ids.group, position: 1, confirm: true }),
  'policy.check': () => ({ groupId: ids.group, policy: LI_POLICY }),
  'policy.assign': () => ({ groupId: ids.group, policy: LI_POLICY, acknowledgeWarnings: true }),
  'contacts.list': () => ({}),
  'contacts.show': () => ({ contactId: ids.contacts[0]! }),
  'contacts.access': () => ({ contactId: ids.contacts[0]! }),
  'contacts.review': () => ({ contactIds: [ids.contacts[0]!] }),
  'contacts.erase': () => ({ contactId: unusedContact() }),
  'suppression.add': () => ({ email: `objector-${next()}@example.com` }),
  'suppression.list': () => ({}),
  'suppression.lift': async () => ({ suppressionId: (await root.call('suppression.add', { email: `lifted-${next()}@example.com` })).suppressionId, reason: 'Recorded by mistake' }),
  'consent.add': () => ({ person: { contactId: ids.contacts[0]! }, consent: { ...CONSENT, wordingVersion: `v${next()}` } }),
  'consent.import': () => ({ path: CONSENT_CSV, dryRun: true }),
  'consent.list': () => ({}),
  // A fresh consent each time, for a purpose not yet withdrawn (a withdrawal suppresses its purpose for the person).
  'consent.withdraw': async () => {
    const purpose = WITHDRAWN_PURPOSES[next() % WITHDRAWN_PURPOSES.length]!;
    WITHDRAWN_PURPOSES.splice(WITHDRAWN_PURPOSES.indexOf(purpose), 1);
    return { consentId: (await root.call('consent.add', { person: { contactId: ids.contacts[0]! }, consent: { ...CONSENT, purpose } })).consentId, method: 'reply' };
  },
  'consent.confirm': () => ({ groupId: ids.group }),
  'notices.list': () => ({}),
  'notices.text': () => ({ groupId: ids.group }),
  'notices.markSent': () => ({ target: { contactIds: [ids.contacts[0]!] }, sentOn: '2026-11-01', version: 'v1', channel: 'email' }),
  'notices.exempt': () => ({ target: { contactIds: [ids.contacts[0]!] }, ground: 'already-informed', decidedOn: '2026-11-01', reason: 'The person received our notice in person at the meetup on this date.' }),
  'notices.confirm': () => ({ groupId: ids.group }),
  'recipients.add': () => ({ name: `Mailing tool ${next()}`, role: 'controller', hostingRegion: 'UK', transfer: 'none' }),
  'recipients.list': () => ({}),
  'disclosures.list': () => ({}),
  'art19.list': () => ({}),
  'art19.done': async () => {
    // An exported person erased: the recipient must be told (Art. 19).
    const contactId = unusedContact();
    await root.call('notices.markSent', { target: { contactIds: [contactId] }, sentOn: '2026-11-01', version: 'v1', channel: 'email' });
    await root.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId: ids.recipient });
    const { art19Tasks } = await root.call('contacts.erase', { contactId });
    return { taskId: art19Tasks[0]?.taskId ?? '00000000-0000-4000-8000-000000000000' };
  },
  'controller.show': () => ({}),
  'controller.set': () => ({ name: 'Analytical Engines Ltd', contact: '1 Engine Row, London; privacy@analytical-engines.example', dpo: 'The DPO, dpo@analytical-engines.example' }),
  'subscribers.list': () => ({}),
  'subscribers.confirm': () => ({ company: 'Analytical Engines Ltd', entity: 'company', companyNumber: '01234567' }),
  'softOptIn.add': () => ({ person: { contactId: ids.contacts[0]! }, channels: ['email'], obtainedAt: '2026-10-01', context: 'sale', products: 'Engine maintenance plans', refusalOffered: 'An opt-out box on the order form' }),
  'tps.record': () => ({ screenedOn: '2026-10-01', list: 'both', listVersion: 'TPS and CTPS files of 1 October 2026' }),
  'tps.list': () => ({}),
  'retention.list': () => ({}),
  'retention.set': () => ({ policy: { scope: { type: 'basis', basis: 'consent' }, months: 24, anchor: 'imported', rationale: 'Consent is refreshed at our biennial conference' } }),
  // Longer than the default it replaces: brings nothing forward, so needs no confirmation.
  'retention.default': () => ({ months: 36, anchor: 'last-review' }),
  'retention.remove': async () => {
    await root.call('retention.set', { policy: { scope: { type: 'basis', basis: 'contract' }, months: 12, anchor: 'imported', rationale: 'The contract term plus time for claims' } });
    return { scope: { basis: 'contract' } };
  },
  'retention.schedule': () => ({}),
  'holds.list': () => ({}),
  'holds.place': () => ({ contactId: ids.contacts[0]!, reason: 'A claim is expected about this contact' }),
  'holds.lift': async () => ({ holdId: (await root.call('holds.place', { contactId: ids.contacts[0]!, reason: 'Placed to be lifted' })).holdId }),
  'quarantine.set': () => ({ days: 45 }),
  'destruction.dryRun': () => ({}),
  'destruction.run': () => ({}),
  'destruction.unattended': async () => ({ path: VAULT, token: (await root.call('tokens.create', {})).token, dryRun: true }),
  'tokens.create': () => ({}),
  'tokens.list': () => ({}),
  'tokens.revoke': async () => ({ tokenId: (await root.call('tokens.create', {})).id }),
  'certificates.list': () => ({}),
  'certificates.show': async () => ({ certificateId: (await root.call('contacts.erase', { contactId: unusedContact() })).certificate.id }),
  'certificates.verify': async () => ({ path: VAULT, certificate: (await root.call('contacts.erase', { contactId: unusedContact() })).certificate }),
  'audit.entries': () => ({}),
  'audit.verify': () => ({}),
  'audit.export': () => ({ format: 'csv' }),
  'export.crm': () => ({ channels: ['email'], directMarketing: false, purpose: 'networking', recipientId: ids.recipient }),
  'export.preview': () => ({ channels: ['email'], directMarketing: false, purpose: 'networking' }),
  'report.art30': () => ({ controller: 'Analytical Engines Ltd' }),
};

beforeAll(async () => {
  const created = await root.call('vault.create', { path: VAULT, name: 'Root Admin', passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
  ids.recoveryKey = created.recoveryKey;
  for (const role of ROLES) ids.member[role] = (await root.call('members.add', { name: MEMBER[role], roles: [role], passphrase: PASSPHRASE })).id;
  await root.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
  // More people, so that every sample that erases someone (erase, certificates, Art. 19 tasks) has one of its own.
  await root.call('import.commit', { path: fixture('connections-current.csv'), choices: { strip: ['special-category'] } });
  ids.contacts = (await allContacts(root.call)).map((c) => c.id);
  ids.group = (await root.call('groups.add', { label: 'Analytical Engines', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } })).id;
  // The whole vault is one networking group, so that an export carries people (and an erasure leaves Art. 19 tasks).
  const everyone = (await root.call('groups.add', { label: 'Everyone else', rule: { type: 'connected-year', from: 1900, to: 2100 }, confirm: true })).id;
  const madePublic = { art9Condition: 'made-public-by-data-subject', art9Justification: 'They state these roles publicly on their own LinkedIn profiles', art9MadePublicWhere: 'The headlines of their own LinkedIn profiles' };
  await root.call('policy.assign', { groupId: everyone, policy: { ...LI_POLICY, ...madePublic }, acknowledgeWarnings: true, confirm: true });
  ids.recipient = (await root.call('recipients.add', { name: 'Meetup mailer', role: 'processor', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none' })).recipientId;
  await root.call('controller.set', { name: 'Analytical Engines Ltd', contact: 'privacy@analytical-engines.example' });
  writeFileSync(CONSENT_CSV, 'email,purpose,channels,obtained_at,method,wording,wording_version,proof\nada@analytical-engines.example,networking,email,2026-10-01,form,Yes invite me,v1,form 7\n');
  for (const role of ROLES) {
    as[role] = client();
    await as[role].call('vault.unlock', { path: VAULT, name: MEMBER[role], passphrase: PASSPHRASE });
  }
});
afterAll(() => {
  root.service.close();
  for (const role of ROLES) as[role]?.service.close();
});

const audited = async (afterSeq: number) => auditLog(root, { afterSeq });
const head = async () => (await root.call('audit.verify', {})).entries;

describe.each(CHANNEL_NAMES)('%s', (channel) => {
  const allowed = rolesFor(channel);
  it('is open to exactly the roles the product promises', () => {
    const expected = EXPECTED[channel];
    expect(ACCESS[channel].access === 'open' ? 'open' : ACCESS[channel].access === 'member' ? 'member' : [...(allowed ?? [])].sort()).toEqual(
      typeof expected === 'string' ? expected : [...expected].sort(),
    );
  });
  it.each(ROLES)('as a member who is only %s', async (role) => {
    const request = await SAMPLES[channel]();
    if (allowed === null) {
      // Open channels need no session: they answer the same whoever asks, so each is called on a fresh client.
      const fresh = client();
      try {
        const result = await fresh.route(channel, request);
        if (channel === 'vault.recover' && result.ok) ids.recoveryKey = (result.value as Response<'vault.recover'>).recoveryKey;
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      } finally {
        fresh.service.close();
      }
      return;
    }
    const before = await head();
    const result = await as[role].route(channel, request);
    const added = (await audited(before)).filter((e) => e.member === ids.member[role]);
    if (allowed.includes(role)) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(added.every((e) => e.outcome === 'success')).toBe(true);
      expect(added.map((e) => e.action), 'the success is audited under the channel’s action').toContain(ACCESS[channel].action);
    } else {
      const names = allowed.map((r) => ROLE_NAMES[r]).join(' or ');
      expect(result).toEqual({ ok: false, code: 'wrong-role', message: expect.stringMatching(new RegExp(`^Only ${names} can do this .*; you are ${ROLE_NAMES[role]}\\.$`)) });
      expect(added).toEqual([expect.objectContaining({ action: ACCESS[channel].action, outcome: 'refused', details: { reason: 'wrong-role' } })]);
    }
  });
});

describe('after the matrix', () => {
  it('every channel was refused to exactly the roles the table leaves out, and the chain verifies', async () => {
    const entries = await audited(0);
    const refused = entries.filter((e) => e.outcome === 'refused' && e.details.reason === 'wrong-role');
    const expected = CHANNEL_NAMES.reduce((n, c) => n + ROLES.filter((r) => !(rolesFor(c) ?? ROLES).includes(r)).length, 0);
    expect(refused).toHaveLength(expected);
    expect(await root.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('authorisation comes before validation, and an invalid request from an allowed member is audited too', async () => {
    const before = await head();
    expect(await as.importer.route('contacts.show', { contactId: 'not-an-id' })).toMatchObject({ ok: false, code: 'wrong-role' });
    const invalid = await as.admin.route('quarantine.set', { days: 0 });
    expect(invalid).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/^The request is not valid: days: /) });
    expect((await audited(before)).filter((e) => e.outcome === 'refused')).toEqual([
      expect.objectContaining({ member: ids.member.importer, action: 'contact-show', details: { reason: 'wrong-role' } }),
      expect.objectContaining({ member: ids.member.admin, action: 'quarantine-set', details: { reason: 'invalid' } }),
    ]);
  });

  it('a member removed while their session is open loses it at once, and the refusal is audited', async () => {
    const bob = await root.call('members.add', { name: 'Bob Owner', roles: ['data-owner'], passphrase: PASSPHRASE });
    const asBob = client();
    await asBob.call('vault.unlock', { path: VAULT, name: 'Bob Owner', passphrase: PASSPHRASE });
    expect(await asBob.route('groups.list', {})).toMatchObject({ ok: true });
    await root.call('members.remove', { memberId: bob.id });
    expect(await asBob.route('groups.list', {})).toEqual({ ok: false, code: 'locked', message: expect.stringMatching(/membership of this vault was removed/) });
    expect((await audited(0)).filter((e) => e.member === bob.id).at(-1)).toMatchObject({ member: bob.id, action: 'group-list', outcome: 'refused', details: { reason: 'locked' } });
    expect(await asBob.route('vault.unlock', { path: VAULT, name: 'Bob Owner', passphrase: PASSPHRASE })).toMatchObject({ ok: false, code: 'wrong-secret' });
    asBob.service.close();
  });

  it('the last admin can neither be removed nor lose the admin role', async () => {
    const solo = client();
    const path = join(tmp.dir, 'solo.vault');
    const created = await solo.call('vault.create', { path, name: 'Only Admin', passphrase: PASSPHRASE, roles: ['admin'] });
    expect(await solo.route('members.remove', { memberId: created.member.id })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/last admin/) });
    expect(await solo.route('members.setRoles', { memberId: created.member.id, roles: ['data-owner'] })).toMatchObject({ ok: false, code: 'conflict' });
    const second = await solo.call('members.add', { name: 'Second Admin', roles: ['admin'], passphrase: PASSPHRASE });
    expect(await solo.route('members.setRoles', { memberId: created.member.id, roles: ['data-owner'] })).toMatchObject({ ok: true, value: { roles: ['data-owner'] } });
    // Roles are read again per request: the demoted admin can no longer list members.
    expect(await solo.route('members.list', {})).toMatchObject({ ok: false, code: 'wrong-role' });
    expect(second.roles).toEqual(['admin']);
    solo.service.close();
  });
});
