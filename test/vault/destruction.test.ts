// Retention carried out: due contacts destroyed with a certificate and their bytes gone from the file, dry runs
// change nothing, holds protect, tokens destroy without reading, erasure and the suppression list stick.
import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../src/shared/errors.js';
import { certificateText } from '../../src/shared/certificate.js';
import { verifyCertificate } from '../../src/vault/certificates.js';
import { purgeDue } from '../../src/vault/destruction.js';
import { createDestructionToken, revokeDestructionToken } from '../../src/app/use-cases/tokens.js';
import { authenticateDestructionToken } from '../../src/vault/destruction-tokens.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { exportForCrm } from '../../src/app/use-cases/exports.js';
import { addGroup, assignPolicy } from '../../src/app/use-cases/groups.js';
import { erasePerson, liftSuppression, subjectAccess, suppressPerson } from '../../src/app/use-cases/requests.js';
import { destroyDue, dueSchedule, liftLegalHold, placeLegalHold, setRetentionPolicy } from '../../src/app/use-cases/retention.js';
import { Vault } from '../../src/vault/vault.js';
import { allContactsOf } from '../support/contacts.js';
import { fixture, HEADER, scratch } from '../support/fixtures.js';
import { LIA } from '../support/policies.js';
import { newVault, TEST_KDF } from '../support/vault.js';

const tmp = scratch();
const DAY = 86_400_000;

/** A vault whose clock the test moves. */
async function clockedVault() {
  const clock = { now: new Date('2026-11-29T10:00:00Z') };
  const v = await newVault(tmp.dir, { now: () => clock.now });
  return { ...v, clock };
}

function rawBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`, `${path}-journal`].filter(existsSync).map((p) => readFileSync(p)));
}

const lia = LIA;

describe('scheduled destruction', () => {
  it('a vault of quarantined contacts, a year later: the dry run changes nothing; the run leaves none, with a certificate', async () => {
    const { vault, session, clock, path } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), {});
    expect(allContactsOf(session)).toHaveLength(12);
    clock.now = new Date(clock.now.getTime() + 365 * DAY);
    const before = rawBytes(path).length;
    const dry = await purgeDue(vault, { memberId: session.memberId }, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, destroyed: 12, certificate: null });
    expect(allContactsOf(session)).toHaveLength(12);
    expect(rawBytes(path).length).toBeGreaterThanOrEqual(before);

    const run = await destroyDue(session);
    expect(run.destroyed).toBe(12);
    expect(run.byGroup).toEqual([{ groupId: null, basis: null, count: 12 }]);
    expect(allContactsOf(session)).toHaveLength(0);
    expect(run.certificate).toMatchObject({ kind: 'scheduled', destroyed: { total: 12 }, policies: [{ scope: 'quarantine', days: 30 }] });
    expect(verifyCertificate(vault, run.certificate)).toEqual({ ok: true });
    expect(certificateText(run.certificate!)).toMatch(/CERTIFICATE OF SCHEDULED DESTRUCTION[\s\S]*Destroyed\s+12 contact record/);
    expect(verifyCertificate(vault, { ...run.certificate!, destroyed: { total: 11, byGroup: [{ groupId: null, basis: null, count: 11 }] } })).toMatchObject({ ok: false });
    expect(vault.audit.verify().ok).toBe(true);
    const again = await destroyDue(session);
    expect(again).toMatchObject({ destroyed: 0, certificate: null });
    vault.close();
  });

  it("destroyed records' ciphertexts and blind indexes are gone from the file, its WAL and its journal", async () => {
    const { vault, session, clock, path } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const rows = session.db.prepare('SELECT data_ct, url_index, email_index FROM contacts').all() as { data_ct: Buffer; url_index: Buffer | null; email_index: Buffer | null }[];
    const secrets = rows.flatMap((r) => [r.data_ct.subarray(13, 45), r.url_index, r.email_index]).filter((b): b is Buffer => b !== null);
    expect(secrets.some((s) => rawBytes(path).includes(s))).toBe(true); // the search finds them while they exist
    clock.now = new Date(clock.now.getTime() + 40 * DAY);
    await destroyDue(session);
    const bytes = rawBytes(path);
    expect(secrets.filter((s) => bytes.includes(s))).toEqual([]);
    vault.close();
    const closed = rawBytes(path);
    expect(secrets.filter((s) => closed.includes(s))).toEqual([]);
  });

  it('a retention policy sets due dates from its anchor, and a legal hold suspends destruction until lifted', async () => {
    const { vault, session, clock } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), { strip: ['special-category'] });
    const group = addGroup(session, 'Work addresses', { type: 'email-kind', kind: 'corporate' });
    assignPolicy(session, group.id, { basis: 'legitimate-interests', purpose: 'account-management', purposeDescription: 'Managing client accounts', evidence: lia, art14Notice: { status: 'sent', date: '2026-11-29', method: 'Privacy notice by email' } }, { acknowledgeWarnings: true });
    setRetentionPolicy(session, { scope: { type: 'group', groupId: group.id }, months: 24, anchor: 'imported', rationale: 'Client accounts: the contract term plus time for claims' });
    const members = allContactsOf(session, { groupId: group.id });
    expect(members).toHaveLength(3);
    expect(members.every((c) => c.expiresAt?.startsWith('2028-11-30'))).toBe(true);
    const hold = placeLegalHold(session, { groupId: group.id }, 'Pending contract dispute with the client');
    clock.now = new Date('2029-01-01T00:00:00Z');
    expect(dueSchedule(session, 3)).toMatchObject({ overdue: 9, held: 3 });
    expect((await destroyDue(session)).destroyed).toBe(9);
    expect(allContactsOf(session)).toHaveLength(3);
    liftLegalHold(session, hold);
    expect((await destroyDue(session)).destroyed).toBe(3);
    vault.close();
  });

  it("a group with a basis and no policy is destroyed by the vault's default retention, which its certificate names", async () => {
    const { vault, session, clock } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), { strip: ['special-category'] });
    const group = addGroup(session, 'Work addresses', { type: 'email-kind', kind: 'corporate' });
    assignPolicy(session, group.id, { basis: 'legitimate-interests', purpose: 'account-management', purposeDescription: 'Managing client accounts', evidence: lia, art14Notice: { status: 'sent', date: '2026-11-29', method: 'Privacy notice by email' } }, { acknowledgeWarnings: true });
    // 24 months from the last review, never held: from import (2026-11-29), due 2028-11-30.
    clock.now = new Date('2028-11-29T12:00:00Z');
    expect((await destroyDue(session)).byGroup).not.toContainEqual(expect.objectContaining({ groupId: group.id }));
    clock.now = new Date('2028-11-30T00:00:00Z');
    const run = await destroyDue(session);
    expect(run.byGroup).toContainEqual({ groupId: group.id, basis: 'legitimate-interests', count: 3 });
    expect(run.certificate!.policies).toContainEqual({ scope: 'default', groupId: group.id, months: 24, anchor: 'last-review' });
    expect(verifyCertificate(vault, run.certificate)).toEqual({ ok: true });
    expect(certificateText(run.certificate!)).toContain(`default retention (group ${group.id} has no policy): 24 months from the last review`);
    vault.close();
  });

  it('a destruction-only token runs the schedule without any key, and nothing once revoked', async () => {
    const { vault, session, clock, path } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const { id, token } = createDestructionToken(session);
    expect((session.db.prepare('SELECT token_hash FROM destruction_tokens').get() as { token_hash: string }).token_hash).not.toContain(token);
    session.lock();
    vault.close();
    const later = () => new Date(clock.now.getTime() + 60 * DAY);
    const unattended = Vault.open(path, { now: later });
    const tokenId = authenticateDestructionToken(unattended, token);
    const run = await purgeDue(unattended, { tokenId });
    expect(run).toMatchObject({ destroyed: 12, certificate: { actor: { tokenId: id } } });
    expect(() => authenticateDestructionToken(unattended, `${token}x`)).toThrow(/not valid/);
    unattended.close();
    const admin = await Vault.open(path, { kdf: TEST_KDF }).unlock('Alice Admin', 'correct horse battery staple');
    revokeDestructionToken(admin, id);
    expect(() => authenticateDestructionToken(admin.vault, token)).toThrow(ServiceError);
    admin.vault.close();
  });
});

describe('erasure, objection and access', () => {
  it('erases a person by email with a certificate; a later import refuses them until the entry is lifted', async () => {
    const { vault, session } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const access = subjectAccess(session, { email: 'GRACE.HOPPER1906@gmail.com' });
    expect(JSON.parse(access.json)).toMatchObject({ personalData: expect.objectContaining({}) });
    expect(access.json).toContain('Hopper');
    const { certificate, suppressionId } = await erasePerson(session, { email: 'grace.hopper1906@gmail.com' });
    expect(certificate).toMatchObject({ kind: 'erasure', destroyed: { total: 1 } });
    expect(verifyCertificate(vault, certificate)).toEqual({ ok: true });
    expect(allContactsOf(session).some((c) => c.lastName === 'Hopper')).toBe(false);
    const again = await commitImport(session, fixture('connections-tricky.csv'), {});
    expect(again.suppressedLines).toEqual([6]);
    liftSuppression(session, suppressionId, 'The person consented again');
    const third = await commitImport(session, fixture('connections-tricky.csv'), {});
    expect(third).toMatchObject({ suppressedLines: [], added: 1 });
    vault.close();
  });

  it("an erased person's ciphertext is gone from the file and its WAL, which is vacuumed; everyone else's stays", async () => {
    const { vault, session, path } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const sealed = (where: string) => (session.db.prepare(`SELECT data_ct FROM contacts WHERE ${where}`).all() as { data_ct: Buffer }[]).map((r) => r.data_ct.subarray(13, 45));
    const hopper = allContactsOf(session).find((c) => c.lastName === 'Hopper')!;
    const [theirs] = sealed(`id = '${hopper.id}'`);
    const others = sealed(`id <> '${hopper.id}'`);
    expect(rawBytes(path).includes(theirs!)).toBe(true); // the search finds what is there
    const exec = vi.spyOn(session.db, 'exec');
    await erasePerson(session, { contactId: hopper.id });
    // Vacuumed: zeroing alone can leave an older copy in a page's unused space (test/vault/erasure-bytes.test.ts).
    expect(exec.mock.calls.map(([sql]) => sql)).toContain('VACUUM');
    exec.mockRestore();
    const bytes = rawBytes(path);
    expect(bytes.includes(theirs!)).toBe(false);
    expect(others.filter((s) => !bytes.includes(s))).toEqual([]);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0, 'the WAL truncated').toBe(0);
    expect(session.db.prepare("SELECT value FROM vault_meta WHERE key = 'vacuum_pending'").get()).toBeUndefined();
    vault.close();
  });

  it('an objection by profile URL refuses the person at import, and names nobody', async () => {
    const { vault, session } = await clockedVault();
    const { suppressionId: id } = suppressPerson(session, { profileUrl: 'https://uk.linkedin.com/in/Alan-Turing-1912/' });
    const report = await commitImport(session, fixture('connections-tricky.csv'), {});
    expect(report.suppressedLines).toEqual([7]);
    const row = session.db.prepare('SELECT * FROM suppressions WHERE id = ?').get(id) as Record<string, unknown>;
    expect(Object.values(row).some((v) => typeof v === 'string' && /turing/i.test(v))).toBe(false);
    vault.close();
  });
});

describe('sanitised export', () => {
  it('opens in a spreadsheet as text: no exported cell starts with a trigger character unprotected', async () => {
    const { vault, session } = await clockedVault();
    const file = tmp.write(
      [HEADER, 'Tim,Berners-Lee,https://www.linkedin.com/in/timbl,tim@w3.example,W3C,"=HYPERLINK(""http://evil.example"",""Click"")",08 Jun 2016', '@Ann,+Lee,https://www.linkedin.com/in/ann,ann@acme.example,-Acme,\t=1+1,01 Jan 2020', ''].join('\n'),
    );
    await commitImport(session, file, {});
    const group = addGroup(session, 'Everyone with a work address', { type: 'email-kind', kind: 'corporate' });
    assignPolicy(session, group.id, { basis: 'legitimate-interests', purpose: 'networking', purposeDescription: 'Invitations to our payroll meetups', evidence: lia, art14Notice: { status: 'sent', date: '2026-11-29', method: 'Privacy notice by email' } }, { acknowledgeWarnings: true });
    const recipientId = '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
    session.disclosures.addRecipient({ id: recipientId, name: 'CRM', role: 'processor', contractDate: '2026-01-02', hostingRegion: 'UK', transfer: 'none', contact: null, createdAt: '2026-11-29T00:00:00.000Z' }, session.memberId);
    const result = exportForCrm(session, { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId });
    expect(result.included).toBe(2);
    const cells = Papa.parse<string[]>(result.csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r\n]/);
    expect(cells).toContain('\'=HYPERLINK("http://evil.example","Click")');
    // Nobody has a basis for email marketing: an export of nobody is refused, and no disclosure recorded.
    expect(() => exportForCrm(session, { channels: ['email'], purpose: 'email-marketing', recipientId })).toThrow(/^Nobody would be exported/);
    vault.close();
  });
});

describe('two runs at once', () => {
  it('a second connection waits for the first and then finds nothing left to destroy', async () => {
    const { vault, session, clock, path } = await clockedVault();
    await commitImport(session, fixture('connections-tricky.csv'), {});
    const later = new Date(clock.now.getTime() + 60 * DAY);
    clock.now = later;
    const other = Vault.open(path, { now: () => later });
    const raw = new Database(path);
    const [a, b] = await Promise.all([destroyDue(session), purgeDue(other, { memberId: session.memberId })]);
    expect(a.destroyed + b.destroyed).toBe(12);
    expect([a.destroyed, b.destroyed]).toContain(0);
    expect((raw.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n).toBe(0);
    raw.close();
    other.close();
    vault.close();
  });
});
