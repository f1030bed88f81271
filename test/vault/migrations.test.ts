// Acceptance: the schema migrations. Each one, from an empty database, brings it to its version; every table it
// creates takes a row and gives it back (foreign keys on); the audit log refuses UPDATE and DELETE; migrating
// again changes nothing; a vault from a newer version of the app is refused with a clear message.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/shared/errors.js';
import { openDatabase } from '../../src/vault/database.js';
import { APPLICATION_ID, applicationId } from '../../src/vault/migrations/0003-application-id.js';
import { LATEST_VERSION, migrate, MIGRATIONS } from '../../src/vault/migrations/migration.js';

const APPLICATION_ID_VERSION = applicationId.version;
import { Vault } from '../../src/vault/vault.js';
import { scratch } from '../support/fixtures.js';

const tmp = scratch();

type Db = Database.Database;
interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

/**
 * Values that satisfy CHECK constraints (enums, ranges, and table checks tying columns together), which a generic
 * value would not. `null` also overrides a foreign key. A migration that adds such a constraint adds its values
 * here: until then the insert below fails with SQLite's message naming the constraint.
 */
const CHECKED: Record<string, Record<string, unknown>> = {
  key_slots: { kind: 'passphrase' },
  contacts: { email_kind: 'corporate' },
  suppressions: { reason: 'erasure', purpose: null },
  consents: { carried_over: 0, explicit: 0 },
  notices: { status: 'sent', carried_over: 0 },
  recipients: { role: 'processor' },
  disclosures: { notice_run: 0 },
  art19_tasks: { kind: 'erasure' },
  controller_details: { id: 1 },
  subscriber_types: { type: 'corporate', entity: 'company' },
  company_subscriber_types: { type: 'corporate', entity: 'company' },
  soft_opt_ins: { context: 'sale' },
  tps_screenings: { list: 'tps' },
  audit_log: { outcome: 'success' },
  retention_policies: { scope_type: 'group', basis: null, months: 24, anchor: 'imported' },
  legal_holds: { group_id: null },
  certificates: { kind: 'scheduled' },
};

const tablesOf = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const schemaOf = (db: Db) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();

/** A row for `table` whose foreign keys point at rows already inserted (`inserted`: table → primary key value). */
function sampleRow(db: Db, table: string, inserted: Map<string, Record<string, unknown>>, variant = 1): Record<string, unknown> {
  const columns = db.pragma(`table_info("${table}")`) as Column[];
  const fks = db.pragma(`foreign_key_list("${table}")`) as ForeignKey[];
  const row: Record<string, unknown> = {};
  const checked = CHECKED[table] ?? {};
  for (const c of columns) {
    const fk = fks.find((f) => f.from === c.name);
    if (c.name in checked) {
      row[c.name] = checked[c.name];
    } else if (fk) {
      const parent = inserted.get(fk.table);
      if (!parent) throw new Error(`${table}.${c.name} refers to ${fk.table}, which has no row yet`);
      row[c.name] = parent[fk.to];
    } else if (/INT/i.test(c.type)) {
      row[c.name] = c.pk ? variant : 7;
    } else if (/BLOB/i.test(c.type)) {
      row[c.name] = Buffer.from(`${table}.${c.name} bytes ${variant}`);
    } else {
      row[c.name] = `${table}.${c.name} text ${variant}`;
    }
  }
  return row;
}

/** Parents first: a table is inserted once every table its foreign keys name (other than itself) has a row. */
function insertionOrder(db: Db, tables: string[]): string[] {
  const order: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) =>
      (db.pragma(`foreign_key_list("${t}")`) as ForeignKey[]).every((f) => f.table === t || order.includes(f.table) || !tables.includes(f.table)),
    );
    if (ready.length === 0) throw new Error(`circular foreign keys among ${[...pending].join(', ')}`);
    for (const t of ready.sort()) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

function emptyDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

