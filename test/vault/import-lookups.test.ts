// The import's in-memory lookups give exactly the answers of the SQL ones they replace (src/vault/contacts-repo.ts):
// suppressionSet those of suppressionMatcher (SAME_NAME_COMPATIBLY included), duplicateFinder those of findByIndexes,
// on random lists and vaults whose few identities collide often.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BlindIndexFilter } from '../../src/vault/blind-index-filter.js';
import { insertSuppression, suppressionMatcher, suppressionSet, type ContactIndexes } from '../../src/vault/contacts-repo.js';
import type { Vault } from '../../src/vault/vault.js';
import { scratch } from '../support/fixtures.js';
import { newVault } from '../support/vault.js';

const tmp = scratch();
const opened: Vault[] = [];
afterAll(() => opened.forEach((v) => v.close()));

/** Three identities of each kind (and none): the lists and the records below name the same people often. */
const KEYS = [0, 1, 2].map((i) => Buffer.alloc(16, i + 1));
const key = fc.option(fc.constantFrom(...KEYS), { nil: null, freq: 3 });
const identity = fc.record({ url: key, email: key, name: key });

async function fresh() {
  const v = await newVault(tmp.dir);
  opened.push(v.vault);
  return v;
}

describe('the import reads the suppression list once, with the same answers', () => {
  it('suppressionSet agrees with suppressionMatcher, lifted entries and withdrawn consents included', async () => {
    const { vault, session } = await fresh();
    const db = vault.db;
    const entry = fc.record({ indexes: identity, lifted: fc.boolean(), purpose: fc.constantFrom(null, null, 'prospecting' as const) });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), fc.array(fc.tuple(identity, key), { minLength: 1, maxLength: 10 }), async (entries, records) => {
        db.exec('DELETE FROM suppressions');
        for (const e of entries) {
          const id = randomUUID();
          insertSuppression(db, { id, indexes: e.indexes, reason: e.purpose ? 'consent-withdrawn' : 'objection', purpose: e.purpose, createdAt: '2026-01-01T00:00:00.000Z', memberId: session.memberId });
          if (e.lifted) db.prepare('UPDATE suppressions SET lifted_at = ? WHERE id = ?').run('2026-01-02T00:00:00.000Z', id);
        }
        const inSql = suppressionMatcher(db);
        const inMemory = suppressionSet(db);
        for (const [ix, name] of records) expect(inMemory(ix, name)).toBe(inSql(ix, name));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the import looks duplicates up through a filter, with the same answers', () => {
  it('duplicateFinder agrees with findByIndexes on the rows held before and the rows the pass writes', async () => {
    const { vault, session } = await fresh();
    const db = vault.db;
    const importId = randomUUID();
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO imports (id, file_sha256, kind, member_id, imported_at, records, added, updated, duplicates_skipped, suppressed, errors, columns_dropped, fragments_stripped)
       VALUES (?, ?, 'linkedin-connections', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
    ).run(importId, '0'.repeat(64), session.memberId, at);
    const insert = (ix: ContactIndexes) =>
      session.contacts.insert(
        { id: randomUUID(), import_id: importId, url_index: ix.url, email_index: ix.email, name_index: ix.name, email_kind: 'none', group_id: null, created_at: at, updated_at: at, expires_at: null },
        { firstName: 'A', lastName: 'B', profileUrl: null, email: null, company: '', position: '', connectedOn: null, specialCategories: [], strippedCategories: [], soleTrader: false, extra: {}, source: { importId, line: 2 } },
      );
    // A query is what dedupe asks: URL and email as they are, the name only when there is neither.
    const asked = (ix: ContactIndexes): ContactIndexes => ({ ...ix, name: ix.url || ix.email ? null : ix.name });
    await fc.assert(
      fc.asyncProperty(fc.array(identity, { maxLength: 5 }), fc.array(fc.tuple(identity, fc.boolean()), { minLength: 1, maxLength: 10 }), async (before, pass) => {
        db.exec('DELETE FROM contacts');
        before.forEach(insert);
        const finder = session.contacts.duplicateFinder(pass.length);
        for (const [ix, write] of pass) {
          expect(finder.find(asked(ix))?.id ?? null).toBe(session.contacts.findByIndexes(asked(ix))?.id ?? null);
          if (write) {
            insert(ix);
            finder.note(ix);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the filter never forgets a key, and is bounded whatever it is asked to hold', () => {
    const filter = new BlindIndexFilter(1_000);
    const keys = Array.from({ length: 1_000 }, () => randomBytes(16));
    keys.forEach((k) => filter.add(k));
    expect(keys.every((k) => filter.mayHold(k))).toBe(true);
    const others = Array.from({ length: 10_000 }, () => randomBytes(16));
    // 16 bits a key, two probes: about 1 in 1,000 says "maybe" wrongly; 1 in 50 would mean a broken filter.
    expect(others.filter((k) => filter.mayHold(k)).length).toBeLessThan(200);
    expect(() => new BlindIndexFilter(1e12)).not.toThrow();
    expect(() => filter.add(Buffer.alloc(8))).toThrow(TypeError);
  });
});
