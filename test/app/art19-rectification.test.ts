// Art. 19: a rectification must be told to every recipient the person's data was disclosed to. An update import
// (--update-duplicates) that changes a stored person who was exported leaves one task per recipient that received
// them, naming the person as the recipient knows them and the fields that changed; an admin marks it done, which
// wipes whom it was about, and vacuums the freed bytes out of the vault file and its WAL. Through the router every
// front end calls, on an injected clock; the audit log never holds a recipient's name or a task's subject.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/vault/session.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';
import { auditLog } from '../support/audit.js';

const tmp = scratch();
const clients = routedClients();

const NOW = new Date('2026-12-01T10:00:00Z');

const vault = () => clients.vault(tmp, () => NOW);
type Client = Awaited<ReturnType<typeof vault>>;

const ada = (position = 'Head of Computation', email = 'ada@analytical-engines.example') =>
  `Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,${email},Analytical Engines Ltd,${position},10 Dec 2019`;
const charles = (position = 'Inventor') => `Charles,Babbage,https://www.linkedin.com/in/charles-babbage-1791,,Analytical Engines Ltd,${position},11 Dec 2019`;
const grace = (position = 'Rear Admiral') => `Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,grace@navy.example,US Navy,${position},09 Dec 2020`;
const file = (...rows: string[]) => tmp.write([HEADER, ...rows, ''].join('\n'));

const RECIPIENTS = ['HubSpot Europe', 'Mailer Ltd', 'Never Sent Ltd'];

/**
 * Ada and Charles in a networking group with a basis, Grace quarantined; three recipients registered, the first two
 * of which received an export (Ada and Charles), the third nothing.
 */
async function disclosed(c: Client) {
  await c.call('import.commit', { path: file(ada(), charles(), grace()), choices: {} });
  const group = await c.call('groups.add', { label: 'Engine people', rule: { type: 'company', companies: ['Analytical Engines Ltd'] } });
  await c.call('policy.assign', { groupId: group.id, policy: LI_POLICY, acknowledgeWarnings: true });
  const ids: string[] = [];
  for (const name of RECIPIENTS) ids.push((await c.call('recipients.add', { name, role: 'processor', contractDate: '2026-01-15', hostingRegion: 'UK', transfer: 'none' })).recipientId);
  for (const recipientId of ids.slice(0, 2)) expect((await c.call('export.crm', { channels: ['email'], directMarketing: false, purpose: 'networking', recipientId })).included).toBe(2);
  return { hubspot: ids[0]!, mailer: ids[1]!, never: ids[2]! };
}

const tasks = (c: Client, includeDone = false) => c.call('art19.list', { includeDone });

/** The raw bytes of the vault file and of its WAL, SHM and journal, read while the vault is open. */
const vaultFiles = (path: string): Buffer[] => ['', '-wal', '-shm', '-journal'].filter((s) => existsSync(path + s)).map((s) => readFileSync(path + s));
const onDisk = (path: string, needle: Buffer): boolean => vaultFiles(path).some((bytes) => bytes.includes(needle));

