// The legitimate interests assessment as a living document (issue 11, point 6), through the router every front end
// calls, on a clock the test moves: an unsigned or expired LIA warns at assignment and keeps its group out of marketing
// exports (UK GDPR Art. 5(2), Art. 6(1)(f)); a new purpose needs a new version of the assessment (ICO legitimate
// interests guidance, "What if our purposes change?").
import { describe, expect, it } from 'vitest';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY, LIA } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';

const tmp = scratch();
const clients = routedClients();

const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
const RECIPIENT = { name: 'HubSpot Europe', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'EU (Frankfurt)', transfer: 'adequacy' } as const;
const PROSPECTING = { ...LI_POLICY, purpose: 'prospecting' };
/** The LIA without its sign-off. */
const UNSIGNED = Object.fromEntries(Object.entries(LIA).filter(([k]) => k !== 'signedOffBy' && k !== 'signedOffAt'));

/** A vault on a clock the test moves, with Ada told (Art. 14) in a prospecting group under legitimate interests. */
async function vault() {
  let now = new Date('2026-12-01T10:00:00Z');
  const c = await clients.vault(tmp, () => now);
  await c.call('import.commit', { path: tmp.write([HEADER, ADA, ''].join('\n')), choices: {} });
  const group = await c.call('groups.add', { label: 'Prospects', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
  await c.call('policy.assign', { groupId: group.id, policy: PROSPECTING, acknowledgeWarnings: true });
  await c.call('notices.markSent', { target: { groupId: group.id }, sentOn: '2026-12-01', version: 'v1', channel: 'email' });
  const { recipientId } = await c.call('recipients.add', RECIPIENT);
  return {
    ...c,
    groupId: group.id,
    exportFor: (purpose: 'prospecting' | 'networking') => c.call('export.crm', { channels: ['email'], purpose, recipientId }),
    /** Who an export would hold back, and why: an export of nobody is refused, so a preview says it. */
    previewFor: (purpose: 'prospecting' | 'networking') => c.call('export.preview', { channels: ['email'], purpose }),
    at: (iso: string) => {
      now = new Date(iso);
    },
  };
}

describe('an LIA past its review date or not signed off', () => {
  it('an expired LIA blocks a marketing export (lia-not-current), and warns at assignment (lia-review-due)', async () => {
    const c = await vault();
    expect((await c.exportFor('prospecting')).included).toBe(1);

    c.at('2027-11-20T22:00:00Z'); // the review day (12 months after 2026-11-20): still current
    expect((await c.exportFor('prospecting')).included).toBe(1);

    c.at('2027-11-21T08:00:00Z');
    const lapsed = await c.previewFor('prospecting');
    expect(lapsed.included).toBe(0);
    expect(lapsed.heldBack.map((e) => e.reason)).toEqual(['lia-not-current']);
    expect(lapsed.notes.join(' ')).toContain('past its review date');
    const check = await c.call('policy.check', { groupId: c.groupId, policy: PROSPECTING });
    expect(check.guardrails.find((g) => g.id === 'lia-review-due')).toMatchObject({ severity: 'warn' });

    // Reviewed: a new version, signed off, with its own review date. The export goes out again.
    const reviewed = { ...PROSPECTING, evidence: { ...LIA, version: '2', assessedAt: '2027-11-21', signedOffAt: '2027-11-21', reviewBy: '2028-05-21' } };
    await c.call('policy.assign', { groupId: c.groupId, policy: reviewed, acknowledgeWarnings: true });
    expect((await c.exportFor('prospecting')).included).toBe(1);
  });

  it('an unsigned LIA warns at assignment (lia-not-signed-off) and keeps the group out of marketing exports only', async () => {
    const c = await vault();
    const unsigned = { ...PROSPECTING, evidence: UNSIGNED };
    const refused = await c.refusal('policy.assign', { groupId: c.groupId, policy: unsigned });
    expect(refused).toMatchObject({ code: 'guardrail', message: expect.stringContaining('is not signed off') });
    await c.call('policy.assign', { groupId: c.groupId, policy: unsigned, acknowledgeWarnings: true });
    expect((await c.previewFor('prospecting')).heldBack.map((e) => e.reason)).toEqual(['lia-not-current']);
    // Not firing: once signed off, the group is exported again.
    await c.call('policy.assign', { groupId: c.groupId, policy: PROSPECTING, acknowledgeWarnings: true });
    expect((await c.exportFor('prospecting')).included).toBe(1);
  });
});

describe('changing the purpose under legitimate interests', () => {
  it('is refused (invalid) with the same LIA version, and accepted with a new one', async () => {
    const c = await vault();
    const sameVersion = await c.refusal('policy.assign', { groupId: c.groupId, policy: { ...PROSPECTING, purpose: 'networking' }, acknowledgeWarnings: true });
    expect(sameVersion.code).toBe('invalid');
    expect(sameVersion.message).toMatch(/purpose changes from prospecting to networking, but the legitimate interests assessment is still version 1/);
    expect((await c.call('groups.list', {})).groups[0]!.policy!.policy.purpose).toBe('prospecting');

    const newVersion = { ...PROSPECTING, purpose: 'networking', evidence: { ...LIA, version: '2' } };
    await c.call('policy.assign', { groupId: c.groupId, policy: newVersion, acknowledgeWarnings: true });
    expect((await c.call('groups.list', {})).groups[0]!.policy!.policy.purpose).toBe('networking');
  });

  it('is not refused for the same purpose with the same version, nor when the group had another basis', async () => {
    const c = await vault();
    await c.call('policy.assign', { groupId: c.groupId, policy: { ...PROSPECTING, evidence: { ...LIA, optOut: 'Reply STOP, or the link in every message' } }, acknowledgeWarnings: true });
    const contract = { basis: 'contract', purpose: 'account-management', purposeDescription: 'Managing the accounts of our clients.', evidence: { contract: 'Our services agreement with each client', necessity: 'We must write to them to deliver the service.' } };
    await c.call('policy.assign', { groupId: c.groupId, policy: contract, acknowledgeWarnings: true });
    await c.call('policy.assign', { groupId: c.groupId, policy: { ...LI_POLICY }, acknowledgeWarnings: true });
    expect((await c.call('groups.list', {})).groups[0]!.policy!.policy.purpose).toBe('networking');
  });
});
