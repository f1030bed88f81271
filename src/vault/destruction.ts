// Storage limitation (Art. 5(1)(e)) carried out: contacts whose plaintext due date has passed, and that no legal
// hold protects, are deleted in one transaction with their audit entry and a certificate; then the WAL is
// checkpointed (TRUNCATE) and the file vacuumed so their bytes are gone from the file and its journal. Needs no
// vault key. Killed at any point, it leaves either nothing destroyed or a state that the next run completes
// (a "vacuum pending" mark), and two runs cannot interleave (BEGIN IMMEDIATE). The crash tests stop it at the named
// points of crash-points.ts.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditDetails } from '../audit/audit-log.js';
import { CERTIFICATE_FORMAT, type Certificate, type CertificatePolicy, type DestroyedGroup } from '../shared/certificate.js';
import { storeCertificate } from './certificates.js';
import { crashPoints, type CrashHooks, type PurgePoint } from './crash-points.js';
import type { Db } from './database.js';
import { defaultRetention } from './meta.js';
import type { OpenVault } from './open-vault.js';
import { ServiceError } from '../shared/errors.js';
import type { Anchor } from '../shared/vocabulary.js';

/** Who runs the destruction: an unlocked admin, or a destruction-only token (see destruction-tokens.ts). */
export type DestructionActor = { memberId: string } | { tokenId: string };

export interface PurgeResult {
  dryRun: boolean;
  now: string;
  /** Contacts due and destroyed (or that would be, in a dry run). */
  destroyed: number;
  byGroup: DestroyedGroup[];
  /** Contacts due but protected by a legal hold. */
  held: number;
  certificate: Certificate | null;
}

const DUE = `
  FROM contacts c
  LEFT JOIN group_policies p ON p.group_id = c.group_id
  WHERE c.expires_at IS NOT NULL AND c.expires_at <= @now
    AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND (h.contact_id = c.id OR h.group_id = c.group_id))`;

/** Contacts deleted per statement: one transaction all the same, in steps a crash test can stop between. */
const DELETE_BATCH = 5_000;

const HELD = `
  SELECT count(*) AS n FROM contacts c
  WHERE c.expires_at IS NOT NULL AND c.expires_at <= @now
    AND EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND (h.contact_id = c.id OR h.group_id = c.group_id))`;

function policiesApplied(db: Db, groups: DestroyedGroup[]): CertificatePolicy[] {
  const out: CertificatePolicy[] = [];
  for (const g of groups) {
    const own = g.groupId
      ? (db.prepare("SELECT months, anchor FROM retention_policies WHERE scope_type = 'group' AND group_id = ?").get(g.groupId) as { months: number; anchor: Anchor } | undefined)
      : undefined;
    const byBasis = !own && g.basis ? (db.prepare("SELECT months, anchor FROM retention_policies WHERE scope_type = 'basis' AND basis = ?").get(g.basis) as { months: number; anchor: Anchor } | undefined) : undefined;
    if (own) out.push({ scope: 'group', groupId: g.groupId!, months: own.months, anchor: own.anchor });
    else if (byBasis) out.push({ scope: 'basis', basis: g.basis!, months: byBasis.months, anchor: byBasis.anchor });
    // A group with a basis and no policy kept its contacts by the vault's default retention (schema 7).
    else if (g.groupId && g.basis) out.push({ scope: 'default', groupId: g.groupId, ...defaultRetention(db) });
    else out.push({ scope: 'quarantine', ...(g.groupId ? { groupId: g.groupId } : {}), days: quarantineSetting(db) });
  }
  return out;
}

function quarantineSetting(db: Db): number {
  return Number((db.prepare("SELECT value FROM vault_meta WHERE key = 'quarantine_days'").get() as { value: string } | undefined)?.value ?? 30);
}

