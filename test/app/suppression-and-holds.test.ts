// Invariants I4 and I8 of issue 9, through the router every front end calls (in process, as the CLI does).
// I4: whoever is erased or objects never comes back and is never used for marketing, including people known only by
// name and company (legacy exports). I8: a legal hold freezes the record (an update import leaves it as it is and
// reports its line) and every view reports the hold truthfully. Reproductions 3, 6 and 8 are regression tests here.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MARKETING_PURPOSES } from '../../src/shared/vocabulary.js';
import type { Request, Response } from '../../src/api/contract.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

/** A new vault on the real clock, unlocked by one member holding every role, and a `call` that throws the refusal's sentence. */
const vault = () => clients.vault(tmp);

type Client = Awaited<ReturnType<typeof vault>>;

/**
 * A CRM export to a registered recipient, everyone held told first (Art. 14): these tests are about the suppression
 * list, so nobody is held back for want of a notice.
 */
async function exportFor(c: Client, request: Omit<Request<'export.crm'>, 'recipientId' | 'channels'>): Promise<Response<'export.crm'>> {
  const recipients = await c.call('recipients.list', {});
  const recipientId = recipients[0]?.id ?? (await c.call('recipients.add', { name: 'CRM', role: 'processor', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none' })).recipientId;
  const contactIds = (await allContacts(c.call)).map((x) => x.id);
  if (contactIds.length > 0) await c.call('notices.markSent', { target: { contactIds }, sentOn: new Date().toISOString().slice(0, 10), version: 'v1', channel: 'post' });
  const declared = (MARKETING_PURPOSES as readonly string[]).includes(request.purpose) || request.directMarketing !== undefined ? {} : { directMarketing: false };
  return c.call('export.crm', { channels: ['email'], ...declared, ...request, recipientId });
}

/** An export that would carry nobody: refused (guardrail: no file, no disclosure); its preview says who is held back, and why. */
async function nobodyFor(c: Client, request: Omit<Request<'export.crm'>, 'recipientId' | 'channels'>): Promise<Response<'export.preview'>> {
  const refused = await exportFor(c, request).then(
    () => null,
    (err: Error) => err.message,
  );
  expect(refused).toMatch(/^export\.crm: guardrail: Nobody would be exported/);
  const declared = (MARKETING_PURPOSES as readonly string[]).includes(request.purpose) || request.directMarketing !== undefined ? {} : { directMarketing: false };
  const preview = await c.call('export.preview', { channels: ['email'], ...declared, ...request });
  expect(preview.included).toBe(0);
  return preview;
}

const ADA = 'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,ada@analytical-engines.example,Analytical Engines Ltd,Head of Computation,10 Dec 2019';
const GRACE = 'Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,grace@navy.example,US Navy,Rear Admiral,09 Dec 2020';
/** A legacy export: no URL column, emails hidden, so these people are known by name and company only. */
const LEGACY_HEADER = 'First Name,Last Name,Email Address,Company,Position,Connected On';
const LEGACY = [LEGACY_HEADER, 'Kwame,Mensah,,Analytical Engines Ltd,Finance Director,13 Oct 2022', 'Søren,Dubois,,Stark Industries,Procurement Specialist,03 Apr 2025', ''].join('\n');

/** A group of Analytical Engines Ltd and US Navy people, with a lawful basis for prospecting. */
async function prospectingGroup(c: Client): Promise<string> {
  const group = await c.call('groups.add', { label: 'Prospects', rule: { type: 'company', companies: ['Analytical Engines Ltd', 'US Navy'] } });
  await c.call('policy.assign', { groupId: group.id, policy: { ...LI_POLICY, purpose: 'prospecting' }, acknowledgeWarnings: true });
  return group.id;
}

const byName = async (c: Client, first: string) => (await allContacts(c.call)).filter((x) => x.firstName === first);

/** The stored row as bytes, read from the file itself: what "unchanged" means for a held record. */
function rawRow(path: string, id: string): Record<string, unknown> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

describe('I4: the suppression list covers people known only by name', () => {
  it('reproduction 3: erasing a person with no email and no profile URL refuses them when the same file is imported again', async () => {
    const c = await vault();
    const file = tmp.write(LEGACY);
    expect(await c.call('import.commit', { path: file, choices: {} })).toMatchObject({ added: 2, suppressedLines: [] });
    const [kwame] = await byName(c, 'Kwame');
    expect(kwame).toMatchObject({ email: null, profileUrl: null });

    const erased = await c.call('contacts.erase', { contactId: kwame!.id });
    const again = await c.call('import.commit', { path: file, choices: {} });
    expect(again).toMatchObject({ added: 0, suppressedLines: [2], duplicatesSkipped: 1 });
    expect(await byName(c, 'Kwame')).toEqual([]);
    // Not even as an update of someone else, nor with --update-duplicates.
    expect(await c.call('import.commit', { path: file, choices: { onDuplicate: 'update' } })).toMatchObject({ added: 0, suppressedLines: [2] });
    expect(await byName(c, 'Kwame')).toEqual([]);

    // Lifting the entry lets them in again.
    await c.call('suppression.lift', { suppressionId: erased.suppressionId, reason: 'The person consented again' });
    expect(await c.call('import.commit', { path: file, choices: {} })).toMatchObject({ added: 1, suppressedLines: [] });
    expect(await byName(c, 'Kwame')).toHaveLength(1);
  });

  it('a person erased from a legacy export does not come back in a newer export that has their profile and email', async () => {
    const c = await vault();
    await c.call('import.commit', { path: tmp.write(LEGACY), choices: {} });
    const [kwame] = await byName(c, 'Kwame');
    await c.call('contacts.erase', { contactId: kwame!.id });
    const current = [HEADER, 'Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah,kwame@analytical-engines.example,Analytical Engines Ltd,Finance Director,13 Oct 2022', ''].join('\n');
    expect(await c.call('import.commit', { path: tmp.write(current), choices: {} })).toMatchObject({ added: 0, suppressedLines: [2] });
    expect(await byName(c, 'Kwame')).toEqual([]);
  });

  it('an objection by email also leaves out a copy of the person known only by name (a legacy export)', async () => {
    const c = await vault();
    await prospectingGroup(c);
    const current = [HEADER, 'Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah,kwame@analytical-engines.example,Analytical Engines Ltd,Finance Director,13 Oct 2022', ''].join('\n');
    await c.call('import.commit', { path: tmp.write(current), choices: {} });
    await c.call('import.commit', { path: tmp.write(LEGACY), choices: {} });
    expect(await byName(c, 'Kwame')).toHaveLength(2);
    await c.call('suppression.add', { email: 'kwame@analytical-engines.example' });
    // Both copies are left out, so nobody is left to export: refused, and the preview says why.
    const held = (await nobodyFor(c, { purpose: 'prospecting' })).heldBack;
    expect(held.filter((p) => p.name === 'Kwame Mensah').map((p) => p.reason)).toEqual(['suppressed', 'suppressed']);
  });

  it('erasure takes every copy of the person: a name-only copy from a legacy export goes too, and the certificate counts both', async () => {
    const c = await vault();
    const current = [HEADER, 'Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah,kwame@analytical-engines.example,Analytical Engines Ltd,Finance Director,13 Oct 2022', ''].join('\n');
    await c.call('import.commit', { path: tmp.write(current), choices: {} });
    await c.call('import.commit', { path: tmp.write(LEGACY), choices: {} });
    expect(await byName(c, 'Kwame')).toHaveLength(2);
    const erased = await c.call('contacts.erase', { email: 'kwame@analytical-engines.example' });
    expect(erased.certificate.destroyed.total).toBe(2);
    expect(await byName(c, 'Kwame')).toEqual([]);
    expect(await byName(c, 'Søren')).toHaveLength(1); // nobody else
    expect(await c.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a name is matched with its company: a namesake elsewhere is not refused', async () => {
    const c = await vault();
    await c.call('import.commit', { path: tmp.write(LEGACY), choices: {} });
    await c.call('contacts.erase', { contactId: (await byName(c, 'Kwame'))[0]!.id });
    const namesake = tmp.write([LEGACY_HEADER, 'Kwame,Mensah,,Globex Corporation,Engineer,01 Jan 2024', 'KWAME,MENSAH,,analytical engines ltd,Finance Director,13 Oct 2022', ''].join('\n'));
    expect(await c.call('import.commit', { path: namesake, choices: {} })).toMatchObject({ added: 1, suppressedLines: [3] });
  });

  it('an erased person does not come back through a legacy export, and a name-only copy already held goes with the erasure', async () => {
    const c = await vault();
    await c.call('import.commit', { path: tmp.write([HEADER, ADA, GRACE, ''].join('\n')), choices: {} });
    // The same Ada in a legacy file (no URL column, no email): held as a second, name-only record.
    const legacyAda = tmp.write([LEGACY_HEADER, 'Ada,Lovelace,,Analytical Engines Ltd,Head of Computation,10 Dec 2019', ''].join('\n'));
    expect(await c.call('import.commit', { path: legacyAda, choices: {} })).toMatchObject({ added: 1 });
    await prospectingGroup(c);
    const before = await exportFor(c, { purpose: 'prospecting' });
    expect(before.included).toBe(3);
    expect(await byName(c, 'Ada')).toHaveLength(2);

    const { suppressionId, certificate } = await c.call('contacts.erase', { email: 'ada@analytical-engines.example' });
    expect(certificate.destroyed.total).toBe(2);
    expect(await byName(c, 'Ada')).toEqual([]);
    const after = await exportFor(c, { purpose: 'prospecting' });
    expect(after.included).toBe(1);
    expect(after.csv).not.toMatch(/Lovelace/);
    // Refused on import under any of her identities.
    expect(await c.call('import.commit', { path: legacyAda, choices: {} })).toMatchObject({ added: 0, suppressedLines: [2] });
    expect(await c.call('import.commit', { path: tmp.write([HEADER, ADA, ''].join('\n')), choices: {} })).toMatchObject({ added: 0, suppressedLines: [2] });

    // Lifting the entry lets her in again: exported, and importable.
    await c.call('suppression.lift', { suppressionId, reason: 'The person consented again' });
    const lifted = await exportFor(c, { purpose: 'prospecting' });
    expect(lifted).toMatchObject({ included: 1, excluded: [] });
    expect(await c.call('import.commit', { path: tmp.write([HEADER, ADA, ''].join('\n')), choices: {} })).toMatchObject({ added: 1, suppressedLines: [] });
  });
});

describe('I4: every export consults the suppression list', () => {
  it('reproduction 6: `suppress add --email ada@…` then `export --purpose prospecting` does not export Ada', async () => {
    const c = await vault();
    await c.call('import.commit', { path: tmp.write([HEADER, ADA, GRACE, ''].join('\n')), choices: {} });
    await prospectingGroup(c);
    const ada = (await byName(c, 'Ada'))[0]!;
    expect((await exportFor(c, { purpose: 'prospecting' })).csv).toMatch(/Lovelace/);

    const { suppressionId } = await c.call('suppression.add', { email: 'Ada@Analytical-Engines.example' });
    const result = await exportFor(c, { purpose: 'prospecting' });
    expect(result.csv).not.toMatch(/Lovelace|ada@analytical-engines/i);
    expect(result.csv).toMatch(/Hopper/);
    expect(result).toMatchObject({ included: 1, excluded: [{ id: ada.id, reason: 'suppressed' }] });
    // Every purpose and every field selection: she is in none of them.
    // (Those leave out everyone: refused, so their previews say why.)
    for (const purpose of ['email-marketing', 'events', 'networking'] as const) {
      const other = await nobodyFor(c, { purpose, fields: ['company', 'position'] });
      expect(other.heldBack).toContainEqual(expect.objectContaining({ id: ada.id, reason: 'suppressed' }));
    }
    // The export's audit entry counts her among the excluded, and names nobody; an export of nobody is audited as refused.
    const entries = await auditLog(c);
    expect(entries.filter((e) => e.action === 'export-crm' && e.outcome === 'success').at(-1)).toMatchObject({ details: { purpose: 'prospecting', included: 1, excluded: 1 } });
    expect(entries.filter((e) => e.action === 'export-preview').at(-1)).toMatchObject({ outcome: 'success', details: { purpose: 'networking', included: 0, excluded: 2 } });
    expect(entries.filter((e) => e.action === 'export-crm').at(-1)).toMatchObject({ outcome: 'refused', details: { reason: 'guardrail' } });
    expect(JSON.stringify(entries)).not.toMatch(/Lovelace|ada@analytical-engines/i);

    await c.call('suppression.lift', { suppressionId, reason: 'The person consented again' });
    expect((await exportFor(c, { purpose: 'prospecting' })).included).toBe(2);
  });

  it('an objection by profile URL leaves the person out too', async () => {
    const c = await vault();
    await c.call('import.commit', { path: tmp.write([HEADER, ADA, GRACE, ''].join('\n')), choices: {} });
    await prospectingGroup(c);
    await c.call('suppression.add', { profileUrl: 'https://uk.linkedin.com/in/Grace-Hopper-1906/' });
    const result = await exportFor(c, { purpose: 'prospecting' });
    expect(result.csv).not.toMatch(/Hopper/);
    expect(result.included).toBe(1);
  });
});

describe('I8: a legal hold freezes the record', () => {
  const V1 = () => tmp.write([HEADER, ADA, GRACE, ''].join('\n'));
  // Both rewritten: Ada would change job, company and so group; Grace changes job.
  const V2 = () =>
    tmp.write(
      [
        HEADER,
        'Ada,King,https://www.linkedin.com/in/ada-lovelace-1815,countess@lovelace.example,Babbage & Co,Countess of Lovelace,10 Dec 2019',
        'Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,grace@navy.example,US Navy,Commodore,09 Dec 2020',
        '',
      ].join('\n'),
    );

  it('reproduction 8: `import --update-duplicates` leaves a held contact byte for byte, reports its line, and `contacts show` says held', async () => {
    const c = await vault();
    await prospectingGroup(c);
    await c.call('import.commit', { path: V1(), choices: {} });
    const ada = (await byName(c, 'Ada'))[0]!;
    const grace = (await byName(c, 'Grace'))[0]!;
    await c.call('holds.place', { contactId: ada.id, reason: 'Expected claim about her contract' });
    const shownBefore = await c.call('contacts.show', { contactId: ada.id });
    expect(shownBefore.legalHold).toBe(true);
    const rowBefore = rawRow(c.path, ada.id);

    const report = await c.call('import.commit', { path: V2(), choices: { onDuplicate: 'update' } });
    expect(report).toMatchObject({ records: 2, added: 0, updated: 1, heldLines: [2], suppressedLines: [] });

    const shownAfter = await c.call('contacts.show', { contactId: ada.id });
    expect(shownAfter).toEqual(shownBefore);
    expect(shownAfter).toMatchObject({ lastName: 'Lovelace', legalHold: true });
    expect(rawRow(c.path, ada.id)).toEqual(rowBefore);
    // The other contact was updated as asked.
    expect(await c.call('contacts.show', { contactId: grace.id })).toMatchObject({ position: 'Commodore', legalHold: false });
    // Every view agrees with what destruction obeys.
    expect((await allContacts(c.call)).filter((x) => x.legalHold).map((x) => x.id)).toEqual([ada.id]);
    expect(await c.call('retention.schedule', {})).toMatchObject({ held: 1 });
    // The import's audit entry counts the held line.
    const entries = await auditLog(c);
    expect(entries.filter((e) => e.action === 'import-commit').at(-1)).toMatchObject({ details: expect.objectContaining({ updated: 1, held: 1 }) });
  });

  it('a hold on the group shows in contacts show and list, freezes its members, and once lifted they update again', async () => {
    const c = await vault();
    const groupId = await prospectingGroup(c);
    await c.call('import.commit', { path: V1(), choices: {} });
    const ada = (await byName(c, 'Ada'))[0]!;
    expect(ada).toMatchObject({ groupId, legalHold: false });
    const { holdId } = await c.call('holds.place', { groupId, reason: 'Litigation about the prospecting campaign' });
    expect(await c.call('contacts.show', { contactId: ada.id })).toMatchObject({ legalHold: true });
    expect((await allContacts(c.call)).every((x) => x.legalHold)).toBe(true);
    const rowBefore = rawRow(c.path, ada.id);

    const report = await c.call('import.commit', { path: V2(), choices: { onDuplicate: 'update' } });
    expect(report).toMatchObject({ added: 0, updated: 0, heldLines: [2, 3] });
    expect(rawRow(c.path, ada.id)).toEqual(rowBefore);

    // A skip import never changes anyone, held or not: nothing is reported as held.
    expect(await c.call('import.commit', { path: V2(), choices: {} })).toMatchObject({ duplicatesSkipped: 2, heldLines: [] });

    await c.call('holds.lift', { holdId });
    expect(await c.call('contacts.show', { contactId: ada.id })).toMatchObject({ legalHold: false });
    expect(await c.call('import.commit', { path: V2(), choices: { onDuplicate: 'update' } })).toMatchObject({ updated: 2, heldLines: [] });
    expect(await c.call('contacts.show', { contactId: ada.id })).toMatchObject({ lastName: 'King', legalHold: false });
  });

  it('the stale contacts.legal_hold column is not what the views read', async () => {
    const c = await vault();
    await c.call('import.commit', { path: V1(), choices: {} });
    const ada = (await byName(c, 'Ada'))[0]!;
    const { holdId } = await c.call('holds.place', { contactId: ada.id, reason: 'Claim' });
    await c.call('holds.lift', { holdId });
    // A column set by some older build says "held": the hold in force (none) wins.
    const db = new Database(c.path);
    db.prepare('UPDATE contacts SET legal_hold = 1').run();
    db.close();
    expect(await c.call('contacts.show', { contactId: ada.id })).toMatchObject({ legalHold: false });
  });
});
