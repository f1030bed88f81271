// Acceptance (issue 13, point 1): the audit log, certificates and legal holds are listed a page at a time through the
// router every front end calls, like contacts (contacts-list.test.ts): a total, a stable order, pages that cover every
// item once, and no answer larger than MAX_PAGE. The audit log is filtered in the core by action, member, outcome and
// days, and its export keeps what the same filter keeps.
import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/api/contract.js';
import type { AuditEntry } from '../../src/shared/audit-entry.js';
import { MAX_PAGE } from '../../src/shared/vocabulary.js';
import { auditLog } from '../support/audit.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { routedClients, type RoutedClient } from '../support/router-vault.js';

const tmp = scratch();
const clients = routedClients();
const DAY = 86_400_000;

const people = (n: number) =>
  [HEADER, ...Array.from({ length: n }, (_, i) => `Person${i},Surname${i},https://www.linkedin.com/in/person-${i},person${i}@acme.example,Acme Ltd,Engineer,10 Dec 2019`), ''].join('\n');

/** A vault on a clock the test moves, holding `n` people. */
async function vault(n = 5) {
  const clock = { now: new Date('2026-11-02T09:00:00Z') };
  const c = await clients.vault(tmp, () => clock.now);
  await c.call('import.commit', { path: tmp.write(people(n)), choices: {} });
  return { ...c, clock };
}

/** Every page of the audit log the filter keeps, `limit` at a time, and the totals each page gave. */
async function pages(c: RoutedClient, limit: number, filter: Omit<Parameters<typeof auditLog>[1] & object, 'afterSeq'> = {}) {
  const seen: AuditEntry[] = [];
  const totals = new Set<number>();
  for (let after: number | null = 0; after !== null; ) {
    const page: Response<'audit.entries'> = await c.call('audit.entries', { ...filter, afterSeq: after, limit });
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    seen.push(...page.entries);
    totals.add(page.total);
    after = page.next;
  }
  return { seen, totals: [...totals] };
}