describe('Art. 19: rectification tasks from an update import', () => {
  it('one task per recipient that received the person, naming them as the recipient knows them and the fields changed', async () => {
    const c = await vault();
    const { hubspot, mailer } = await disclosed(c);
    expect(await tasks(c)).toEqual([]);

    const report = await c.call('import.commit', { path: file(ada('Countess of Computation', 'ada@lovelace.example'), charles(), grace()), choices: { onDuplicate: 'update' } });
    expect(report.updated).toBe(3);
    const open = await tasks(c);
    expect(open.map((t) => [t.recipientId, t.recipientName, t.kind, t.subject, t.doneAt])).toEqual(
      expect.arrayContaining([
        [hubspot, 'HubSpot Europe', 'rectification', 'ada@analytical-engines.example (changed: email, position)', null],
        [mailer, 'Mailer Ltd', 'rectification', 'ada@analytical-engines.example (changed: email, position)', null],
      ]),
    );
    // Not firing: Charles is unchanged, Grace was never disclosed, and the third recipient received nobody.
    expect(open).toHaveLength(2);
    const entry = (await auditLog(c)).filter((e) => e.action === 'import-commit').at(-1);
    expect(entry?.details).toMatchObject({ updated: 3, tasks: 2 });
  });

  it('names a person without an email by their profile, and counts only changes a recipient could hold', async () => {
    const c = await vault();
    await disclosed(c);
    await c.call('import.commit', { path: file(ada(), charles('Father of the computer'), grace()), choices: { onDuplicate: 'update' } });
    expect((await tasks(c)).map((t) => t.subject)).toEqual([
      'https://www.linkedin.com/in/charles-babbage-1791 (changed: position)',
      'https://www.linkedin.com/in/charles-babbage-1791 (changed: position)',
    ]);
  });

  it('not firing: the same data again, a change to someone never disclosed, or a skipping import create no task', async () => {
    const c = await vault();
    await disclosed(c);
    // Identical data (only the source, the import and line, differs).
    await c.call('import.commit', { path: file(grace(), charles(), ada()), choices: { onDuplicate: 'update' } });
    // Grace changes, but she was quarantined and never exported.
    await c.call('import.commit', { path: file(grace('Commodore')), choices: { onDuplicate: 'update' } });
    // Ada changes, but the import skips people already held.
    expect(await c.call('import.commit', { path: file(ada('Countess')), choices: {} })).toMatchObject({ duplicatesSkipped: 1, updated: 0 });
    expect(await tasks(c, true)).toEqual([]);
  });

  it('marking a task done wipes its subject; it stays listed with --all, and cannot be done twice', async () => {
    const c = await vault();
    await disclosed(c);
    await c.call('import.commit', { path: file(ada('Countess')), choices: { onDuplicate: 'update' } });
    const [first, second] = await tasks(c);
    await c.call('art19.done', { taskId: first!.id });

    expect((await tasks(c)).map((t) => t.id)).toEqual([second!.id]);
    const all = await tasks(c, true);
    expect(all.find((t) => t.id === first!.id)).toMatchObject({ subject: null, doneAt: NOW.toISOString(), kind: 'rectification', recipientName: first!.recipientName });
    expect(all.find((t) => t.id === second!.id)?.subject).toBe('ada@analytical-engines.example (changed: position)');

    expect(await c.route('art19.done', { taskId: first!.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await c.route('art19.done', { taskId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('marking a task done leaves neither its subject nor its encrypted bytes in the vault file or its WAL (Art. 5(1)(e))', async () => {
    const c = await vault();
    await disclosed(c);
    // Ada's email changes: the subject (her old email) is held only in the task, encrypted.
    await c.call('import.commit', { path: file(ada('Head of Computation', 'ada@lovelace.example')), choices: { onDuplicate: 'update' } });
    const [first, second] = await tasks(c);
    expect(first!.subject).toBe('ada@analytical-engines.example (changed: email)');
    const session = (c.service as unknown as { session(): Session }).session();
    const sealed = (id: string) => (session.db.prepare('SELECT subject_ct FROM art19_tasks WHERE id = ?').get(id) as { subject_ct: Buffer | null }).subject_ct;
    const [firstBytes, secondBytes] = [sealed(first!.id)!, sealed(second!.id)!];
    expect(onDisk(c.path, firstBytes)).toBe(true); // the search finds what is there

    await c.call('art19.done', { taskId: first!.id });
    expect(sealed(first!.id)).toBeNull();
    expect(onDisk(c.path, firstBytes)).toBe(false);
    expect(onDisk(c.path, Buffer.from('ada@analytical-engines.example'))).toBe(false);
    expect(session.db.prepare("SELECT value FROM vault_meta WHERE key = 'vacuum_pending'").get()).toBeUndefined();
    // Not firing: the open task keeps its subject.
    expect(onDisk(c.path, secondBytes)).toBe(true);
    expect((await tasks(c)).map((t) => t.subject)).toEqual(['ada@analytical-engines.example (changed: email)']);
  });

  it('the audit log holds ids and words only: never a recipient name or a task subject', async () => {
    const c = await vault();
    await disclosed(c);
    await c.call('import.commit', { path: file(ada('Countess')), choices: { onDuplicate: 'update' } });
    const [task] = await tasks(c);
    await c.call('art19.done', { taskId: task!.id });
    await c.call('art19.list', { includeDone: true });

    const entries = await auditLog(c);
    expect(entries.find((e) => e.action === 'art19-done')?.details).toEqual({ taskId: task!.id, recipientId: task!.recipientId, kind: 'rectification' });
    const text = JSON.stringify(entries);
    for (const personal of [...RECIPIENTS, 'HubSpot', 'ada@analytical-engines.example', 'Lovelace', 'Countess', 'changed:']) expect(text).not.toContain(personal);
  });
});
