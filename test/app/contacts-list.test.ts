// Acceptance (issue 13, point 1): contacts.list answers one page, narrowed and searched in the core, through the
// router every front end calls. Pages are stable and cover every match once; the total is right for each filter; the
// contract refuses a page larger than MAX_PAGE; the in-memory search index follows every change, folds case and
// accents, counts special-category hints over the whole match, and is neither kept after lock nor written to disk.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Request, Response } from '../../src/api/contract.js';
import { MAX_PAGE } from '../../src/shared/vocabulary.js';
import { allContacts } from '../support/contacts.js';
import { HEADER, scratch } from '../support/fixtures.js';
import { LI_POLICY } from '../support/policies.js';
import { routedClients, type RoutedClient } from '../support/router-vault.js';
import { PASSPHRASE } from '../support/vault.js';

const tmp = scratch();
const clients = routedClients();

const ROWS = 1_203;
const COMPANIES: readonly string[] = ['Acme Ltd', 'Globex Corporation', 'Initech'];

/** Row i of the generated export: every tenth person is a Zoë, every fiftieth a union rep, a few hint at health. */
function person(i: number) {
  const n = String(i).padStart(4, '0');
  return {
    first: i % 10 === 0 ? 'Zoë' : `First${n}`,
    last: `Surname${n}`,
    company: COMPANIES[i % 3]!,
    position: i % 50 === 0 ? 'Union rep and Inventor' : i % 101 === 1 ? 'Living with type 1 diabetes' : 'Engineer',
    url: `https://www.linkedin.com/in/person-${n}`,
    email: i % 4 === 0 ? `person${n}@acme.example` : '',
  };
}
const PEOPLE = Array.from({ length: ROWS }, (_, i) => person(i));
const line = (p: ReturnType<typeof person>) => [p.first, p.last, p.url, p.email, p.company, p.position, '10 Dec 2019'].join(',');
const csv = (people: readonly ReturnType<typeof person>[]) => [HEADER, ...people.map(line), ''].join('\n');

const count = (keep: (p: ReturnType<typeof person>, i: number) => boolean) => PEOPLE.filter(keep).length;
const isZoe = (p: ReturnType<typeof person>) => p.first === 'Zoë';
const acme = (p: ReturnType<typeof person>) => p.company === 'Acme Ltd';

/**
 * A vault on a clock that stands still (so no change can be told by its time: the index must see it all the same),
 * holding the generated export: Acme in a group with a lawful basis (usable), Globex in a group without one and under
 * a legal hold, Initech in no group; one Initech contact is also held on its own.
 */
async function vault(dir: { path(name: string): string } = tmp) {
  const c = await clients.vault(dir, () => new Date('2026-11-02T09:00:00Z'));
  const { id: acmeId } = await c.call('groups.add', { label: 'Acme', rule: { type: 'company', companies: ['Acme Ltd'] }, confirm: true });
  await c.call('policy.assign', { groupId: acmeId, policy: LI_POLICY, acknowledgeWarnings: true, confirm: true });
  const { id: globexId } = await c.call('groups.add', { label: 'Globex', rule: { type: 'company', companies: ['Globex Corporation'] }, confirm: true });
  const report = await c.call('import.commit', { path: tmp.write(csv(PEOPLE)), choices: {} });
  expect(report.added).toBe(ROWS);
  await c.call('holds.place', { groupId: globexId, reason: 'A dispute with Globex is expected' });
  const loneInitech = (await c.call('contacts.list', { search: 'Surname0002' })).contacts[0]!;
  await c.call('holds.place', { contactId: loneInitech.id, reason: 'A claim is expected about this person' });
  return { ...c, acmeId, globexId };
}
type Filter = Omit<Request<'contacts.list'>, 'offset' | 'limit' | 'categoryCounts'>;

const total = async (c: RoutedClient, filter: Filter) => (await c.call('contacts.list', { ...filter, limit: 1 })).total;
const lastNames = async (c: RoutedClient, filter: Filter) => (await allContacts(c.call, filter)).map((x) => x.lastName);

