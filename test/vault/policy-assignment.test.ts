// Assigning a lawful basis through the vault: blocking guardrails refuse, warnings need acknowledging, and only a
// group with a basis takes its contacts out of quarantine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/shared/errors.js';
import type { Session } from '../../src/vault/session.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { addGroup, assignPolicy, checkPolicy, listGroups } from '../../src/app/use-cases/groups.js';
import type { Vault } from '../../src/vault/vault.js';
import { allContactsOf } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LIA } from '../support/policies.js';
import { newVault } from '../support/vault.js';

const tmp = scratch();
let now = new Date('2026-11-29T10:00:00Z');
let vault: Vault;
let session: Session;
beforeAll(async () => {
  ({ vault, session } = await newVault(tmp.dir, { now: () => now }));
  await commitImport(session, fixture('connections-tricky.csv'), {});
});
afterAll(() => vault.close());

const lia = LIA;
const notice = { status: 'planned', date: '2026-12-15', method: 'Privacy notice in the first email' };

async function caught(fn: () => unknown): Promise<ServiceError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a ServiceError');
}

describe('assigning a lawful basis', () => {
  it('refuses consent that is only a LinkedIn connection', async () => {
    const group = addGroup(session, 'Work addresses', { type: 'email-kind', kind: 'corporate' });
    const policy = {
      basis: 'consent',
      purpose: 'email-marketing',
      purposeDescription: 'Monthly newsletter about payroll',
      evidence: { method: 'They accepted my LinkedIn connection request', obtainedAt: '2026-01-10', wording: 'Connected on LinkedIn', withdrawalRoute: 'Unsubscribe link' },
      art14Notice: notice,
    };
    expect(checkPolicy(session, group.id, policy).guardrails.map((g) => [g.id, g.severity])).toContainEqual(['linkedin-connection-not-consent', 'block']);
    const err = await caught(() => assignPolicy(session, group.id, policy));
    expect(err.code).toBe('guardrail');
    expect(err.message).toMatch(/LinkedIn connection is not consent/);
    expect(listGroups(session).groups[0]!.policy).toBeNull();
  });

  it('warns about individual subscribers under legitimate interests, saves once acknowledged, and releases the group from quarantine', async () => {
    const group = addGroup(session, 'Personal mailboxes', { type: 'email-kind', kind: 'personal' });
    const policy = { basis: 'legitimate-interests', purpose: 'email-marketing', purposeDescription: 'Payroll offers by email', evidence: lia, art14Notice: notice };
    const err = await caught(() => assignPolicy(session, group.id, policy));
    expect(err).toMatchObject({ code: 'guardrail', message: expect.stringMatching(/^Acknowledge these warnings.*PECR reg\. 22/) });
    const { guardrails } = assignPolicy(session, group.id, policy, { acknowledgeWarnings: true });
    expect(guardrails.map((g) => g.id)).toContain('pecr-individual-subscribers');
    const members = allContactsOf(session, { groupId: group.id });
    expect(members.map((c) => c.lastName)).toEqual(['Hopper']);
    // No retention policy: the vault's default, 24 months from the last review (never reviewed: from import).
    expect(members[0]).toMatchObject({ usable: true, expiresAt: '2028-11-30T00:00:00.000Z' });
  });

  it('blocks special-category contacts without an Art. 9 condition, and accepts one with it', async () => {
    const group = addGroup(session, 'Union and faith roles', { type: 'position-keyword', keywords: ['union', 'pastor'] });
    const policy = { basis: 'legitimate-interests', purpose: 'networking', purposeDescription: 'Keeping in touch with sector contacts', evidence: lia, art14Notice: notice };
    const err = await caught(() => assignPolicy(session, group.id, policy));
    expect(err.message).toMatch(/special-category data.*Art\. 9\(2\) condition/);
    const withArt9 = { ...policy, art9Condition: 'made-public-by-data-subject', art9Justification: 'They state these roles publicly on their own LinkedIn profiles', art9MadePublicWhere: 'The headlines of their own LinkedIn profiles' };
    expect(() => assignPolicy(session, group.id, withArt9, { acknowledgeWarnings: true })).not.toThrow();
  });

  it('gives a readable error for missing evidence', async () => {
    const group = listGroups(session).groups[0]!;
    const err = await caught(() => assignPolicy(session, group.id, { basis: 'legitimate-interests', purpose: 'prospecting', purposeDescription: 'Prospecting for payroll', evidence: { ...lia, balancingTest: '' }, art14Notice: notice }));
    expect(err).toMatchObject({ code: 'invalid', message: expect.stringMatching(/evidence\.balancingTest: the balancing test/) });
  });

  it('lists every group with people not told once a month has passed since their import, whatever its basis (Art. 14(3)(a))', () => {
    expect(listGroups(session).overdue).toEqual([]);
    now = new Date('2027-01-05T10:00:00Z');
    // A group's plan ("sent") vouches for nobody: each person is told, and recorded, individually.
    expect(listGroups(session).overdue.map((o) => o.label).sort()).toEqual(['Personal mailboxes', 'Union and faith roles', 'Work addresses']);
  });
});

describe('bases that fit the purpose (UK GDPR Art. 6(1)(b)-(e))', () => {
  it('refuses contract for cold prospecting, with the reason and the rule; accepts it for account management', async () => {
    const group = addGroup(session, 'Clients', { type: 'company', companies: ['Nobody Ltd'] });
    const contract = {
      basis: 'contract',
      purpose: 'prospecting',
      purposeDescription: 'Offering our payroll service to these people',
      evidence: { contract: 'Our standard terms, which they may sign one day', necessity: 'We need to reach them to sell to them.' },
    };
    const err = await caught(() => assignPolicy(session, group.id, contract, { acknowledgeWarnings: true }));
    expect(err).toMatchObject({ code: 'guardrail', message: expect.stringContaining('UK GDPR Art. 6(1)(b); ICO lawful basis guidance (contract)') });
    expect(err.message).toContain('a contract the person is a party to, or for steps they asked you to take before entering one');
    expect(() => assignPolicy(session, group.id, { ...contract, purpose: 'account-management' }, { acknowledgeWarnings: true })).not.toThrow();
  });

  it('refuses vital interests for marketing outright, however long the justification', async () => {
    const group = addGroup(session, 'Event guests', { type: 'company', companies: ['Nobody At All Ltd'] });
    const vital = {
      basis: 'vital-interests',
      purpose: 'events',
      purposeDescription: 'Invitations to our payroll breakfast',
      evidence: { justification: 'A long and earnest justification that runs well past forty characters, to no avail.' },
    };
    const err = await caught(() => assignPolicy(session, group.id, vital, { acknowledgeWarnings: true }));
    expect(err).toMatchObject({ code: 'guardrail', message: expect.stringContaining('marketing does not protect anyone’s life') });
    // Not firing outright: networking is outreach, not marketing, and only warns with a full justification.
    expect(() => assignPolicy(session, group.id, { ...vital, purpose: 'networking' }, { acknowledgeWarnings: true })).not.toThrow();
  });
});
