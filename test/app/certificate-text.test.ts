// A certificate as a DPO reads it (certificates.show): the groups by their labels, the member by name, the basis and
// the dates in words, the counts with separators; the ids stay beside the names, for whoever checks them.
import { describe, expect, it } from 'vitest';
import { allContacts } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';

const tmp = scratch();
const { vault } = routedClients();

describe('a certificate in words', () => {
  it('names the group, the member and the basis, and says when in words', async () => {
    const c = await vault(tmp, () => new Date('2026-11-29T10:00:00Z'));
    await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: {} });
    const grace = (await allContacts(c.call)).find((p) => p.lastName === 'Hopper')!;
    const { id: groupId } = await c.call('groups.add', { label: 'Chosen people', rule: { type: 'manual', contactIds: [grace.id] }, confirm: true });
    await c.call('policy.assign', { groupId, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
    const { certificate } = await c.call('contacts.erase', { contactId: grace.id });
    const { text } = await c.call('certificates.show', { certificateId: certificate.id });
    expect(text).toContain(`“Chosen people” (${groupId}): Legitimate interests (UK GDPR Art. 6(1)(f)); 1 contact record`);
    expect(text).toMatch(/Carried out by member “Root Admin” \([0-9a-f-]{36}\)/);
    expect(text).toContain('Issued        29 November 2026, 10:00 UTC (2026-11-29T10:00:00.000Z)');
    expect(text).toContain('Destroyed     1 contact record, with everything derived from them');
    expect(text).not.toMatch(/legitimate-interests/);
  });
});
