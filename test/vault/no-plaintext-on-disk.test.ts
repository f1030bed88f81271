// Acceptance: nothing personal reaches the disk in plaintext. Every connections fixture is committed to one vault,
// with a group (label + company rule), a lawful basis with free-text evidence and two named members; then the raw
// bytes of the vault file and its WAL/SHM/journal are searched, before closing (WAL populated) and after closing,
// for every name, email, profile URL, company and position of the fixtures (UTF-8 and UTF-16LE), for every
// free text typed about people (the group's policy with its Art. 9 and Art. 10 evidence, and schema 6's per-person consent and notice records, the
// recipients register, the disclosure log, an Art. 19 task, the controller's details, a suppression lifted with a
// reason, schema 7's rationale of a retention policy, and schema 8's subscriber types, soft opt-in and TPS screening),
// and for a destruction token (kept only as its hash, beside its wrapped audit key). Then a person known only by name and company is erased: the suppression list keeps
// their name + company as a keyed hash, and neither their name nor their company is anywhere in the files.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../src/import/read-export.js';
import { canonicalProfileUrl, normaliseText } from '../../src/import/normalise.js';
import { commitImport } from '../../src/app/use-cases/commit-import.js';
import { addGroup, assignPolicy, listGroups } from '../../src/app/use-cases/groups.js';
import { addMember, listAllMembers } from '../../src/app/use-cases/members.js';
import { createDestructionToken } from '../../src/app/use-cases/tokens.js';
import { listRetentionPolicies, setRetentionPolicy } from '../../src/app/use-cases/retention.js';
import { erasePerson, liftSuppression, suppressPerson } from '../../src/app/use-cases/requests.js';
import { addSoftOptIn, listScreenings, recordScreening } from '../../src/app/use-cases/pecr-records.js';
import { confirmSubscriber, listSubscribers } from '../../src/app/use-cases/subscribers.js';
import type { Session } from '../../src/vault/session.js';
import { nameIndexOf } from '../../src/vault/contacts-repo.js';
import { Vault } from '../../src/vault/vault.js';
import { allContactsOf } from '../support/contacts.js';
import { fixture, scratch } from '../support/fixtures.js';
import { newVault } from '../support/vault.js';

const CONNECTION_EXPORTS = [
  'connections-current.csv',
  'connections-legacy.csv',
  'connections-bom-crlf.csv',
  'connections-tricky.csv',
  'connections-2022-no-url.csv',
  'connections-excel-semicolon-cp1252.csv',
  'connections-excel-unicode-text.txt',
  'connections-header-only.csv',
  'connections-broken-quote.csv',
  'Basic_LinkedInDataExport_11-29-2026.zip',
];

