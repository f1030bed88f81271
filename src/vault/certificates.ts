// Destruction certificates: proof for the controller's records that a run (or an erasure) happened, what it
// destroyed per group and under which policy, and the audit entry that recorded it. No personal data: ids, counts,
// policies and hashes. `verifyCertificate` checks one against the vault's audit log.
import { z } from 'zod';
import type { Db } from './database.js';
import type { OpenVault } from './open-vault.js';

export interface DestroyedGroup {
  groupId: string | null;
  basis: string | null;
  count: number;
}

export type CertificatePolicy =
  | { scope: 'group'; groupId: string; months: number; anchor: string }
  | { scope: 'basis'; basis: string; months: number; anchor: string }
  | { scope: 'quarantine'; groupId?: string; days: number }
  | { scope: 'erasure'; article: string };

export const CertificateSchema = z.object({
  format: z.literal('contact-sanitizer/destruction-certificate/v1'),
  id: z.string().uuid(),
  kind: z.enum(['scheduled', 'erasure']),
  issuedAt: z.string(),
  vaultId: z.string(),
  actor: z.union([z.object({ memberId: z.string() }), z.object({ tokenId: z.string() })]),
  policies: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  destroyed: z.object({
    total: z.number().int().nonnegative(),
    byGroup: z.array(z.object({ groupId: z.string().nullable(), basis: z.string().nullable(), count: z.number().int() })),
  }),
  audit: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type Certificate = Omit<z.infer<typeof CertificateSchema>, 'policies'> & { policies: CertificatePolicy[] };

export function storeCertificate(db: Db, c: Certificate): void {
  db.prepare('INSERT INTO certificates (id, kind, issued_at, body) VALUES (?, ?, ?, ?)').run(c.id, c.kind, c.issuedAt, JSON.stringify(c));
}

export function listCertificates(db: Db): Certificate[] {
  return (db.prepare('SELECT body FROM certificates ORDER BY issued_at DESC').all() as { body: string }[]).map((r) => JSON.parse(r.body) as Certificate);
}

export function certificateText(c: Certificate): string {
  const who = 'memberId' in c.actor ? `member ${c.actor.memberId}` : `destruction token ${c.actor.tokenId} (unattended run)`;
  const lines = [
    c.kind === 'scheduled' ? 'CERTIFICATE OF SCHEDULED DESTRUCTION' : 'CERTIFICATE OF ERASURE (UK GDPR Art. 17)',
    '',
    `Certificate   ${c.id}`,
    `Vault         ${c.vaultId}`,
    `Issued        ${c.issuedAt}`,
    `Carried out by ${who}`,
    `Destroyed     ${c.destroyed.total} contact record(s), with everything derived from them`,
    '',
    'Per group:',
    ...c.destroyed.byGroup.map((g) => `  ${g.groupId ?? '(no group: quarantined)'}  ${g.basis ?? 'no lawful basis'}  ${g.count}`),
    '',
    'Policies applied:',
    ...c.policies.map((p) =>
      p.scope === 'group'
        ? `  group ${p.groupId}: ${p.months} months from ${p.anchor}`
        : p.scope === 'basis'
          ? `  lawful basis ${p.basis}: ${p.months} months from ${p.anchor}`
          : p.scope === 'quarantine'
            ? `  quarantine${p.groupId ? ` (group ${p.groupId} has no lawful basis)` : ''}: ${p.days} days after import`
            : `  erasure on request (${p.article})`,
    ),
    '',
    `Audit log entry ${c.audit.seq}, hash ${c.audit.hash}`,
    'Check it with: contact-sanitizer certificate verify <this certificate.json> --vault <vault>',
  ];
  return `${lines.join('\n')}\n`;
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