describe('the audit log, a page at a time', () => {
  it('pages cover every entry once, oldest first, each with the same total; the last has no next', async () => {
    const c = await vault();
    for (let i = 0; i < 60; i++) await c.call(i % 2 ? 'groups.list' : 'members.list', {});
    // Reading the log is audited: its entry is written by the first read, and a reading page by page adds no other.
    await c.call('audit.entries', { limit: 1 });
    const { seen, totals } = await pages(c, 25);
    const seqs = seen.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(totals).toEqual([seqs.length]);
    expect(seqs.length).toBe((await c.call('audit.verify', {})).entries);
    expect(seqs[0]).toBe(1);
  });

  it('newest first: pages cover every entry once, in descending order, behind a cursor', async () => {
    const c = await vault();
    for (let i = 0; i < 30; i++) await c.call(i % 2 ? 'groups.list' : 'members.list', {});
    await c.call('audit.entries', { newestFirst: true, limit: 1 }); // the reading's own entry, written once
    const seen: AuditEntry[] = [];
    const totals = new Set<number>();
    for (let before: number | undefined, first = true; first || before !== undefined; first = false) {
      const page: Response<'audit.entries'> = await c.call('audit.entries', { newestFirst: true, limit: 7, ...(before === undefined ? {} : { beforeSeq: before }) });
      seen.push(...page.entries);
      totals.add(page.total);
      before = page.next ?? undefined;
    }
    const seqs = seen.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs.at(-1)).toBe(1);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...totals]).toEqual([seqs.length]);
  });

  it('the default page is 100 entries, and no page is larger than MAX_PAGE', async () => {
    const c = await vault();
    for (let i = 0; i < 120; i++) await c.call(i % 2 ? 'groups.list' : 'members.list', {});
    const first = await c.call('audit.entries', {});
    expect(first.entries).toHaveLength(100);
    expect(first.next).toBe(first.entries.at(-1)!.seq);
    expect(await c.refusal('audit.entries', { limit: MAX_PAGE + 1 })).toMatchObject({ code: 'invalid' });
  });

  it('filters by action, member, outcome and days in the core, with the total of what the filter keeps', async () => {
    const c = await vault();
    const [root] = await c.call('members.list', {});
    for (let i = 0; i < 14; i++) await c.call(i % 2 ? 'groups.list' : 'members.list', {});
    c.clock.now = new Date(c.clock.now.getTime() + 3 * DAY); // 2026-11-05
    for (let i = 0; i < 8; i++) await c.call(i % 2 ? 'groups.list' : 'members.list', {});
    await c.refusal('contacts.show', { contactId: '00000000-0000-4000-8000-000000000000' });
    // Each filtered reading is itself audited (its first page writes an entry, which its later pages may see): the
    // pages are checked against the whole log as it stood when they were read, and their last total against them.
    const expectKept = async (filter: Parameters<typeof auditLog>[1], keep: (e: AuditEntry) => boolean) => {
      const { seen, totals } = await pages(c, 3, filter);
      const head = (await c.call('audit.verify', {})).entries;
      const all = (await auditLog(c)).filter((e) => e.seq <= head);
      expect(seen.map((e) => e.seq)).toEqual(all.filter(keep).map((e) => e.seq));
      expect(totals.at(-1)).toBe(seen.length);
      return seen;
    };
    expect(await expectKept({ action: 'group-list' }, (e) => e.action === 'group-list')).toHaveLength(11);
    expect((await expectKept({ memberId: root!.id }, (e) => e.member === root!.id)).length).toBeGreaterThan(11);
    expect(await expectKept({ memberId: '00000000-0000-4000-8000-000000000000' }, () => false)).toEqual([]);
    expect((await expectKept({ outcome: 'success' }, (e) => e.outcome === 'success')).length).toBeGreaterThan(0);
    expect(await expectKept({ outcome: 'refused' }, (e) => e.outcome === 'refused')).toHaveLength(1);
    expect(await expectKept({ from: '2026-11-05' }, (e) => e.at >= '2026-11-05')).not.toEqual([]);
    expect(await expectKept({ to: '2026-11-02' }, (e) => e.at.slice(0, 10) <= '2026-11-02')).not.toEqual([]);
    expect(await expectKept({ from: '2026-11-03', to: '2026-11-04' }, () => false)).toEqual([]);
    expect(await expectKept({ action: 'group-list', from: '2026-11-05', to: '2026-11-05' }, (e) => e.action === 'group-list' && e.at >= '2026-11-05')).toHaveLength(4);
  });

  it('a list read page after page is one entry; another read or change in between starts a new one', async () => {
    const c = await vault(250);
    const before = (await c.call('audit.verify', {})).entries;
    let page = await c.call('contacts.list', { limit: 100 });
    while (page.next !== null) page = await c.call('contacts.list', { limit: 100, after: page.next });
    const read = (await auditLog(c)).slice(before);
    expect(read.map((e) => e.action)).toEqual(['audit-verify', 'contact-list']); // (auditLog's own entry is written after it reads)
    await c.call('contacts.list', {});
    await c.call('members.list', {});
    await c.call('contacts.list', {});
    await c.refusal('contacts.list', { limit: MAX_PAGE + 1 });
    await c.call('contacts.list', {});
    const later = (await auditLog(c)).slice(before + read.length);
    expect(later.map((e) => `${e.action} ${e.outcome}`)).toEqual(['audit-read success', 'contact-list success', 'member-list success', 'contact-list success', 'contact-list refused', 'contact-list success']);
  });

  it('reads that ask something else are entries of their own: another person, another search; and the same read later', async () => {
    const c = await vault(3);
    const [a, b] = (await c.call('contacts.list', {})).contacts;
    const before = (await c.call('audit.verify', {})).entries;
    await c.call('notices.list', { contactId: a!.id });
    await c.call('notices.list', { contactId: b!.id });
    await c.call('notices.list', { contactId: b!.id });
    await c.call('contacts.list', { search: 'person1' });
    await c.call('contacts.list', { search: 'person2' });
    await c.call('contacts.list', { search: 'person2', offset: 1 });
    c.clock.now = new Date(c.clock.now.getTime() + 11 * 60_000);
    await c.call('contacts.list', { search: 'person2', offset: 1 });
    const read = (await auditLog(c)).slice(before);
    expect(read.map((e) => e.action)).toEqual(['audit-verify', 'notice-list', 'notice-list', 'contact-list', 'contact-list', 'contact-list']);
  });

  it('refuses a filter it cannot read, in one sentence', async () => {
    const c = await vault();
    for (const request of [{ action: 'Import Commit' }, { from: '2026-13-01' }, { to: '5 Nov' }, { memberId: 'root' }]) {
      const refusal = await c.refusal('audit.entries', request);
      expect(refusal.code).toBe('invalid');
      expect(refusal.message).not.toMatch(/\n|at .*\.ts/);
    }
    expect(await c.refusal('audit.entries', { outcome: 'maybe' as 'success' })).toMatchObject({ code: 'invalid' });
  });

  it('exports what the same filter keeps', async () => {
    const c = await vault();
    for (let i = 0; i < 6; i++) await c.call(i % 2 ? 'groups.list' : 'members.list', {});
    const exported = await c.call('audit.export', { format: 'json', action: 'group-list' });
    const entries = JSON.parse(exported.text) as AuditEntry[];
    expect(entries.map((e) => e.action)).toEqual(['group-list', 'group-list', 'group-list']);
    expect(exported.entries).toBe(3);
    const everything = await c.call('audit.export', { format: 'csv' });
    expect(everything.entries).toBeGreaterThan(3);
  });
});

