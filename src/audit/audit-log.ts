// The accountability record (Art. 5(2)): an append-only, hash-chained log of every use case, its member and
// outcome, with ids, counts and enums only, never personal data. Each entry hashes the one before it, and the
// head (last sequence number and hash) is kept beside the log, so an edited, removed, reordered or truncated
// entry breaks verification.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AuditDetailsSchema, ENUM, ISO_TIME, SHA256, UUID, type AuditDetails, type AuditEntry, type AuditVerification } from '../shared/audit-entry.js';
import { ERROR_CODE_NAMES } from '../shared/errors.js';
import {
  ANCHORS,
  CERTIFICATE_KINDS,
  EMAIL_KINDS,
  LAWFUL_BASES,
  NOTICE_STATUSES,
  ON_DUPLICATE,
  PURPOSES,
  ROLES,
  RULE_TYPES,
  STRIPPABLE,
  SUPPRESSION_REASONS,
  UNLOCK_METHODS,
  type AuditOutcome,
} from '../shared/vocabulary.js';

export type { AuditOutcome };

export { AuditDetailsSchema, type AuditDetails, type AuditEntry, type AuditVerification };

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
  ...['linkedin-connections', 'linkedin-imported-contacts', 'suppressed', 'duplicate', 'group', 'basis'],
]);

/** The detail keys the app writes: a key is a name too, so free text cannot hide there either. */
const KEYS = new Set(
  (
    'memberId roles method reason importId sha256 records added updated duplicates suppressed errors quarantined ' +
    'groupId rule contacts moved valid blocking basis purpose warnings groups days tokenId certificateId destroyed ' +
    'held due suppressionId holdId scope months anchor contactId ok entries included excluded emailsWithheld holds at'
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
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

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
    const head = this.head();
    const base = { seq: head.seq + 1, at: this.now().toISOString(), member, action, outcome, details: checked, prevHash: head.hash };
    const entry: AuditEntry = { ...base, hash: entryHash(base) };
    this.db
      .prepare('INSERT INTO audit_log (seq, at, member_id, action, outcome, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.seq, entry.at, entry.member, entry.action, entry.outcome, JSON.stringify(entry.details), entry.prevHash, entry.hash);
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

  /** Recompute the chain from the first entry: any edited, removed, reordered or cut-off entry is found. */
  verify(): AuditVerification {
    let prev = GENESIS;
    let expectedSeq = 1;
    let count = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
      const e = toEntry(row);
      count++;
      if (e.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: e.seq, problem: `entry ${expectedSeq} is missing` };
      if (e.prevHash !== prev) return { ok: false, entries: count, brokenAt: e.seq, problem: `entry ${e.seq} does not follow entry ${e.seq - 1}` };
      if (entryHash(e) !== e.hash) return { ok: false, entries: count, brokenAt: e.seq, problem: `entry ${e.seq} was changed after it was written` };
      prev = e.hash;
      expectedSeq++;
    }
    const head = (this.db.prepare("SELECT value FROM vault_meta WHERE key = 'audit_head'").get() as { value: string } | undefined)?.value ?? `0:${GENESIS}`;
    if (head !== `${count}:${prev}`) {
      return { ok: false, entries: count, brokenAt: count + 1, problem: `the log ends at entry ${count}, but entries up to ${head.split(':')[0]} were written` };
    }
    return { ok: true, entries: count, head: prev };
  }
}