/** Destroy (or, in a dry run, count) every contact due at the vault's clock. */
export async function purgeDue(
  vault: OpenVault,
  actor: DestructionActor,
  options: { dryRun?: boolean; asOf?: Date; hooks?: CrashHooks<PurgePoint> } = {},
): Promise<PurgeResult> {
  const db = vault.db;
  const reach = crashPoints(options.hooks);
  const dryRun = options.dryRun ?? false;
  // Nothing is destroyed before it is due by the real clock: another time is a what-if, for a dry run only.
  if (options.asOf && !dryRun) throw new ServiceError('invalid', 'A time other than now is a what-if: it works only for a dry run, which destroys nothing.');
  const now = (options.asOf ?? vault.now()).toISOString();
  const memberId = 'memberId' in actor ? actor.memberId : null;
  const tokenDetail: AuditDetails = 'tokenId' in actor ? { tokenId: actor.tokenId } : {};
  if (!dryRun) await finishPendingVacuum(db, reach);
  if (db.inTransaction) throw new Error('Another use case is writing to the vault: run the destruction when it has finished.');
  db.exec('BEGIN IMMEDIATE');
  try {
    reach('begin');
    const byGroup = (
      db.prepare(`SELECT c.group_id AS groupId, p.basis AS basis, count(*) AS count ${DUE} GROUP BY c.group_id, p.basis ORDER BY count DESC`).all({ now }) as DestroyedGroup[]
    ).map((g) => ({ groupId: g.groupId, basis: g.basis, count: g.count }));
    const destroyed = byGroup.reduce((n, g) => n + g.count, 0);
    const held = (db.prepare(HELD).get({ now }) as { n: number }).n;
    if (dryRun || destroyed === 0) {
      vault.audit.append(memberId, dryRun ? 'destruction-dry-run' : 'destruction-run', 'success', { due: destroyed, held, ...tokenDetail });
      db.exec('COMMIT');
      return { dryRun, now, destroyed, byGroup, held, certificate: null };
    }
    const deleteBatch = db.prepare(`DELETE FROM contacts WHERE id IN (SELECT c.id ${DUE} LIMIT ${DELETE_BATCH})`);
    for (let left = destroyed; left > 0; left -= DELETE_BATCH) {
      reach('delete');
      deleteBatch.run({ now });
    }
    const certificateId = randomUUID();
    const entry = vault.audit.append(memberId, 'destruction-run', 'success', { certificateId, destroyed, held, groups: byGroup.length, ...tokenDetail });
    const certificate: Certificate = {
      format: CERTIFICATE_FORMAT,
      id: certificateId,
      kind: 'scheduled',
      issuedAt: now,
      vaultId: vaultId(db),
      actor,
      policies: policiesApplied(db, byGroup),
      destroyed: { total: destroyed, byGroup },
      audit: { seq: entry.seq, hash: entry.hash },
    };
    storeCertificate(db, certificate);
    markWipePending(db);
    reach('commit');
    db.exec('COMMIT');
    await finishPendingVacuum(db, reach);
    return { dryRun, now, destroyed, byGroup, held, certificate };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

export function vaultId(db: Db): string {
  return (db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").get() as { value: string }).value;
}

/**
 * Record, in the deleting transaction, that the file must be vacuumed: a crash before it is done leaves it pending,
 * and the next destruction run, erasure or Art. 19 task marked done finishes it. Each mark is a fresh token, so a
 * run that vacuumed for an older mark never clears a newer one (another process's, made meanwhile).
 */
export function markWipePending(db: Db): void {
  db.prepare("INSERT INTO vault_meta (key, value) VALUES ('vacuum_pending', @token) ON CONFLICT(key) DO UPDATE SET value = @token").run({ token: randomUUID() });
}

/**
 * Make deleted bytes unrecoverable: checkpoint the WAL into the file and truncate it, vacuum the file (rewriting it
 * without free pages), and truncate the WAL again. A checkpoint blocked by a reader is retried. The vacuum is needed
 * even for one person: secure_delete (database.ts) zeroes a deleted row and freed pages, but when SQLite rearranges
 * a page it may leave an older copy of a row in the page's unused space, which nothing but a rewrite clears (shown
 * by test/vault/erasure-bytes.test.ts). At a million contacts that costs seconds (docs/performance.md).
 */
export async function finishPendingVacuum(db: Db, reach: (point: PurgePoint) => void = () => {}): Promise<void> {
  const pending = db.prepare("SELECT value FROM vault_meta WHERE key = 'vacuum_pending'").get() as { value: string } | undefined;
  if (pending === undefined) return;
  await checkpoint(db, reach);
  reach('vacuum');
  db.exec('VACUUM');
  await checkpoint(db, reach);
  db.prepare("DELETE FROM vault_meta WHERE key = 'vacuum_pending' AND value = ?").run(pending.value);
  await checkpoint(db, reach);
}

async function checkpoint(db: Db, reach: (point: PurgePoint) => void): Promise<void> {
  reach('checkpoint');
  for (let attempt = 0; ; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (result && result.busy === 0) return;
    if (attempt === 50) throw new Error('The vault is busy (another program keeps it open): the destruction is recorded, and its clean-up will finish on the next run.');
    await sleep(100);
  }
}