const MEMBER_NAMES = ['Philippa Thistlewood', 'Barnaby Quillfeather'];
const GROUP_LABEL = 'Analytical engine pioneers to meet at Bletchley';
const POLICY = {
  basis: 'legitimate-interests',
  purpose: 'networking',
  purposeDescription: 'Invitations to our quarterly engineering history evenings for Ada and friends.',
  evidence: {
    purposeTest: 'Keeping in touch with engineering historians we met through the Difference Engine society.',
    necessityTest: 'A personal invitation twice a year is the least intrusive way to reach these peers.',
    balancingTest: 'Professional peers expect such invitations; the impact on Ada Lovelace is negligible.',
    optOut: 'Reply STOP to Wilhelmina at any time, honoured the same day',
    assessedAt: '2025-01-10',
    assessedBy: 'Wilhelmina Fairweather-Quill, DPO',
    version: 'Crumpetshire LIA edition 7',
    signedOffBy: 'Octavius Marchbanks-Thrupp, data owner',
    signedOffAt: '2025-01-11',
    reviewBy: '2025-12-31',
  },
  art14Notice: { status: 'sent', date: '2025-01-15', method: 'Letter with our privacy notice, posted to Crumpetshire' },
  // Art. 9 and Art. 10 (issue 11): where the data was made public, the authority, the appropriate policy document.
  art9Condition: 'made-public-by-data-subject',
  art9Justification: 'Ada Lovelace describes these roles herself on the Difference Engine society pages.',
  art9MadePublicWhere: 'Her own biography page at the Crumpetshire Difference Engine society',
  art10Authority: 'Wilhelmina’s Crumpetshire safeguarding authority, DPA 2018 Sch. 1 para. 18',
  appropriatePolicyDocument: 'Crumpetshire APD folio 12, kept by Wilhelmina',
};
/** What schema 6 keeps per person and per recipient: every free text typed there (issue 10). */
const PERSON_FACTS = {
  wording: 'Yes, Wilhelmina may email me about the Bletchley engineering evenings.',
  wordingVersion: 'Bletchley sign-up wording, Michaelmas edition',
  proof: 'Sign-up card in the Crumpetshire filing cabinet, drawer four',
  noticeVersion: 'Crumpetshire privacy notice, second printing',
  dpiaReference: 'DPIA-CRUMPET-0042 kept by Wilhelmina',
  noticeReason: 'Writing to every Bletchley pioneer individually would take Wilhelmina a whole season',
  publishedAt: 'https://crumpetshire.example/privacy-notice-for-pioneers',
  recipientName: 'Quillfeather Mailing Cooperative',
  hostingRegion: 'Crumpetshire data centre, Thistlewood wing',
  recipientContact: 'dpo@quillfeather-mailing.example',
  controllerName: 'Difference Engine Society of Crumpetshire',
  controllerContact: '7 Babbage Crescent, Crumpetshire; privacy@difference-engine-society.example',
  dpo: 'Wilhelmina Fairweather-Quill, dpo@difference-engine-society.example',
  liftReason: 'Ada telephoned Wilhelmina to say she would like the invitations again',
};
/** What schema 8 keeps for PECR: a subscriber type's note and Companies House number, a soft opt-in, a TPS screening. */
const MARKETING_FACTS = {
  contactNote: 'Wilhelmina checked the Crumpetshire register of partnerships',
  companyNumber: 'OC301234',
  companyNote: 'Babbage confirmed the engine works are incorporated in Crumpetshire',
  products: 'Quarterly difference engine tuning for the Bletchley workshop',
  refusalOffered: 'A Crumpetshire opt-out box on the Bletchley order form',
  listVersion: 'Crumpetshire TPS extract, Michaelmas edition',
  provider: 'Thistlewood Screening Cooperative',
};
/** Why a retention period was chosen (schema 7): typed by an admin, kept encrypted. */
const RETENTION_RATIONALE = 'Wilhelmina holds the Bletchley evenings for three Crumpetshire seasons';
const TYPED_TEXT = [
  GROUP_LABEL,
  POLICY.purposeDescription,
  // The dates are not searched for (a day may be stored in the clear elsewhere); every typed word is, the LIA's version
  // and who signed it off included.
  ...Object.values(POLICY.evidence).filter((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v)),
  POLICY.art14Notice.method,
  POLICY.art9Justification,
  POLICY.art9MadePublicWhere,
  POLICY.art10Authority,
  POLICY.appropriatePolicyDocument,
  ...Object.values(PERSON_FACTS),
  ...Object.values(MARKETING_FACTS),
  RETENTION_RATIONALE,
];

/** The text of every identifying cell of a fixture, raw and normalised, with derived forms the vault may compute. */
async function valuesOf(path: string): Promise<{ raw: Set<string>; all: Set<string> }> {
  const raw = new Set<string>();
  const all = new Set<string>();
  const keep = (set: Set<string>, v: string | null | undefined) => {
    if (v && [...v].length >= 4) set.add(v);
  };
  await readExport(path, (info) => ({
    record(r) {
      for (const column of info.columns) {
        if (column.role === 'connected-on') continue; // a date: stored as an ISO day inside the blob, not an identifier
        const cell = r.cells[column.index] ?? '';
        keep(raw, cell);
        keep(all, cell);
        keep(all, normaliseText(cell));
        if (column.role === 'email') keep(all, normaliseText(cell).toLowerCase());
        if (column.role === 'profile-url') keep(all, canonicalProfileUrl(cell));
      }
    },
    error() {},
    finish: () => undefined,
  }));
  return { raw, all };
}