describe('contacts.list in pages (issue 13)', () => {

  it('pages are stable and disjoint, and together hold every contact once, in the order they were added', async () => {
    const c = await vault();
    const seen: string[] = [];
    for (let offset = 0; offset < ROWS; offset += 100) {
      const page = await c.call('contacts.list', { offset, limit: 100 });
      expect(page).toMatchObject({ total: ROWS, offset });
      expect(page.contacts).toHaveLength(Math.min(100, ROWS - offset));
      // Asked again, the same page.
      expect((await c.call('contacts.list', { offset, limit: 100 })).contacts.map((x) => x.id)).toEqual(page.contacts.map((x) => x.id));
      seen.push(...page.contacts.map((x) => x.lastName));
    }
    expect(seen).toEqual(PEOPLE.map((p) => p.last));
    expect(new Set(seen).size).toBe(ROWS);
    // Past the end: no contacts, the same total.
    expect(await c.call('contacts.list', { offset: ROWS, limit: 100 })).toEqual({ total: ROWS, offset: ROWS, contacts: [], next: null });
    // The default page is 100; pages of other sizes cut the same order.
    expect((await c.call('contacts.list', {})).contacts).toHaveLength(100);
    expect((await c.call('contacts.list', { offset: 250, limit: 7 })).contacts.map((x) => x.lastName)).toEqual(seen.slice(250, 257));
  });

  it('pages behind a cursor neither skip nor repeat a contact when one is erased between them, searched or not', async () => {
    const c = await vault();
    for (const filter of [{}, { search: 'Surname' }]) {
      const everyone = (await allContacts(c.call, filter)).map((x) => x.id);
      const first = await c.call('contacts.list', { ...filter, limit: 100 });
      expect(first.next).not.toBeNull();
      await c.call('contacts.erase', { contactId: first.contacts[5]!.id });
      const second = await c.call('contacts.list', { ...filter, limit: 100, after: first.next! });
      expect(second.contacts.map((x) => x.id)).toEqual(everyone.slice(100, 200));
    }
    // The last page says there is no next one.
    let after: number | null | undefined;
    let pages = 0;
    do {
      const page: Response<'contacts.list'> = await c.call('contacts.list', { limit: 500, ...(after ? { after } : {}) });
      after = page.next;
      pages++;
    } while (after !== null && pages < 10);
    expect(pages).toBe(3);
  });

  it('gives the right total for each filter, and the pages of each filter hold exactly that many', async () => {
    const c = await vault();
    const cases: [string, Filter, number][] = [
      ['no filter', {}, ROWS],
      ['a group', { groupId: c.acmeId }, count(acme)],
      ['no group', { groupId: null }, count((p) => p.company === 'Initech')],
      ['usable', { status: 'usable' }, count(acme)],
      ['quarantined', { status: 'quarantined' }, count((p) => !acme(p))],
      ['held', { status: 'held' }, count((p) => p.company === 'Globex Corporation') + 1],
      ['held, in no group', { groupId: null, status: 'held' }, 1],
      ['a search', { search: 'zoë' }, count(isZoe)],
      ['a search in a group', { search: 'zoë', groupId: c.acmeId }, count((p) => isZoe(p) && acme(p))],
      ['a search and a status', { search: 'Surname000', status: 'quarantined' }, count((p, i) => i < 10 && !acme(p))],
      ['a search that matches nobody', { search: 'nobody by this name' }, 0],
    ];
    for (const [what, filter, expected] of cases) {
      expect(await total(c, filter), what).toBe(expected);
      expect(await allContacts(c.call, filter), what).toHaveLength(expected);
    }
    expect(count(acme)).toBe(401);
    expect(count(isZoe)).toBe(121);
    // Each filter keeps what it says.
    expect((await allContacts(c.call, { status: 'usable' })).every((x) => x.usable && x.groupId === c.acmeId)).toBe(true);
    expect((await allContacts(c.call, { status: 'held' })).every((x) => x.legalHold)).toBe(true);
    expect((await allContacts(c.call, { status: 'quarantined' })).some((x) => x.usable)).toBe(false);
    expect(await lastNames(c, { search: 'zoë', groupId: c.acmeId })).toEqual(PEOPLE.filter((p) => isZoe(p) && acme(p)).map((p) => p.last));
  });

  it('refuses a page larger than MAX_PAGE in the contract, so no answer ever holds more than a page', async () => {
    const c = await vault();
    expect(MAX_PAGE).toBe(500);
    for (const request of [{ limit: MAX_PAGE + 1 }, { limit: 100_000 }, { limit: 0 }, { offset: -1 }, { limit: 2.5 }]) {
      expect(await c.refusal('contacts.list', request), JSON.stringify(request)).toMatchObject({ code: 'invalid' });
    }
    const widest = await c.call('contacts.list', { limit: MAX_PAGE });
    expect(widest).toMatchObject({ total: ROWS, offset: 0 });
    expect(widest.contacts).toHaveLength(MAX_PAGE);
    // Even through the router with no limit at all, one default page.
    const raw = await c.route('contacts.list', { search: 'surname' });
    expect(raw).toMatchObject({ ok: true, value: { total: ROWS } });
    expect((raw as { value: { contacts: unknown[] } }).value.contacts).toHaveLength(100);
  });

  it('folds case and accents: ZOË, zoë, Zoe and a decomposed Zoë find the same people', async () => {
    const c = await vault();
    const zoes = PEOPLE.filter(isZoe).map((p) => p.last);
    for (const search of ['ZOË', 'zoë', 'Zoe', 'zoe', 'Zoe\u0308', '  zoë  ']) {
      expect(await lastNames(c, { search }), JSON.stringify(search)).toEqual(zoes);
    }
    // Any field: company, position, email and profile address, in any case.
    expect(await total(c, { search: 'GLOBEX' })).toBe(count((p) => p.company === 'Globex Corporation'));
    expect(await total(c, { search: 'type 1 DIABETES' })).toBe(count((p) => p.position.includes('diabetes')));
    expect(await total(c, { search: 'person0004@ACME' })).toBe(1);
    expect(await total(c, { search: 'linkedin.com/in/person-0012' })).toBe(1);
    // A search never runs from one field into the next: "Zoë Surname0000" is two fields, not one text.
    expect(await total(c, { search: 'zoë surname0000' })).toBe(0);
  });

  it('counts the special-category hints of every matching contact, not only of the page', async () => {
    const c = await vault();
    const union = (p: ReturnType<typeof person>) => p.position.startsWith('Union rep');
    const health = (p: ReturnType<typeof person>) => p.position.includes('diabetes');
    /** The counts expected among the people `keep` holds (a category nobody holds is left out). */
    const expected = (keep: (p: ReturnType<typeof person>) => boolean) =>
      Object.fromEntries(
        Object.entries({ 'trade-union-membership': count((p) => keep(p) && union(p)), health: count((p) => keep(p) && health(p)) }).filter(([, n]) => n > 0),
      );
    const all = await c.call('contacts.list', { limit: 1, categoryCounts: true });
    expect(all.contacts).toHaveLength(1);
    expect(all.categoryCounts).toEqual({ 'trade-union-membership': 25, health: 12 });
    expect(all.categoryCounts).toEqual(expected(() => true));
    const inAcme = await c.call('contacts.list', { groupId: c.acmeId, limit: 1, categoryCounts: true });
    expect(inAcme.categoryCounts).toEqual(expected(acme));
    const zoes = await c.call('contacts.list', { search: 'zoë', offset: 5, limit: 2, categoryCounts: true });
    expect(zoes.contacts).toHaveLength(2);
    expect(zoes.categoryCounts).toEqual(expected(isZoe));
    // The same counts as the contacts themselves say, read a page at a time.
    const tally: Record<string, number> = {};
    for (const x of await allContacts(c.call, { groupId: c.acmeId })) for (const k of x.specialCategories) tally[k] = (tally[k] ?? 0) + 1;
    expect(inAcme.categoryCounts).toEqual(tally);
    // Not asked, not counted; nobody matching, nothing counted.
    expect(await c.call('contacts.list', { limit: 1 })).not.toHaveProperty('categoryCounts');
    expect((await c.call('contacts.list', { search: 'nobody by this name', categoryCounts: true })).categoryCounts).toEqual({});
  });
});

