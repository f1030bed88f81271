// Destruction certificates: proof for the controller's records that a run (or an erasure) happened, what it
// destroyed per group and under which policy, and the audit entry that recorded it. No personal data: ids, counts,
// policies and hashes. `verifyCertificate` checks one against the vault's audit log.
import { CertificateSchema, type Certificate } from '../shared/certificate.js';
import type { Db } from './database.js';
import type { OpenVault } from './open-vault.js';

export function storeCertificate(db: Db, c: Certificate): void {
  db.prepare('INSERT INTO certificates (id, kind, issued_at, body) VALUES (?, ?, ?, ?)').run(c.id, c.kind, c.issuedAt, JSON.stringify(c));
}

/** One page of the certificates, newest first (ties by id: a stable order), and how many there are. */
export function certificatesPage(db: Db, offset: number, limit: number): { total: number; certificates: Certificate[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM certificates').get() as { n: number }).n;
  const rows = db.prepare('SELECT body FROM certificates ORDER BY issued_at DESC, id LIMIT ? OFFSET ?').all(limit, offset) as { body: string }[];
  return { total, certificates: rows.map((r) => JSON.parse(r.body) as Certificate) };
}

export function findCertificate(db: Db, id: string): Certificate | null {
  const row = db.prepare('SELECT body FROM certificates WHERE id = ?').get(id) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as Certificate) : null;
}

/** Check a certificate against the audit log: its entry exists, matches, and the chain up to the head is intact. */
export function verifyCertificate(vault: OpenVault, input: unknown): { ok: true } | { ok: false; problem: string } {
  const parsed = CertificateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problem: 'this is not a destruction certificate of this app' };
  const c = parsed.data;
  const stored = vault.db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").get() as { value: string } | undefined;
  if (stored?.value !== c.vaultId) return { ok: false, problem: 'the certificate was issued by another vault' };
  const chain = vault.audit.verify();
  if (!chain.ok) return { ok: false, problem: `the audit log itself is broken (${chain.problem})` };
  const entry = vault.audit.entries({ afterSeq: c.audit.seq - 1, limit: 1 })[0];
  if (!entry || entry.seq !== c.audit.seq) return { ok: false, problem: `the audit log has no entry ${c.audit.seq}` };
  if (entry.hash !== c.audit.hash) return { ok: false, problem: `audit entry ${c.audit.seq} has another hash: the certificate or the log was altered` };
  if (entry.details.certificateId !== c.id) return { ok: false, problem: `audit entry ${c.audit.seq} records another certificate` };
  if (entry.details.destroyed !== c.destroyed.total) return { ok: false, problem: 'the number destroyed differs from the audit log' };
  if (c.destroyed.byGroup.reduce((n, g) => n + g.count, 0) !== c.destroyed.total) return { ok: false, problem: 'the per-group counts do not add up' };
  return { ok: true };
}
