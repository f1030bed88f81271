// The CRM export's preview (export.preview): the same rules over the same contacts as export.crm, answering counts and
// the first people in and out, with no file and no disclosure recorded; audited with counts only.
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/api/contract.js';
import { auditLog } from '../support/audit.js';
import { fixture, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';

const tmp = scratch();
const clients = routedClients();
const NOW = new Date('2026-12-01T10:00:00Z');
const HUBSPOT = { name: 'HubSpot Europe', role: 'processor', contractDate: '2026-01-15', hostingRegion: 'EU (Frankfurt)', transfer: 'adequacy' } as const;

/** The tricky export imported, a networking group with a basis for three companies, the rest quarantined. */
async function prepared() {
  const c = await clients.vault(tmp, () => NOW);
  await c.call('import.commit', { path: fixture('connections-tricky.csv'), choices: { strip: ['special-category', 'phone-number'] } });
  const group = await c.call('groups.add', { label: 'Meetup people', rule: { type: 'company', companies: ['Analytical Engines Ltd', 'IBM', 'NASA'] } });
  await c.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  return c;
}

describe('previewing a CRM export', () => {
  it('counts exactly what the export then carries, and names who is in and who is held back and why', async () => {
    const c = await prepared();
    const request: Request<'export.preview'> = { purpose: 'networking', channels: ['email'], directMarketing: false };
    const preview = await c.call('export.preview', request);
    const { recipientId } = await c.call('recipients.add', HUBSPOT);
    const made = await c.call('export.crm', { ...request, recipientId });

    expect(preview.included).toBe(made.included);
    expect(preview.excludedTotal).toBe(made.excludedTotal);
    expect(preview.excludedByReason).toEqual(made.excludedByReason);
    expect(preview.notes).toEqual(made.notes);
    expect(preview.emailsWithheld).toBe(made.emailsWithheld.length);
    expect(preview.directMarketing).toBe(false);
    expect(preview.included).toBe(3);
    expect(preview.includedPeople.map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'Frances Allen', 'Katherine Johnson']);
    expect(preview.includedPeople.find((p) => p.name === 'Ada Lovelace')?.company).toBe('Analytical Engines Ltd');
    expect(preview.heldBack).toHaveLength(preview.excludedTotal);
    expect(preview.heldBack.find((p) => p.name === 'Alan Turing')).toMatchObject({ company: 'Bletchley Park Trust', reason: 'no-lawful-basis' });
    // The preview's people are the export's, in the same order.
    expect(preview.heldBack.map((p) => [p.id, p.reason])).toEqual(made.excluded.map((e) => [e.id, e.reason]));
  });

  it('records no disclosure and makes no file; its audit entry holds counts and words only', async () => {
    const c = await prepared();
    await c.call('export.preview', { purpose: 'networking', channels: ['email', 'post'], directMarketing: false });
    expect(await c.call('disclosures.list', {})).toEqual([]);
    const entry = (await auditLog(c)).filter((e) => e.action === 'export-preview').at(-1);
    expect(entry).toMatchObject({ outcome: 'success', details: { purpose: 'networking', channels: ['email', 'post'], included: 3, directMarketing: false } });
    expect(JSON.stringify(entry)).not.toMatch(/Lovelace|Analytical|ada@/);
  });

  it('refuses what the export refuses: a non-marketing purpose must say whether it is direct marketing', async () => {
    const c = await prepared();
    const refused = await c.refusal('export.preview', { purpose: 'networking', channels: ['email'] });
    expect(refused.code).toBe('invalid');
    expect(refused.message).toMatch(/direct marketing/);
    // A preview goes to nobody: a recipient given with it is dropped by the contract, and still nothing is disclosed.
    const withRecipient = await c.route('export.preview', { purpose: 'networking', channels: ['email'], directMarketing: false, recipientId: '00000000-0000-4000-8000-000000000000' });
    expect(withRecipient.ok).toBe(true);
    expect(await c.call('disclosures.list', {})).toEqual([]);
  });

  it('for direct marketing, holds back the people not yet told and says so', async () => {
    const c = await prepared();
    const preview = await c.call('export.preview', { purpose: 'prospecting', channels: ['email'] });
    expect(preview.directMarketing).toBe(true);
    expect(preview.excludedByReason['purpose-differs']).toBe(3);
    expect(preview.included).toBe(0);
  });
});

describe('an export of nobody', () => {
  it('is refused in the core, for every front end: one sentence, no file, no disclosure, the refusal audited', async () => {
    const c = await prepared();
    const { recipientId } = await c.call('recipients.add', HUBSPOT);
    const before = (await auditLog(c)).length;
    // Nobody here is told (Art. 14) or has a basis for prospecting: the preview says 0, and the export itself refuses.
    const refused = await c.refusal('export.crm', { purpose: 'prospecting', channels: ['email'], recipientId });
    expect(refused.code).toBe('guardrail');
    expect(refused.message).toMatch(/^Nobody would be exported with these options \(\d+ people are held back\), so no file was made and no disclosure recorded: preview the export to see why\.$/);
    expect(refused.message.split(/[.:]\s+[A-Z]/)).toHaveLength(1);
    expect(await c.call('disclosures.list', {})).toEqual([]);
    // (Reading the log and the disclosures is audited too: those entries aside.)
    const entries = (await auditLog(c)).slice(before).filter((e) => e.action.startsWith('export'));
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([['export-crm', 'refused']]);
    expect(entries[0]!.details).toEqual({ reason: 'guardrail' });
    // Someone to send: the same recipient gets the file, and the disclosure is recorded.
    const made = await c.call('export.crm', { purpose: 'networking', channels: ['email'], directMarketing: false, recipientId });
    expect(made.included).toBe(3);
    expect(await c.call('disclosures.list', {})).toHaveLength(1);
  });
});
