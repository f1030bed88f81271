// Art. 19: a rectification must be told to every recipient the person's data was disclosed to. An update import
// (--update-duplicates) that changes a stored person who was exported leaves one task per recipient that received
// them, naming the person as the recipient knows them and the fields that changed; an admin marks it done, which
// wipes whom it was about. Through the router every front end calls, on an injected clock; the audit log never holds
// a recipient's name or a task's subject.
import { describe, expect, it } from 'vitest';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients } from '../support/router-vault.js';

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
  for (const recipientId of ids.slice(0, 2)) expect((await c.call('export.crm', { purpose: 'networking', recipientId })).included).toBe(2);
  return { hubspot: ids[0]!, mailer: ids[1]!, never: ids[2]! };
}

const tasks = (c: Client, includeDone = false) => c.call('art19.list', { includeDone });

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
    const entry = (await c.call('audit.entries', { limit: 5000 })).filter((e) => e.action === 'import-commit').at(-1);
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

  it('the audit log holds ids and words only: never a recipient name or a task subject', async () => {
    const c = await vault();
    await disclosed(c);
    await c.call('import.commit', { path: file(ada('Countess')), choices: { onDuplicate: 'update' } });
    const [task] = await tasks(c);
    await c.call('art19.done', { taskId: task!.id });
    await c.call('art19.list', { includeDone: true });

    const entries = await c.call('audit.entries', { limit: 5000 });
    expect(entries.find((e) => e.action === 'art19-done')?.details).toEqual({ taskId: task!.id, recipientId: task!.recipientId, kind: 'rectification' });
    const text = JSON.stringify(entries);
    for (const personal of [...RECIPIENTS, 'HubSpot', 'ada@analytical-engines.example', 'Lovelace', 'Countess', 'changed:']) expect(text).not.toContain(personal);
  });
});