describe.each(MIGRATIONS.map((m) => [`${m.version} (${m.name})`, m] as const))('migration %s', (_, m) => {
  const previous = MIGRATIONS.filter((x) => x.version < m.version).at(-1)?.version ?? 0;

  it('brings an empty database to its version', () => {
    const db = emptyDb();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(db, m.version)).toBe(m.version);
    expect(db.pragma('user_version', { simple: true })).toBe(m.version);
    db.close();
  });

  it('every table it creates takes a row and gives it back, foreign keys respected', () => {
    const db = emptyDb();
    migrate(db, previous);
    const before = new Set(tablesOf(db));
    migrate(db, m.version);
    const created = tablesOf(db).filter((t) => !before.has(t));
    if (m.version === 1) {
      expect(created).toEqual(['audit_log', 'contacts', 'group_policies', 'groups', 'imports', 'key_slots', 'members', 'suppressions', 'vault_meta']);
    }
    const inserted = new Map<string, Record<string, unknown>>();
    // Rows of tables that existed before (a new table may refer to them).
    for (const t of insertionOrder(db, [...before])) {
      const row = sampleRow(db, t, inserted);
      db.prepare(`INSERT INTO "${t}" (${Object.keys(row).map((k) => `"${k}"`).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
      inserted.set(t, row);
    }
    for (const t of insertionOrder(db, created)) {
      const row = sampleRow(db, t, inserted);
      const keys = Object.keys(row);
      db.prepare(`INSERT INTO "${t}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...Object.values(row));
      inserted.set(t, row);
      expect(db.prepare(`SELECT * FROM "${t}"`).all(), t).toEqual([row]);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Foreign keys are enforced: a row pointing at nothing is refused.
    const withFk = created.find((t) => (db.pragma(`foreign_key_list("${t}")`) as ForeignKey[]).length > 0);
    if (withFk) {
      const fk = (db.pragma(`foreign_key_list("${withFk}")`) as ForeignKey[])[0]!;
      const row = { ...sampleRow(db, withFk, inserted, 2), [fk.from]: 'no-such-row' };
      expect(() =>
        db.prepare(`INSERT INTO "${withFk}" (${Object.keys(row).map((k) => `"${k}"`).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row)),
      ).toThrow(/FOREIGN KEY constraint failed/);
    }
    db.close();
  });

  it('the audit log refuses UPDATE and DELETE', () => {
    const db = emptyDb();
    migrate(db, m.version);
    db.prepare("INSERT INTO audit_log (seq, at, member_id, action, outcome, details, prev_hash, hash) VALUES (1, '2026-01-01T00:00:00.000Z', NULL, 'vault-created', 'success', '{}', ?, ?)").run('0'.repeat(64), 'a'.repeat(64));
    expect(() => db.prepare("UPDATE audit_log SET details = '{\"forged\":1}' WHERE seq = 1").run()).toThrow(/the audit log is append-only/);
    expect(() => db.prepare('UPDATE audit_log SET seq = 2').run()).toThrow(/the audit log is append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/the audit log is append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/the audit log is append-only/);
    expect(db.prepare('SELECT seq, details FROM audit_log').all()).toEqual([{ seq: 1, details: '{}' }]);
    db.close();
  });

  it('migrating again is a no-op (schema and data unchanged)', () => {
    const db = emptyDb();
    migrate(db, m.version);
    db.prepare("INSERT INTO vault_meta (key, value) VALUES ('k', 'v')").run();
    const schema = schemaOf(db);
    expect(migrate(db, m.version)).toBe(m.version);
    expect(schemaOf(db)).toEqual(schema);
    expect(migrate(db)).toBe(LATEST_VERSION); // and on to the latest, then again
    const latest = schemaOf(db);
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(schemaOf(db)).toEqual(latest);
    expect(db.prepare('SELECT * FROM vault_meta').all()).toEqual([{ key: 'k', value: 'v' }]);
    db.close();
  });
});

describe('versions', () => {
  it('the migrations are numbered 1, 2, 3, … in order, and LATEST_VERSION is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('a failing migration leaves the database at the version before it', () => {
    const db = emptyDb();
    db.exec('CREATE TABLE vault_meta (k TEXT)'); // clashes with migration 1
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });

  it('a database written by a newer version is refused with a clear message, and left as it was', () => {
    const db = emptyDb();
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(`This vault was written by a newer version of Contact Sanitizer (schema ${LATEST_VERSION + 1}); update the app to open it.`);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(tablesOf(db)).toEqual([]);
    db.close();

    // The same through the app: a vault file from the future cannot be opened, and says why.
    const path = tmp.path('future.db');
    const file = new Database(path);
    file.pragma(`application_id = ${APPLICATION_ID}`);
    file.pragma(`user_version = ${LATEST_VERSION + 1}`);
    file.close();
    expect(() => openDatabase(path)).toThrow(/newer version of Contact Sanitizer/);
    let error: unknown;
    try {
      Vault.open(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/cannot be opened as a vault \(This vault was written by a newer version of Contact Sanitizer/) });
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
  });

  it('a file that is not a database is refused as not a vault', () => {
    const path = tmp.path('not-a-vault.db');
    writeFileSync(path, 'First Name,Last Name\nAda,Lovelace\n'.repeat(200));
    expect(() => Vault.open(path)).toThrow(expect.objectContaining({ code: 'not-a-vault', message: expect.stringMatching(/is not an SQLite database, not a Contact Sanitizer vault/) }));
  });

  it('a vault of every earlier schema is recognised by its tables, opened and stamped with the application id', () => {
    for (const m of MIGRATIONS.filter((x) => x.version < APPLICATION_ID_VERSION)) {
      const path = tmp.path(`schema-${m.version}.db`);
      const old = new Database(path);
      old.pragma('journal_mode = WAL');
      migrate(old, m.version);
      old.close();
      const db = openDatabase(path);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      db.close();
    }
  });
});