describe('the search index follows the vault', () => {
  it('sees a contact added, changed by an update import, and erased since the last search', async () => {
    const c = await vault();
    expect(await total(c, { search: 'Newcomer' })).toBe(0);
    expect(await total(c, { search: 'Surname0005' })).toBe(1);

    await c.call('import.commit', { path: tmp.write(csv([{ ...person(5000), first: 'Ada', last: 'Newcomer' }])), choices: {} });
    expect(await lastNames(c, { search: 'newcomer' })).toEqual(['Newcomer']);
    expect(await total(c, {})).toBe(ROWS + 1);

    await c.call('import.commit', { path: tmp.write(csv([{ ...person(5), last: 'Renamed', company: 'Hooli' }])), choices: { onDuplicate: 'update' } });
    expect(await total(c, { search: 'Surname0005' })).toBe(0);
    const renamed = (await c.call('contacts.list', { search: 'renamed' })).contacts;
    expect(renamed.map((x) => [x.firstName, x.lastName, x.company])).toEqual([['First0005', 'Renamed', 'Hooli']]);
    expect(await total(c, { search: 'hooli' })).toBe(1);

    await c.call('contacts.erase', { contactId: renamed[0]!.id });
    expect(await total(c, { search: 'renamed' })).toBe(0);
    const newcomer = (await c.call('contacts.list', { search: 'Newcomer' })).contacts[0]!;
    await c.call('contacts.erase', { contactId: newcomer.id });
    expect(await total(c, { search: 'newcomer' })).toBe(0);
    expect(await total(c, {})).toBe(ROWS - 1);
    expect(await total(c, { search: 'surname' })).toBe(ROWS - 1);
  }, 60_000);
});

