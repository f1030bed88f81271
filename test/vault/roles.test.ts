// Acceptance: least privilege. For every use case and every single role, a member holding only that role either
// succeeds (an allowed role) or is refused with 'wrong-role' and a message naming the roles that may; every
// success and every refusal is in the audit log, under the member, and the chain still verifies. Also: the last
// admin cannot be removed, and a removed member can no longer unlock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/shared/errors.js';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import type { Role } from '../../src/shared/vocabulary.js';
import type { Session } from '../../src/vault/session.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { getContact, listContacts } from '../../src/app/use-cases/contacts.js';
import { addGroup, assignPolicy, checkPolicy, listGroups, overdueNotices, removeGroup } from '../../src/app/use-cases/groups.js';
import { addMember, listAllMembers, removeMemberById } from '../../src/app/use-cases/members.js';
import { setQuarantineDays } from '../../src/app/use-cases/settings.js';
import type { Vault } from '../../src/vault/vault.js';
import { fixture, scratch } from '../support/fixtures.js';
import { newVault, PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
const ROLES: Role[] = ['admin', 'data-owner', 'importer'];
const NAMES: Record<Role, string> = { admin: 'an admin', 'data-owner': 'a data owner', importer: 'an importer' };
const MEMBER: Record<Role, string> = { admin: 'Ada Admin', 'data-owner': 'Olu Owner', importer: 'Ivy Importer' };

const POLICY = {
  basis: 'legitimate-interests',
  purpose: 'networking',
  purposeDescription: 'Invitations to our engineering meetups for these people.',
  evidence: {
    purposeTest: 'Keeping in touch with engineers we met at conferences about our shared field.',
    necessityTest: 'An invitation a few times a year is the least intrusive way to keep in touch with them.',
    balancingTest: 'Professional contacts expect such invitations; the impact on them is low and opt-out is easy.',
    optOut: 'Reply to any invitation to be left out of the next ones',
    assessedAt: '2025-01-10',
    assessedBy: 'The data protection lead',
  },
  art14Notice: { status: 'sent', date: '2025-01-15', method: 'Email with our privacy notice' },
};

interface Ctx {
  vault: Vault;
  as: Record<Role, Session>;
  contactId: string;
}

interface UseCase {
  action: string;
  allowed: Role[];
  /** Arrange what the call needs (with privileged sessions; audited too, before the call is measured). */
  arrange?: (ctx: Ctx) => Promise<string> | string;
  run: (s: Session, ctx: Ctx, arranged: string) => Promise<unknown> | unknown;
}

let victims = 0;
const USE_CASES: UseCase[] = [
  {
    action: 'member-add',
    allowed: ['admin'],
    run: (s) => addMember(s, { name: `New Member ${++victims}`, roles: ['importer'], passphrase: 'a long enough passphrase' }),
  },
  { action: 'member-list', allowed: ['admin'], run: (s) => listAllMembers(s) },
  {
    action: 'member-remove',
    allowed: ['admin'],
    arrange: async (ctx) => (await addMember(ctx.as.admin, { name: `Leaving Member ${++victims}`, roles: ['importer'], passphrase: 'a long enough passphrase' })).id,
    run: (s, _ctx, id) => removeMemberById(s, id),
  },
  { action: 'import-commit', allowed: ['importer'], run: (s) => commitImport(s, fixture('connections-current.csv'), {}) },
  { action: 'group-list', allowed: ['data-owner', 'admin'], run: (s) => listGroups(s) },
  { action: 'group-add', allowed: ['data-owner'], run: (s) => addGroup(s, 'Engineers', { type: 'position-keyword', keywords: ['engineer'] }) },
  {
    action: 'group-remove',
    allowed: ['data-owner'],
    arrange: (ctx) => addGroup(ctx.as['data-owner'], 'Short-lived group', { type: 'email-kind', kind: 'none' }).id,
    run: (s, _ctx, id) => removeGroup(s, id),
  },
  {
    action: 'policy-check',
    allowed: ['data-owner'],
    arrange: (ctx) => addGroup(ctx.as['data-owner'], 'Checked group', { type: 'company', companies: ['Analytical Engines Ltd'] }).id,
    run: (s, _ctx, id) => checkPolicy(s, id, POLICY),
  },
  {
    action: 'policy-assign',
    allowed: ['data-owner'],
    arrange: (ctx) => addGroup(ctx.as['data-owner'], 'Assigned group', { type: 'company', companies: ['Analytical Engines Ltd'] }).id,
    run: (s, _ctx, id) => assignPolicy(s, id, POLICY, { acknowledgeWarnings: true }),
  },
  { action: 'contact-list', allowed: ['data-owner', 'admin'], run: (s) => listContacts(s) },
  { action: 'contact-show', allowed: ['data-owner', 'admin'], run: (s, ctx) => getContact(s, ctx.contactId) },
  { action: 'quarantine-set', allowed: ['admin'], run: (s) => setQuarantineDays(s, 45) },
  { action: 'art14-overdue', allowed: ['data-owner', 'admin'], run: (s) => overdueNotices(s) },
  {
    action: 'audit-verify',
    allowed: ['admin'],
    run: (s) => s.perform('audit-verify', ['admin'], () => ({ value: s.vault.audit.verify(), details: {} })),
  },
];

let ctx: Ctx;
beforeAll(async () => {
  // The vault's creator (always an admin) adds one member per role, each holding that role only.
  const { vault, session } = await newVault(tmp.dir, { name: 'Root Admin', roles: ['admin'] });
  for (const role of ROLES) await addMember(session, { name: MEMBER[role], roles: [role], passphrase: PASSPHRASE });
  const as = {} as Record<Role, Session>;
  for (const role of ROLES) as[role] = await vault.unlock(MEMBER[role], PASSPHRASE);
  for (const role of ROLES) expect(as[role].roles).toEqual([role]);
  await commitImport(as.importer, fixture('connections-tricky.csv'), {});
  const contactId = (vault.db.prepare('SELECT id FROM contacts LIMIT 1').get() as { id: string }).id;
  ctx = { vault, as, contactId };
});
afterAll(() => ctx?.vault.close());

describe.each(USE_CASES)('$action (allowed: $allowed)', (useCase) => {
  it.each(ROLES)('as a member who is only %s', async (role) => {
    const session = ctx.as[role];
    const arranged = useCase.arrange ? await useCase.arrange(ctx) : '';
    const head = ctx.vault.audit.head().seq;
    let error: unknown = null;
    try {
      await useCase.run(session, ctx, arranged);
    } catch (err) {
      error = err;
    }
    const added: AuditEntry[] = ctx.vault.audit.entries({ afterSeq: head });
    if (useCase.allowed.includes(role)) {
      // Allowed: it succeeds (every call here is set up to succeed), and the success is audited under the member.
      expect(error).toBeNull();
      expect(added).toEqual([expect.objectContaining({ member: session.memberId, action: useCase.action, outcome: 'success' })]);
    } else {
      expect(error).toBeInstanceOf(ServiceError);
      const err = error as ServiceError;
      expect(err.code).toBe('wrong-role');
      for (const r of useCase.allowed) expect(err.message).toContain(NAMES[r]);
      expect(err.message).toMatch(new RegExp(`^Only ${useCase.allowed.map((r) => NAMES[r]).join(' or ')} can do this .*; you are ${NAMES[role]}\\.$`));
      expect(added).toEqual([
        expect.objectContaining({ member: session.memberId, action: useCase.action, outcome: 'refused', details: { reason: 'wrong-role' } }),
      ]);
    }
  });
});

describe('after the matrix', () => {
  it('every refusal and success is in the log and the chain verifies', () => {
    const entries = ctx.vault.audit.entries({ limit: 100_000 });
    const refused = entries.filter((e) => e.outcome === 'refused' && e.details.reason === 'wrong-role');
    const expectedRefusals = USE_CASES.reduce((n, u) => n + ROLES.filter((r) => !u.allowed.includes(r)).length, 0);
    expect(refused).toHaveLength(expectedRefusals);
    expect(ctx.vault.audit.verify()).toMatchObject({ ok: true });
  });

  it('an importer cannot read contacts; an admin who is not a data owner cannot assign a lawful basis', () => {
    expect(() => listContacts(ctx.as.importer)).toThrow(/Only a data owner or an admin can do this/);
    expect(() => assignPolicy(ctx.as.admin, ctx.contactId, POLICY)).toThrow(/Only a data owner can do this/);
  });
});

describe('members', () => {
  it('the last admin cannot be removed, and the refusal is audited', async () => {
    const { vault, session } = await newVault(tmp.dir, { roles: ['admin'] });
    try {
      const owner = await addMember(session, { name: 'Owen Owner', roles: ['data-owner'], passphrase: PASSPHRASE });
      const head = vault.audit.head().seq;
      let error: unknown;
      try {
        removeMemberById(session, session.memberId);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/last admin/) });
      expect(vault.audit.entries({ afterSeq: head })).toEqual([
        expect.objectContaining({ action: 'member-remove', outcome: 'refused', details: { reason: 'conflict' } }),
      ]);
      await expect(vault.unlock('Alice Admin', PASSPHRASE)).resolves.toBeDefined(); // still a member
      // With a second admin, the first may go.
      const second = await addMember(session, { name: 'Second Admin', roles: ['admin'], passphrase: PASSPHRASE });
      const asSecond = await vault.unlock('Second Admin', PASSPHRASE);
      removeMemberById(asSecond, session.memberId);
      expect(() => removeMemberById(asSecond, second.id)).toThrow(/last admin/);
      expect(listAllMembers(asSecond).map((m) => m.id).sort()).toEqual([owner.id, second.id].sort());
    } finally {
      vault.close();
    }
  });

  it('a removed member can no longer unlock', async () => {
    const { vault, session } = await newVault(tmp.dir);
    try {
      const bob = await addMember(session, { name: 'Bob Importer', roles: ['importer'], passphrase: 'bob’s own long passphrase' });
      await expect(vault.unlock('Bob Importer', 'bob’s own long passphrase')).resolves.toMatchObject({ memberId: bob.id });
      removeMemberById(session, bob.id);
      await expect(vault.unlock('Bob Importer', 'bob’s own long passphrase')).rejects.toMatchObject({ code: 'wrong-secret' });
      expect(vault.db.prepare('SELECT count(*) AS n FROM key_slots WHERE member_id = ?').get(bob.id)).toEqual({ n: 0 });
      expect(vault.audit.entries().at(-1)).toMatchObject({ action: 'unlock', outcome: 'refused', details: { reason: 'wrong-secret' } });
      // A new member may take the same name, and is a different member.
      const again = await addMember(session, { name: 'Bob Importer', roles: ['importer'], passphrase: 'a different passphrase' });
      expect(again.id).not.toBe(bob.id);
      await expect(vault.unlock('Bob Importer', 'bob’s own long passphrase')).rejects.toMatchObject({ code: 'wrong-secret' });
      expect(vault.audit.verify().ok).toBe(true);
    } finally {
      vault.close();
    }
  });

  it('a member removed while their session is open loses it at once, and the refusal is audited', async () => {
    const { vault, session } = await newVault(tmp.dir);
    try {
      const bob = await addMember(session, { name: 'Bob Owner', roles: ['data-owner'], passphrase: 'bob’s own long passphrase' });
      const asBob = await vault.unlock('Bob Owner', 'bob’s own long passphrase');
      expect(listGroups(asBob).groups).toEqual([]);
      removeMemberById(session, bob.id);
      expect(() => listGroups(asBob)).toThrow(expect.objectContaining({ code: 'locked', message: expect.stringMatching(/membership of this vault was removed/) }));
      expect(vault.audit.entries().at(-1)).toMatchObject({ member: bob.id, action: 'group-list', outcome: 'refused', details: { reason: 'locked' } });
      expect(() => listGroups(asBob)).toThrow(expect.objectContaining({ code: 'locked' }));
    } finally {
      vault.close();
    }
  });
});