describe('certificates and legal holds, a page at a time', () => {
  it('certificates newest first; pages disjoint and complete; one found by id without the list', async () => {
    const c = await vault(5);
    for (let i = 0; i < 5; i++) {
      c.clock.now = new Date(c.clock.now.getTime() + 60_000);
      await c.call('contacts.erase', { email: `person${i}@acme.example` });
    }
    const seen: Response<'certificates.list'>['certificates'] = [];
    for (let offset = 0; ; offset += 2) {
      const page = await c.call('certificates.list', { offset, limit: 2 });
      expect(page).toMatchObject({ total: 5, offset });
      expect(page.certificates.length).toBeLessThanOrEqual(2);
      if (page.certificates.length === 0) break;
      seen.push(...page.certificates);
    }
    expect(new Set(seen.map((x) => x.id)).size).toBe(5);
    const issued = seen.map((x) => x.issuedAt);
    expect(issued).toEqual([...issued].sort().reverse());
    expect((await c.call('certificates.show', { certificateId: seen[3]!.id })).certificate).toEqual(seen[3]);
    expect(await c.refusal('certificates.list', { limit: MAX_PAGE + 1 })).toMatchObject({ code: 'invalid' });
  });

  it('holds in force oldest first; a lifted hold leaves the pages', async () => {
    const c = await vault(5);
    const contacts = (await c.call('contacts.list', {})).contacts;
    const ids: string[] = [];
    for (const contact of contacts) {
      c.clock.now = new Date(c.clock.now.getTime() + 60_000);
      ids.push(await c.call('holds.place', { contactId: contact.id, reason: 'A claim is expected about this person' }).then((r) => r.holdId));
    }
    const first = await c.call('holds.list', { limit: 2 });
    const second = await c.call('holds.list', { offset: 2, limit: 2 });
    const third = await c.call('holds.list', { offset: 4, limit: 2 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...first.holds, ...second.holds, ...third.holds].map((h) => h.id)).toEqual(ids);
    await c.call('holds.lift', { holdId: ids[1]! });
    const after = await c.call('holds.list', {});
    expect(after.total).toBe(4);
    expect(after.holds.map((h) => h.id)).toEqual(ids.filter((_, i) => i !== 1));
  });

  it('subscriber types and notices per person: pages with a total, never more than MAX_PAGE', async () => {
    const c = await vault(5);
    const pages = [await c.call('subscribers.list', { limit: 2 }), await c.call('subscribers.list', { offset: 2, limit: 2 }), await c.call('subscribers.list', { offset: 4, limit: 2 })];
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(new Set(pages.flatMap((p) => p.subscribers.map((x) => x.contactId))).size).toBe(5);
    expect(await c.refusal('subscribers.list', { limit: MAX_PAGE + 1 })).toMatchObject({ code: 'invalid' });

    const ids = (await c.call('contacts.list', {})).contacts.map((x) => x.id);
    const some = await c.call('notices.list', { contactIds: ids.slice(0, 3) });
    expect(some.people.map((p) => p.contactId).sort()).toEqual(ids.slice(0, 3).sort());
    expect(some.peopleTotal).toBe(3);
    const paged = await c.call('notices.list', { contactIds: ids, offset: 4, limit: 2 });
    expect(paged).toMatchObject({ peopleTotal: 5 });
    expect(paged.people).toHaveLength(1);
    expect(await c.refusal('notices.list', { contactIds: ids, limit: MAX_PAGE + 1 })).toMatchObject({ code: 'invalid' });
  });
});