describe('the search index lives only in memory, while the vault is unlocked', () => {
  const own = scratch();

  it('is gone at lock (the next unlock searches right) and never touches the disk', async () => {
    const c = await vault(own);
    expect(await total(c, { search: 'zoë' })).toBe(count(isZoe));
    expect(await total(c, { search: 'Surname0007' })).toBe(1);
    await c.call('vault.lock', {});
    expect(await c.refusal('contacts.list', { search: 'zoë' })).toMatchObject({ code: 'locked' });
    await c.call('vault.unlock', { path: c.path, name: 'Root Admin', passphrase: PASSPHRASE });
    expect(await lastNames(c, { search: 'ZOE' })).toEqual(PEOPLE.filter(isZoe).map((p) => p.last));
    expect(await total(c, { search: 'surname0007' })).toBe(1);

    // Nothing in the folder but the vault and SQLite's own -wal and -shm files: no index, no cache, no temp file.
    const name = basename(c.path);
    const files = readdirSync(own.dir);
    expect(files.filter((f) => ![name, `${name}-wal`, `${name}-shm`].includes(f))).toEqual([]);
    // The searched text is in no byte of them, in either spelling, whole or as the index joins it.
    const bytes = Buffer.concat(files.map((f) => readFileSync(own.path(f))));
    for (const text of ['Surname0007', 'surname0007', 'first0007', 'Globex Corporation', 'globex corporation', 'person0004@acme.example', 'linkedin.com/in/person-0012']) {
      expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
      expect(bytes.includes(Buffer.from(text, 'utf16le')), `${text} (UTF-16)`).toBe(false);
    }
  }, 60_000);
});
