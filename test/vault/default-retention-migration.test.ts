// Acceptance (issue 11): schema 7 gives a vault made before it a default retention (24 months from the last review),
// and its first unlock dates every contact with a lawful basis that no policy covered (kept with no end until then),
// waiting for an admin to confirm the default, so that the upgrade itself makes nobody due unasked. Policies set before schema 7 have
// no rationale and say so. Tested from every earlier schema: a vault filled through the router, taken back to schema
// N by undoing each later migration on a copy (test/support/downgrade.ts), then unlocked by today's app.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/vault/migrations/migration.js';
import { allContacts } from '../support/contacts.js';
import { copyAtSchema, ranOnceAcrossUnlocks } from '../support/downgrade.js';
import { routedClients } from '../support/router-vault.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { PASSPHRASE } from '../support/vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const ORIGINAL = tmp.path('schema-7-original.vault');
const MEMBER = 'Olu Owner';
let clock = new Date('2026-12-01T10:00:00Z');
const RATIONALE = 'Our meetup seasons run for a year at most';

const clients = routedClients();
/** A client of a service on the test's clock (closed after each test, or by the test). */
const client = () => clients.client(() => clock);

const row = (first: string, last: string, email: string, company: string) =>
  `${first},${last},https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()},${email},${company},Engineer,10 Dec 2019`;

const atSchema = (version: number): string => copyAtSchema(ORIGINAL, tmp, version);

const ids = { meetups: '', partners: '' };

