// The accountability record (Art. 5(2)): an append-only, hash-chained log of every use case, its member and
// outcome, with ids, counts and enums only, never personal data. Each entry hashes the one before it, and the
// head (last sequence number and hash) is kept beside the log, so an edited, removed, reordered or truncated
// entry breaks the chain.
//
// Entries are authenticated (docs/security.md, "An audit log without personal data"): whoever appends while holding
// a key stores MAC = HMAC-SHA-256(key, entry hash) in the entry's `mac` column. The key is the vault's audit key (a
// sub-key of the vault key, src/crypto's AuditMac) for an unlocked member, or a destruction token's own key (derived
// from the audit key and the token's id) for that token's runs. The log never sees key bytes: it is given an
// `AuditKey` to use (`useKey`), and a session's or a token's key is forgotten when it locks or the vault closes.
//
// Verification with the vault's audit key (`verify(key)`), entry by entry, after the chain checks:
//   1. An entry whose seq is at most L, the last entry written before schema 5 (vault_meta 'audit_legacy_seq', set
//      by migration 5; 0 when absent), is legacy: checked by the chain only.
//   2. Its key K is the token key of t when the entry has no member, its action is destruction-run or
//      destruction-dry-run and its details' tokenId is t; otherwise the vault's audit key.
//   3. It is key-less when its outcome is 'refused' and it has no member, or its action is unlock or recover: a
//      refused unlock or recovery, or a refused token, written by someone who may hold no key. A key-less entry
//      need not carry a MAC.
//   4. Any other entry must carry a MAC; a missing MAC, or (for any entry) a MAC that is not HMAC(K, hash), is
//      reported as altered.
// A MAC covers the entry's hash, which covers the hash before it: each authenticated entry vouches for the whole
// log up to it, key-less entries included. What no key protects is the tail after the last authenticated entry
// (it can be cut off, or replaced with key-less entries): that is found against a head or certificate kept
// elsewhere (`verify(key, { against })`). Whoever holds the vault key (any member) can compute MACs, so can rewrite
// the log; a token holder can for their own entries: that residual risk is documented in docs/security.md.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  AuditDetailsSchema,
  ENUM,
  ISO_TIME,
  SHA256,
  UUID,
  type AuditDetails,
  type AuditEntry,
  type AuditHead,
  type AuditVerification,
} from '../shared/audit-entry.js';
import { ERROR_CODE_NAMES } from '../shared/errors.js';
import {
  ANCHORS,
  ART14_EXEMPTIONS,
  ART19_KINDS,
  CERTIFICATE_KINDS,
  CONTACT_CHANNELS,
  EMAIL_KINDS,
  LAWFUL_BASES,
  NOTICE_STATUSES,
  ON_DUPLICATE,
  PURPOSES,
  RECIPIENT_ROLES,
  ROLES,
  RULE_TYPES,
  SOFT_OPT_IN_CONTEXTS,
  STRIPPABLE,
  SUBSCRIBER_ENTITIES,
  SUBSCRIBER_TYPES,
  SUPPRESSION_REASONS,
  TPS_LISTS,
  TRANSFER_MECHANISMS,
  UNLOCK_METHODS,
  type AuditOutcome,
} from '../shared/vocabulary.js';

export type { AuditOutcome };

export { AuditDetailsSchema, type AuditDetails, type AuditEntry, type AuditHead, type AuditVerification };

/**
 * What the log needs of an audit key: src/crypto's AuditMac has this shape (the audit layer imports no crypto, and
 * never sees key bytes). `tokenId` is null for the vault's audit key, a token's id for that token's own key.
 */
export interface AuditKey {
  readonly tokenId: string | null;
  mac(data: string): Buffer;
  verify(data: string, tag: Uint8Array): boolean;
  /** The key of one destruction token (only the vault's audit key derives them). */
  forToken(tokenId: string): AuditKey;
  destroy(): void;
}

/** Which entries a page keeps: by action, member, outcome, and the days from and to (yyyy-mm-dd, both included). */
export interface AuditFilter {
  action?: string;
  memberId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
}

/** Actions a destruction token runs (src/vault/destruction.ts), the only entries a token's key authenticates. */
const TOKEN_ACTIONS: ReadonlySet<string> = new Set(['destruction-run', 'destruction-dry-run']);
/** Refusals written before anyone could hold a key, whoever was named: a wrong secret at unlock or recovery. */
const KEYLESS_ACTIONS: ReadonlySet<string> = new Set(['unlock', 'recover']);

type Shape = Pick<AuditEntry, 'member' | 'action' | 'outcome' | 'details'>;