interface Found {
  value: string;
  encoding: 'utf8' | 'utf16le';
  file: string;
  offset: number;
}

function search(files: Map<string, Buffer>, values: Iterable<string>): Found[] {
  const found: Found[] = [];
  for (const value of values) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const needle = Buffer.from(value, encoding);
      for (const [file, bytes] of files) {
        const offset = bytes.indexOf(needle);
        if (offset !== -1) found.push({ value, encoding, file, offset });
      }
    }
  }
  return found;
}

/** The vault file and every side file SQLite may keep beside it, read as they are on disk right now. */
function readVaultFiles(path: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(path + suffix)) files.set(path + suffix, readFileSync(path + suffix));
  }
  return files;
}

/**
 * Random-looking bytes the vault legitimately stores: ciphertexts, keyed hashes, salts, nonces, wrapped keys, ids
 * and audit hashes. A 4-byte needle (e.g. "NASA") has a real chance (about 1 in 4 million per byte searched) of
 * occurring in such bytes by coincidence; such a hit is excused only when the needle can be seen inside one of them.
 */
function randomFields(db: Vault['db']): Buffer[] {
  const out: Buffer[] = [];
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (Buffer.isBuffer(value)) out.push(value);
        else if (typeof value === 'string' && (column === 'id' || column.endsWith('_id') || column.endsWith('hash'))) out.push(Buffer.from(value));
      }
      if (name === 'key_slots') {
        const slot = JSON.parse(row.slot as string) as { kdf?: { salt?: string }; nonce?: string; wrapped?: string };
        for (const v of [slot.kdf?.salt, slot.nonce, slot.wrapped]) if (v) out.push(Buffer.from(v));
      }
      if (name === 'vault_meta' && ['lookup_salt', 'vault_id', 'audit_head'].includes(row.key as string)) out.push(Buffer.from(row.value as string));
    }
  }
  return out;
}

function realLeaks(found: Found[], fields: Buffer[]): Found[] {
  return found.filter((f) => {
    const needle = Buffer.from(f.value, f.encoding);
    if (needle.length > 4) return true;
    return !fields.some((b) => b.includes(needle));
  });
}

/**
 * Schema 6's tables, each with a row holding typed text: a consent, a notice sent and an exemption, a recipient, a
 * disclosure, an Art. 19 task (its subject is a fixture's email), the controller's details, a lifted suppression.
 */
