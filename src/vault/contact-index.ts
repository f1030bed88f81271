// The searchable text of every contact, held in memory while the vault is unlocked so that a search in a million
// contacts does not decrypt a million records (issue 13). Built on the first search, rebuilt when the contacts
// changed, dropped with the session at lock: the text never touches the disk (only a counter, in SQLite's temporary
// store, knows it exists).
//
// Memory: the searched fields (names, company, position, email, profile URL), folded (searchForm) and joined, in chunk
// strings of 4,096 contacts, plus 14 bytes a contact for its rowid, offset and categories. Measured at a million
// contacts: about 190 bytes a contact kept (profile URLs are long), and the build peaks near 480 MB of resident
// memory (docs/performance.md: over the 300 MB target).
import { SPECIAL_CATEGORIES } from '../classify/special-category/categories.js';
import type { StoredContact } from '../shared/domain.js';
import type { Db } from './database.js';

const CHUNK = 4096;
const FIELD = '\u0000';

interface Chunk {
  text: string;
  /** Where each contact's text starts in `text`; one more entry marks the end. */
  starts: Uint32Array;
  rowids: Float64Array;
  /** Bit i set: the contact holds a hint of SPECIAL_CATEGORIES[i] in what was kept. */
  categories: Uint16Array;
}

/**
 * Lower case, without accents (the combining diacritics of NFD: "Zoë" and "ZOE" → "zoe"), NFC, no control
 * characters: how both the index and a needle are compared.
 */
export function searchForm(text: string): string {
  // Printable ASCII (most of an export) needs only lower case: building the index makes no other strings for it.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/[\u0000-\u001f]/g, ' ');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The fields a search looks in, as searchForm text. */
export function searchText(c: Pick<StoredContact, 'firstName' | 'lastName' | 'company' | 'position' | 'email' | 'profileUrl'>): string {
  return [c.firstName, c.lastName, c.company, c.position, c.email ?? '', c.profileUrl ?? ''].map(searchForm).join(FIELD);
}

const BIT = new Map(SPECIAL_CATEGORIES.map((c, i) => [c as string, 1 << i]));

export class ContactSearchIndex {
  private chunks: Chunk[] = [];
  private key: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly open: (row: { id: string; data_ct: Buffer }) => StoredContact,
  ) {}

  /**
   * What changes whenever a contact is added, removed or rewritten: by another connection, SQLite's data_version;
   * by this one, a counter that temporary triggers raise on every insert, delete and rewrite of a contact. Temporary
   * objects belong to this connection alone and are never part of the vault file.
   */
  private currentKey(): string {
    // IF NOT EXISTS every time: a rolled-back transaction may have taken them away again. The counter starts at a
    // random value, so a counter made again never matches a key taken before (writes in between went uncounted).
    this.db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS contact_generation (n INTEGER NOT NULL);
      INSERT INTO contact_generation SELECT abs(random() % 1000000000000) WHERE NOT EXISTS (SELECT 1 FROM contact_generation);
      CREATE TEMP TRIGGER IF NOT EXISTS contact_generation_insert AFTER INSERT ON main.contacts BEGIN UPDATE contact_generation SET n = n + 1; END;
      CREATE TEMP TRIGGER IF NOT EXISTS contact_generation_delete AFTER DELETE ON main.contacts BEGIN UPDATE contact_generation SET n = n + 1; END;
      CREATE TEMP TRIGGER IF NOT EXISTS contact_generation_update AFTER UPDATE OF data_ct ON main.contacts BEGIN UPDATE contact_generation SET n = n + 1; END;
    `);
    const own = this.db.prepare('SELECT n FROM temp.contact_generation').pluck().get() as number;
    return `${String(this.db.pragma('data_version', { simple: true }))}:${own}`;
  }

  private fresh(): void {
    const key = this.currentKey();
    if (key === this.key) return;
    this.chunks = [];
    let pieces: string[] = [];
    let rowids: number[] = [];
    let categories: number[] = [];
    const flush = () => {
      if (pieces.length === 0) return;
      const starts = new Uint32Array(pieces.length + 1);
      let at = 0;
      pieces.forEach((p, i) => {
        starts[i] = at;
        at += p.length + 1;
      });
      starts[pieces.length] = at;
      this.chunks.push({ text: pieces.join('\u0001') + '\u0001', starts, rowids: Float64Array.from(rowids), categories: Uint16Array.from(categories) });
      pieces = [];
      rowids = [];
      categories = [];
    };
    for (const row of this.db.prepare('SELECT rowid, id, data_ct FROM contacts ORDER BY rowid').iterate() as IterableIterator<{ rowid: number; id: string; data_ct: Buffer }>) {
      const c = this.open(row);
      pieces.push(searchText(c));
      rowids.push(row.rowid);
      categories.push(c.specialCategories.reduce((bits, k) => bits | (BIT.get(k) ?? 0), 0));
      if (pieces.length === CHUNK) flush();
    }
    flush();
    this.key = key;
  }

  /** The rowids of the contacts whose searched fields contain `needle` (in searchForm, not empty), ascending. */
  search(needle: string): number[] {
    this.fresh();
    const found: number[] = [];
    for (const chunk of this.chunks) {
      let from = 0;
      for (;;) {
        const at = chunk.text.indexOf(needle, from);
        if (at < 0) break;
        // A needle in searchForm holds no separator, so a match never runs from one field or contact into the next.
        const i = entryAt(chunk.starts, at);
        found.push(chunk.rowids[i]!);
        from = chunk.starts[i + 1]!;
      }
    }
    return found;
  }

  /** How many of these contacts (ascending rowids) hold a hint of each category, in what was kept. */
  categoryCounts(rowids: readonly number[]): Record<string, number> {
    this.fresh();
    const counts: Record<string, number> = {};
    let c = 0;
    let i = 0;
    for (const rowid of rowids) {
      while (c < this.chunks.length && this.chunks[c]!.rowids[this.chunks[c]!.rowids.length - 1]! < rowid) {
        c++;
        i = 0;
      }
      const chunk = this.chunks[c];
      if (!chunk) break;
      while (i < chunk.rowids.length && chunk.rowids[i]! < rowid) i++;
      if (chunk.rowids[i] !== rowid) continue;
      const bits = chunk.categories[i]!;
      if (bits === 0) continue;
      SPECIAL_CATEGORIES.forEach((k, b) => {
        if (bits & (1 << b)) counts[k] = (counts[k] ?? 0) + 1;
      });
    }
    return counts;
  }
}

/** The index of the contact whose text holds position `at`: the last start ≤ at. */
function entryAt(starts: Uint32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