/** Rule 2: the token whose key authenticates this entry, or null for the vault's audit key. */
function tokenOf(e: Shape): string | null {
  const tokenId = e.details.tokenId;
  return e.member === null && TOKEN_ACTIONS.has(e.action) && typeof tokenId === 'string' ? tokenId : null;
}

/** Rule 3: an entry that may be written without any key. */
export function isKeyless(e: Shape): boolean {
  return e.outcome === 'refused' && (e.member === null || KEYLESS_ACTIONS.has(e.action));
}

/** The vault_meta row migration 5 writes: the last entry written before entries were authenticated. */
const LEGACY_KEY = 'audit_legacy_seq';

/**
 * Words that may appear as enum values in details: the shared vocabularies (roles, bases, purposes, kinds, error
 * codes, …) and a few words of the log's own.
 */
const VOCABULARY = new Set<string>([
  ...ROLES,
  ...LAWFUL_BASES,
  ...PURPOSES,
  ...STRIPPABLE,
  ...EMAIL_KINDS,
  ...RULE_TYPES,
  ...ANCHORS,
  ...ON_DUPLICATE,
  ...SUPPRESSION_REASONS,
  ...NOTICE_STATUSES,
  ...CERTIFICATE_KINDS,
  ...UNLOCK_METHODS,
  ...ERROR_CODE_NAMES,
  ...RECIPIENT_ROLES,
  ...TRANSFER_MECHANISMS,
  ...ART19_KINDS,
  ...ART14_EXEMPTIONS,
  ...CONTACT_CHANNELS,
  ...SUBSCRIBER_TYPES,
  ...SUBSCRIBER_ENTITIES,
  ...SOFT_OPT_IN_CONTEXTS,
  ...TPS_LISTS,
  ...['linkedin-connections', 'linkedin-imported-contacts', 'suppressed', 'duplicate', 'group', 'basis', 'contact', 'company'],
]);

/** The detail keys the app writes: a key is a name too, so free text cannot hide there either. */
const KEYS = new Set(
  (
    'memberId roles method reason importId sha256 records added updated duplicates suppressed errors quarantined ' +
    'groupId rule contacts moved valid blocking basis purpose warnings groups days tokenId certificateId destroyed ' +
    'held due suppressionId holdId scope months anchor contactId ok entries included excluded emailsWithheld holds at ' +
    'tasks recipientId disclosureId noticeRun heldBack carried consents notices' +
    ' role transfer taskId kind' +
    ' overdue skipped ground'
    + ' consentId confirmed unmatched dryRun'
    + ' entity channels context list directMarketing softOptInId screeningId profilesWithheld'
    + ' explicit specialCategory fieldsWithheld'
    + ' order'
  ).split(' '),
);

function checkVocabulary(details: AuditDetails): void {
  for (const [key, value] of Object.entries(details)) {
    if (!KEYS.has(key)) throw new Error(`Audit detail "${key}" is not one of the log's known fields: refused to keep the log free of personal data.`);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' || UUID.test(v) || ISO_TIME.test(v) || SHA256.test(v)) continue;
      if (!VOCABULARY.has(v)) throw new Error(`Audit detail "${key}" is not an id, a time, a count or a known word: refused to keep the log free of personal data.`);
    }
  }
}

const GENESIS = '0'.repeat(64);