function fillPersonFacts(session: Session): void {
  const at = new Date().toISOString();
  const [ada, other] = allContactsOf(session).filter((c) => c.email !== null);
  const base = { carriedOver: false, recordedAt: at, recordedBy: session.memberId };
  session.consents.insert({ id: randomUUID(), contactId: ada!.id, purpose: 'networking', channels: ['email', 'post'], obtainedAt: '2025-01-10', method: 'form', wording: PERSON_FACTS.wording, wordingVersion: PERSON_FACTS.wordingVersion, proof: PERSON_FACTS.proof, carriedOver: false, createdAt: at, createdBy: session.memberId });
  session.notices.put({ contactId: ada!.id, status: 'sent', day: '2025-01-15', channel: 'post', exemption: null, version: PERSON_FACTS.noticeVersion, dpiaReference: null, reason: null, publishedAt: null, ...base });
  session.notices.put({ contactId: other!.id, status: 'exempt', day: '2025-01-15', channel: null, exemption: 'disproportionate-effort', version: null, dpiaReference: PERSON_FACTS.dpiaReference, reason: PERSON_FACTS.noticeReason, publishedAt: PERSON_FACTS.publishedAt, ...base });
  const recipientId = randomUUID();
  session.disclosures.addRecipient({ id: recipientId, name: PERSON_FACTS.recipientName, role: 'processor', contractDate: '2025-01-02', hostingRegion: PERSON_FACTS.hostingRegion, transfer: 'none', contact: PERSON_FACTS.recipientContact, createdAt: at }, session.memberId);
  session.disclosures.record({ id: randomUUID(), recipientId, at, memberId: session.memberId, purpose: 'networking', noticeRun: false, contacts: 2 }, [ada!.id, other!.id]);
  session.disclosures.addTask({ id: randomUUID(), recipientId, kind: 'rectification', createdAt: at, subject: ada!.email! });
  session.disclosures.setController({ name: PERSON_FACTS.controllerName, contact: PERSON_FACTS.controllerContact, dpo: PERSON_FACTS.dpo }, at, session.memberId);
  const { suppressionId } = suppressPerson(session, { email: 'someone-who-objected@crumpetshire.example' });
  liftSuppression(session, suppressionId, PERSON_FACTS.liftReason);
  // Each reads back: the search below is over a vault that holds all of it.
  expect(session.consents.list([ada!.id])[0]).toMatchObject({ proof: PERSON_FACTS.proof });
  expect(session.notices.get(other!.id)).toMatchObject({ dpiaReference: PERSON_FACTS.dpiaReference });
  expect(session.disclosures.tasks(false)[0]).toMatchObject({ subject: ada!.email });
  expect(session.disclosures.controller()).toMatchObject({ dpo: PERSON_FACTS.dpo });
  for (const table of ['consents', 'notices', 'recipients', 'disclosures', 'disclosed_contacts', 'art19_tasks', 'controller_details', 'suppressions']) {
    expect((session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBeGreaterThan(0);
  }
}

/**
 * Schema 8's tables, each with a row holding typed text in its detail_ct: a subscriber type confirmed for a contact and
 * one for a company (found by its name's blind index), a soft opt-in, and a TPS/CTPS screening.
 */
function fillMarketingRecords(session: Session): void {
  const [ada] = allContactsOf(session).filter((c) => c.email !== null);
  confirmSubscriber(session, { contactId: ada!.id, entity: 'scottish-partnership', note: MARKETING_FACTS.contactNote });
  confirmSubscriber(session, { company: 'Analytical Engines Ltd', entity: 'llp', companyNumber: MARKETING_FACTS.companyNumber, note: MARKETING_FACTS.companyNote });
  addSoftOptIn(session, { person: { contactId: ada!.id }, channels: ['email', 'sms'], obtainedAt: '2025-01-10', context: 'sale', products: MARKETING_FACTS.products, refusalOffered: MARKETING_FACTS.refusalOffered });
  recordScreening(session, { screenedOn: '2025-01-10', list: 'both', listVersion: MARKETING_FACTS.listVersion, provider: MARKETING_FACTS.provider });
  // Each reads back: the search below is over a vault that holds all of it.
  expect(listSubscribers(session, { contactId: ada!.id, offset: 0, limit: 1 }).subscribers[0]).toMatchObject({ confirmed: { note: MARKETING_FACTS.contactNote }, softOptIn: ['email', 'sms'] });
  expect([...session.marketing.companyConfirmations().values()][0]).toMatchObject({ companyNumber: MARKETING_FACTS.companyNumber, note: MARKETING_FACTS.companyNote });
  expect(session.marketing.softOptIns(ada!.id)[0]).toMatchObject({ products: MARKETING_FACTS.products });
  expect(listScreenings(session).screenings[0]).toMatchObject({ provider: MARKETING_FACTS.provider });
  for (const table of ['subscriber_types', 'company_subscriber_types', 'soft_opt_ins', 'tps_screenings']) {
    expect((session.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE detail_ct IS NOT NULL`).get() as { n: number }).n, table).toBeGreaterThan(0);
  }
}

const tmp = scratch();
let vault: Vault;
let vaultPath: string;
const fixtureValues = new Set<string>();
const rawValuesByFixture = new Map<string, Set<string>>();
let before: Map<string, Buffer>;
let fieldsBefore: Buffer[];
let after: Map<string, Buffer>;
let fieldsAfter: Buffer[];
/** A destruction token: a secret, stored only as its hash beside its wrapped audit key (random bytes). */
let token: string;

beforeAll(async () => {
  for (const name of CONNECTION_EXPORTS) {
    const { raw, all } = await valuesOf(fixture(name));
    rawValuesByFixture.set(name, raw);
    for (const v of all) fixtureValues.add(v);
  }
  const created = await newVault(tmp.dir, { name: MEMBER_NAMES[0]! });
  vault = created.vault;
  vaultPath = created.path;
  const session = created.session;
  for (const name of CONNECTION_EXPORTS) await commitImport(session, fixture(name), {});
  await addMember(session, { name: MEMBER_NAMES[1]!, roles: ['importer'], passphrase: 'a second long passphrase' });
  const group = addGroup(session, GROUP_LABEL, { type: 'company', companies: ['Analytical Engines Ltd'] });
  assignPolicy(session, group.id, POLICY, { acknowledgeWarnings: true });
  setRetentionPolicy(session, { scope: { type: 'group', groupId: group.id }, months: 36, anchor: 'imported', rationale: RETENTION_RATIONALE });
  token = createDestructionToken(session).token;
  fillPersonFacts(session);
  fillMarketingRecords(session);
  expect((vault.db.prepare('SELECT audit_key FROM destruction_tokens').get() as { audit_key: Buffer }).audit_key).toHaveLength(61);

  // The vault works: what was stored reads back (so the search below is over a vault that holds all of it).
  expect(allContactsOf(session).some((c) => c.lastName === 'Lovelace' && c.groupId === group.id && c.usable)).toBe(true);
  expect(listGroups(session).groups[0]!.policy!.policy.evidence).toMatchObject({ assessedBy: POLICY.evidence.assessedBy });
  expect(listAllMembers(session).map((m) => m.name).sort()).toEqual([...MEMBER_NAMES].sort());
  expect(listRetentionPolicies(session).policies.map((p) => p.rationale)).toEqual([RETENTION_RATIONALE]);

  before = readVaultFiles(vaultPath);
  fieldsBefore = randomFields(vault.db);
  vault.close();
  after = readVaultFiles(vaultPath);
  const reopened = Vault.open(vaultPath);
  fieldsAfter = randomFields(reopened.db);
  reopened.close();
});

afterAll(() => vault?.close());

describe('no plaintext on disk', () => {
  it('collected the fixtures’ identifying values (names, emails, URLs raw and canonical, companies, positions)', () => {
    expect(fixtureValues.size).toBeGreaterThan(250);
    for (const v of ['Lovelace', 'ada@analytical-engines.example', 'https://www.linkedin.com/in/zo%C3%AB-obrien', 'https://www.linkedin.com/in/zoë-obrien', 'Müller & Søn GmbH', 'Trade Union Representative', '株式会社テスト']) {
      expect(fixtureValues).toContain(v);
    }
  });

  it('the search finds a value in a file known to contain it (UTF-8, UTF-16LE, and a plaintext SQLite WAL)', () => {
    // The fixture files themselves hold their values in plain text.
    const utf8 = readFileSync(fixture('connections-current.csv'));
    // (A cell with quotes is written with doubled quotes in CSV, so it is not literally in the file.)
    const literal = (name: string) => [...rawValuesByFixture.get(name)!].filter((v) => !v.includes('"'));
    const current = literal('connections-current.csv');
    expect(current.length).toBeGreaterThan(100);
    expect(search(new Map([['current', utf8]]), current).filter((f) => f.encoding === 'utf8').map((f) => f.value)).toEqual(current);
    const utf16 = readFileSync(fixture('connections-excel-unicode-text.txt'));
    const unicode = literal('connections-excel-unicode-text.txt');
    expect(unicode.length).toBeGreaterThan(10);
    expect(search(new Map([['unicode', utf16]]), unicode).filter((f) => f.encoding === 'utf16le').map((f) => f.value)).toEqual(unicode);

    // A database that does store plaintext is caught, in its WAL before a checkpoint and in the file after it.
    const path = tmp.path('plaintext.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('Katherine Johnson, Pastor at First Baptist Church');
    db.prepare('INSERT INTO t VALUES (?)').run('NASA');
    const open = readVaultFiles(path);
    expect(open.has(`${path}-wal`)).toBe(true);
    const inWal = search(open, ['Pastor at First Baptist Church', 'NASA']);
    expect(inWal).toContainEqual(expect.objectContaining({ value: 'Pastor at First Baptist Church', file: `${path}-wal`, encoding: 'utf8' }));
    // The excuse for 4-byte coincidences in random bytes does not excuse a short value stored in plaintext.
    expect(realLeaks(inWal, randomFields(db)).map((f) => f.value)).toEqual(['Pastor at First Baptist Church', 'NASA']);
    db.close();
    expect(search(readVaultFiles(path), ['Pastor at First Baptist Church'])).toContainEqual(expect.objectContaining({ file: path }));
  });

  it('before closing: the vault file, its WAL and its SHM hold none of the values', () => {
    expect(before.has(vaultPath)).toBe(true);
    expect(before.get(`${vaultPath}-wal`)?.length ?? 0).toBeGreaterThan(100_000); // the WAL is populated: the data are in it
    const found = search(before, [...fixtureValues, ...MEMBER_NAMES, ...TYPED_TEXT]);
    expect(realLeaks(found, fieldsBefore)).toEqual([]);
    expect(search(before, [token, token.slice(5)])).toEqual([]); // the token itself, with or without its prefix
    expect(found.length).toBeLessThanOrEqual(2); // coincidences in random bytes are rare; many would be a leak
  });

  it('after closing: the checkpointed vault file (and any side file left) holds none of the values', () => {
    expect(after.get(vaultPath)!.length).toBeGreaterThan(100_000); // the WAL was checkpointed into it: the data are here now
    expect(after.get(`${vaultPath}-wal`)?.length ?? 0).toBe(0);
    const found = search(after, [...fixtureValues, ...MEMBER_NAMES, ...TYPED_TEXT]);
    expect(realLeaks(found, fieldsAfter)).toEqual([]);
    expect(search(after, [token, token.slice(5)])).toEqual([]);
    expect(found.length).toBeLessThanOrEqual(2);
  });
});

describe('no plaintext on disk after an erasure by name', () => {
  const PERSON = { firstName: 'Philomena', lastName: 'Quaggenbush-Threlkeld', company: 'Zanzibar Tincture Works' };
  const VALUES = [PERSON.firstName, PERSON.lastName, PERSON.company, 'Philomena Quaggenbush-Threlkeld', 'Chief Tincture Officer', 'philomena', 'quaggenbush-threlkeld', 'zanzibar tincture works'];

  it('the suppression list holds a keyed hash of name + company, and the files hold neither name nor company', async () => {
    const { vault: v, session, path } = await newVault(tmp.dir);
    // A legacy export: no URL column, no email: the person is known by name and company only.
    const file = tmp.write(
      ['First Name,Last Name,Email Address,Company,Position,Connected On', `${PERSON.firstName},${PERSON.lastName},,${PERSON.company},Chief Tincture Officer,13 Oct 2022`, ''].join('\n'),
    );
    await commitImport(session, file, {});
    const [contact] = allContactsOf(session);
    expect(contact).toMatchObject({ ...PERSON, email: null, profileUrl: null });
    await erasePerson(session, { contactId: contact!.id });

    const rows = v.db.prepare('SELECT * FROM suppressions').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ url_index: null, email_index: null, name_index: nameIndexOf(session.index, PERSON), reason: 'erasure' });
    expect((rows[0]!.name_index as Buffer).length).toBe(16);
    expect(search(readVaultFiles(path), VALUES), 'open').toEqual([]);
    v.close();
    expect(search(readVaultFiles(path), VALUES), 'closed').toEqual([]);
  });
});