beforeAll(async () => {
  const { service, call } = client();
  await call('vault.create', { path: ORIGINAL, name: MEMBER, passphrase: PASSPHRASE, roles: ['admin', 'data-owner', 'importer'] });
  // Imported on 2026-12-01: Ada and Grace in a group with a basis and no policy; Mary at a partner with its own policy.
  await call('import.commit', { path: tmp.write([HEADER, row('Ada', 'Lovelace', 'ada@engines.example', 'Engines Ltd'), row('Grace', 'Hopper', 'grace@engines.example', 'Engines Ltd'), row('Mary', 'Somerville', 'mary@partner.example', 'Partner Ltd'), ''].join('\n')), choices: {} });
  ids.partners = (await call('groups.add', { label: 'Partners', rule: { type: 'company', companies: ['Partner Ltd'] }, confirm: true })).id;
  ids.meetups = (await call('groups.add', { label: 'Meetups', rule: { type: 'email-kind', kind: 'corporate' }, confirm: true })).id;
  for (const groupId of [ids.partners, ids.meetups]) await call('policy.assign', { groupId, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
  await call('retention.set', { policy: { scope: { type: 'group', groupId: ids.partners }, months: 12, anchor: 'imported', rationale: RATIONALE } });
  // Imported half a year later: its default date falls after the grace.
  clock = new Date('2027-06-01T10:00:00Z');
  await call('import.commit', { path: tmp.write([HEADER, row('Charles', 'Babbage', 'charles@engines.example', 'Engines Ltd'), ''].join('\n')), choices: {} });
  service.close();
});

describe('the migration to schema 7', () => {
  it('gives a vault with members the default retention and, when it holds contacts, marks the dates to be computed', () => {
    const path = atSchema(6);
    const db = new Database(path);
    expect(db.prepare("SELECT count(*) AS n FROM vault_meta WHERE key LIKE 'default_retention%'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM contacts WHERE expires_at IS NULL').get()).toEqual({ n: 3 }); // Ada, Grace, Charles
    migrate(db);
    const meta = Object.fromEntries((db.prepare("SELECT key, value FROM vault_meta WHERE key LIKE 'default_retention%' ORDER BY key").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    expect(meta).toEqual({ default_retention_anchor: 'last-review', default_retention_months: '24', default_retention_pending: '1' });
    expect(db.prepare('SELECT count(*) AS n FROM retention_policies WHERE rationale_ct IS NULL').get()).toEqual({ n: 1 });
    db.close();
  });

  it('marks nothing in an empty database, and gives it no default (a new vault writes its own)', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.prepare("SELECT count(*) AS n FROM vault_meta WHERE key LIKE 'default_retention%'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe.each([1, 2, 3, 4, 5, 6])('a vault of schema %i', (version) => {
  it('is dated at its first unlock: the default waits for an admin to confirm it; a policy of its own applies at once; audited once', async () => {
    const path = atSchema(version);
    clock = new Date('2028-11-20T10:00:00Z'); // Ada and Grace's 24 months end on 2028-12-01, within the grace
    const { service, call } = client();
    try {
      await call('vault.unlock', { path, name: MEMBER, passphrase: PASSPHRASE });
      const contacts = await allContacts(call);
      const due = (first: string) => contacts.find((c) => c.firstName === first)!.expiresAt;
      expect(contacts.every((c) => c.expiresAt !== null)).toBe(true);
      // Fires: a default the app chose makes nobody the vault already held due until an admin confirms it.
      expect(due('Ada')).toBe('9999-12-31T00:00:00.000Z');
      expect(due('Charles')).toBe('9999-12-31T00:00:00.000Z');
      // Does not fire: Mary's group has its own policy (12 months), which an admin set.
      if (version >= 2) expect(due('Mary')).toBe('2027-12-02T00:00:00.000Z');
      const access = JSON.parse((await call('contacts.access', { contactId: contacts.find((c) => c.firstName === 'Ada')!.id })).json) as { retention: { explanation: string } };
      expect(access.retention.explanation).toMatch(/the vault's default retention .*; not destroyed until an admin confirms the default retention \(retention default\)/);

      const list = await call('retention.list', {});
      expect(list.defaultRetention).toMatchObject({ months: 24, anchor: 'last-review', notBefore: '9999-12-31T00:00:00.000Z' });
      expect(list.defaultRetention.description).toMatch(/until an admin confirms it \(retention default\)$/);
      // Confirming it is a measured change: Ada and Grace, whose 24 months end on 2028-12-01, would be due soon.
      const measured = await call('retention.default', { months: 24, anchor: 'last-review', dryRun: true });
      expect(measured.applied).toBe(false);
      expect(measured.impact.dueWithin30Days).toBeGreaterThanOrEqual(2);
      expect(await call('retention.default', { months: 24, anchor: 'last-review' }).catch((e: Error) => e.message)).toMatch(/unconfirmed/);
      await call('retention.default', { months: 24, anchor: 'last-review', confirm: true });
      const confirmed = await allContacts(call);
      expect(confirmed.find((c) => c.firstName === 'Ada')!.expiresAt).toBe('2028-12-02T00:00:00.000Z');
      expect(confirmed.find((c) => c.firstName === 'Charles')!.expiresAt).toBe('2029-06-02T00:00:00.000Z');
      expect((await call('retention.list', {})).defaultRetention.notBefore).toBeNull();
      // A policy set before schema 7 has no rationale, and says so (a schema-1 vault had no policies at all).
      expect(list.policies).toEqual(
        version >= 2
          ? [{ policy: { scope: { type: 'group', groupId: ids.partners }, months: 12, anchor: 'imported' }, rationale: null, description: 'Group policy: 12 months from import. Why: no rationale recorded (set before schema 7)' }]
          : [],
      );

      const entries = await auditLog({ call });
      expect(entries.filter((e) => e.action === 'retention-carry-over')).toEqual([expect.objectContaining({ outcome: 'success', details: { contacts: 3 } })]);
      await ranOnceAcrossUnlocks(call, path, MEMBER, 'retention-carry-over');
    } finally {
      service.close();
    }
  });
});

it('a vault created at schema 7 has nothing to carry over and no grace: its contacts were dated when imported', async () => {
  const { service, call } = client();
  const path = tmp.path('fresh.vault');
  try {
    await call('vault.create', { path, name: MEMBER, passphrase: PASSPHRASE });
    await call('import.commit', { path: tmp.write([HEADER, row('Ada', 'Lovelace', 'ada@engines.example', 'Engines Ltd'), ''].join('\n')), choices: {} });
    await call('vault.lock', {});
    await call('vault.unlock', { path, name: MEMBER, passphrase: PASSPHRASE });
    expect((await auditLog({ call })).filter((e) => e.action === 'retention-carry-over')).toEqual([]);
    expect((await call('retention.list', {})).defaultRetention.notBefore).toBeNull();
  } finally {
    service.close();
  }
});