function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const sorted = Object.fromEntries(Object.entries(e.details).sort(([a], [b]) => (a < b ? -1 : 1)));
  const canonical = JSON.stringify([e.seq, e.at, e.member, e.action, e.outcome, sorted, e.prevHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

interface Row {
  seq: number;
  at: string;
  member_id: string | null;
  action: string;
  outcome: AuditOutcome;
  details: string;
  prev_hash: string;
  hash: string;
  /** HMAC of `hash` (schema 5 on); null for a legacy entry or one written without a key. */
  mac?: Buffer | null;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  member: r.member_id,
  action: r.action,
  outcome: r.outcome,
  details: JSON.parse(r.details) as AuditDetails,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export class AuditLog {
  /** The vault's audit keys of the sessions unlocked on this connection (any of them authenticates an entry). */
  readonly #keys = new Set<AuditKey>();
  /** Destruction tokens' own keys, by token id, while their run lasts. */
  readonly #tokenKeys = new Map<string, AuditKey>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  /**
   * Authenticate the entries appended from now on with `key` (an unlocked session's audit key, or a destruction
   * token's own key). The log keeps it until `forgetKey` or `forgetKeys`, which destroy it.
   */
  useKey(key: AuditKey): void {
    if (key.tokenId === null) this.#keys.add(key);
    else {
      const previous = this.#tokenKeys.get(key.tokenId);
      if (previous && previous !== key) previous.destroy();
      this.#tokenKeys.set(key.tokenId, key);
    }
  }

  /** Stop authenticating with `key` and destroy it (a session locks). */
  forgetKey(key: AuditKey): void {
    if (key.tokenId === null) this.#keys.delete(key);
    else if (this.#tokenKeys.get(key.tokenId) === key) this.#tokenKeys.delete(key.tokenId);
    key.destroy();
  }

  /** Forget and destroy every key given (the vault closes). */
  forgetKeys(): void {
    for (const key of [...this.#keys, ...this.#tokenKeys.values()]) key.destroy();
    this.#keys.clear();
    this.#tokenKeys.clear();
  }

  /** Append an entry. Call inside the use case's transaction, so the entry and the change commit together. */
  append(member: string | null, action: string, outcome: AuditOutcome, details: AuditDetails = {}): AuditEntry {
    if (!ENUM.test(action)) throw new Error(`Audit action "${action}" must be a kebab-case word.`);
    const parsed = AuditDetailsSchema.safeParse(details);
    if (!parsed.success) {
      const key = parsed.error.issues[0]?.path[0];
      throw new Error(`Audit detail "${String(key ?? '?')}" is not an id, a time, a count or a known word: refused to keep the log free of personal data.`);
    }
    const checked = parsed.data;
    checkVocabulary(checked);
    // The next sequence number is taken under the write lock: outside a use case's transaction, the append takes
    // one of its own (BEGIN IMMEDIATE), so two processes never both read the same head.
    if (!this.db.inTransaction) return this.db.transaction(() => this.append(member, action, outcome, checked)).immediate();
    const head = this.head();
    const base = { seq: head.seq + 1, at: this.now().toISOString(), member, action, outcome, details: checked, prevHash: head.hash };
    const entry: AuditEntry = { ...base, hash: entryHash(base) };
    const mac = this.#macOf(entry);
    this.db
      .prepare('INSERT INTO audit_log (seq, at, member_id, action, outcome, details, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.seq, entry.at, entry.member, entry.action, entry.outcome, JSON.stringify(entry.details), entry.prevHash, entry.hash, mac);
    this.db.prepare("INSERT INTO vault_meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(`${entry.seq}:${entry.hash}`);
    return entry;
  }

  head(): { seq: number; hash: string } {
    const row = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    return row ?? { seq: 0, hash: GENESIS };
  }

  entries(options: { afterSeq?: number; limit?: number } = {}): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(options.afterSeq ?? 0, options.limit ?? 1000) as Row[];
    return rows.map(toEntry);
  }

  /**
   * One page of the entries a filter keeps, oldest first after the cursor `afterSeq` or, `newestFirst`, newest first
   * before the cursor `beforeSeq` (none: from the head), with how many the filter keeps in all; `next` is the cursor
   * of the page after (as `afterSeq`, or as `beforeSeq` newest first), null on the last.
   */
  page(filter: AuditFilter, cursor: { afterSeq?: number; beforeSeq?: number; newestFirst?: boolean }, limit: number): { total: number; entries: AuditEntry[]; next: number | null } {
    const where: string[] = [];
    if (filter.action !== undefined) where.push('action = @action');
    if (filter.memberId !== undefined) where.push('member_id = @memberId');
    if (filter.outcome !== undefined) where.push('outcome = @outcome');
    if (filter.from !== undefined) where.push('at >= @from');
    if (filter.to !== undefined) where.push('substr(at, 1, 10) <= @to');
    const newest = cursor.newestFirst === true;
    const params = { ...filter, afterSeq: cursor.afterSeq ?? 0, beforeSeq: cursor.beforeSeq ?? Number.MAX_SAFE_INTEGER, limit: limit + 1 };
    const kept = where.length > 0 ? ` AND ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE 1${kept}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(newest ? `SELECT * FROM audit_log WHERE seq < @beforeSeq${kept} ORDER BY seq DESC LIMIT @limit` : `SELECT * FROM audit_log WHERE seq > @afterSeq${kept} ORDER BY seq LIMIT @limit`)
      .all(params) as Row[];
    const more = rows.length > limit;
    const entries = rows.slice(0, limit).map(toEntry);
    return { total, entries, next: more ? entries.at(-1)!.seq : null };
  }

  /**
   * Recompute the chain from the first entry: any edited, removed, reordered or cut-off entry is found. Given the
   * vault's audit key, check every entry's MAC too (the rules in this module's opening comment); given `against` (a
   * head or a certificate's entry kept elsewhere), require that entry with that hash: a cut-off tail is found even
   * when the head beside the log was reset with it.
   */
  verify(key?: AuditKey | null, options: { against?: AuditHead } = {}): AuditVerification {
    // One read transaction: the entries and the head from the same snapshot, whatever another process appends.
    return this.db.transaction(() => this.#verify(key ?? null, options.against))();
  }

  #verify(key: AuditKey | null, against: AuditHead | undefined): AuditVerification {
    let legacy = 0;
    if (key) {
      if (key.tokenId !== null) throw new Error("The audit log is verified with the vault's audit key, not a token's.");
      const mark = this.legacyMark();
      if (mark === null) return { ok: false, entries: 0, brokenAt: 1, problem: 'the mark of the entries written before authentication is damaged' };
      legacy = mark;
    }
    const tokenKeys = new Map<string, AuditKey>();
    try {
      let prev = GENESIS;
      let expectedSeq = 1;
      let count = 0;
      for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
        const e = toEntry(row);
        count++;
        if (e.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: e.seq, problem: `entry ${expectedSeq} is missing` };
        if (e.prevHash !== prev) return { ok: false, entries: count, brokenAt: e.seq, problem: `entry ${e.seq} does not follow entry ${e.seq - 1}` };
        if (entryHash(e) !== e.hash) return { ok: false, entries: count, brokenAt: e.seq, problem: `entry ${e.seq} was changed after it was written` };
        if (key && e.seq > legacy) {
          const problem = macProblem(e, row.mac ?? null, key, tokenKeys);
          if (problem) return { ok: false, entries: count, brokenAt: e.seq, problem };
        }
        if (against && e.seq === against.seq && e.hash !== against.hash) return cutShort(count, against);
        prev = e.hash;
        expectedSeq++;
      }
      const head = (this.db.prepare("SELECT value FROM vault_meta WHERE key = 'audit_head'").get() as { value: string } | undefined)?.value ?? `0:${GENESIS}`;
      if (head !== `${count}:${prev}`) {
        return { ok: false, entries: count, brokenAt: count + 1, problem: `the log ends at entry ${count}, but entries up to ${head.split(':')[0]} were written` };
      }
      if (against && against.seq > count) return cutShort(count, against);
      const checked = against ? { against: { seq: against.seq, hash: against.hash } } : {};
      return { ok: true, entries: count, head: prev, seq: count, hash: prev, authenticated: Boolean(key), legacy: Math.min(legacy, count), ...checked };
    } finally {
      for (const k of tokenKeys.values()) k.destroy();
    }
  }

  /** The last entry written before entries were authenticated (0: none), or null when the mark is not a number. */
  legacyMark(): number | null {
    const value = (this.db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(LEGACY_KEY) as { value: string } | undefined)?.value;
    if (value === undefined) return 0;
    return /^(?:0|[1-9]\d{0,15})$/.test(value) ? Number(value) : null;
  }

  /** The MAC for a new entry: rule 2's key, if this connection holds it; null when it holds none (rule 3's entries). */
  #macOf(entry: AuditEntry): Buffer | null {
    const tokenId = tokenOf(entry);
    const vaultKey = [...this.#keys].at(-1);
    if (tokenId === null) return vaultKey ? vaultKey.mac(entry.hash) : null;
    const own = this.#tokenKeys.get(tokenId);
    if (own) return own.mac(entry.hash);
    if (!vaultKey) return null;
    const derived = vaultKey.forToken(tokenId);
    try {
      return derived.mac(entry.hash);
    } finally {
      derived.destroy();
    }
  }
}

/** Rules 2 to 4 for one entry after the legacy mark: what is wrong with its MAC, or null. */
function macProblem(e: AuditEntry, mac: unknown, key: AuditKey, tokenKeys: Map<string, AuditKey>): string | null {
  if (mac === null) return isKeyless(e) ? null : `entry ${e.seq} was altered: it has no MAC, though only a holder of the key could have written it`;
  const tokenId = tokenOf(e);
  let k = key;
  if (tokenId !== null) {
    k = tokenKeys.get(tokenId) ?? key.forToken(tokenId);
    tokenKeys.set(tokenId, k);
  }
  return Buffer.isBuffer(mac) && k.verify(e.hash, mac) ? null : `entry ${e.seq} was altered: its MAC does not match the vault's audit key`;
}

function cutShort(entries: number, against: AuditHead): AuditVerification {
  return { ok: false, entries, brokenAt: against.seq, problem: `the audit log has been cut short or rewritten before entry ${against.seq}` };
}
