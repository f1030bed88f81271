// A destruction certificate: proof for the controller's records that a scheduled run or an erasure happened, what it
// destroyed per group and under which policy, and the audit entry that recorded it. Ids, counts, policies and a
// hash only: no personal data. One schema for the vault that stores it, the contract that carries it and the
// command that verifies a copy.
import { z } from 'zod';
import { ANCHORS, CERTIFICATE_KINDS, LAWFUL_BASES } from './vocabulary.js';

export const CERTIFICATE_FORMAT = 'contact-sanitizer/destruction-certificate/v1';

export const CertificatePolicySchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('group'), groupId: z.string(), months: z.number(), anchor: z.enum(ANCHORS) }),
  z.object({ scope: z.literal('basis'), basis: z.enum(LAWFUL_BASES), months: z.number(), anchor: z.enum(ANCHORS) }),
  z.object({ scope: z.literal('quarantine'), groupId: z.string().optional(), days: z.number() }),
  // A group with a lawful basis and no policy of its own or its basis's: the vault's default retention (schema 7).
  z.object({ scope: z.literal('default'), groupId: z.string(), months: z.number(), anchor: z.enum(ANCHORS) }),
  z.object({ scope: z.literal('erasure'), article: z.string() }),
]);
export type CertificatePolicy = z.infer<typeof CertificatePolicySchema>;

export const DestroyedGroupSchema = z.object({ groupId: z.string().nullable(), basis: z.enum(LAWFUL_BASES).nullable(), count: z.number().int().nonnegative() });
export type DestroyedGroup = z.infer<typeof DestroyedGroupSchema>;

export const CertificateSchema = z.object({
  format: z.literal(CERTIFICATE_FORMAT),
  id: z.string().uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  issuedAt: z.string(),
  vaultId: z.string(),
  actor: z.union([z.object({ memberId: z.string() }), z.object({ tokenId: z.string() })]),
  policies: z.array(CertificatePolicySchema),
  destroyed: z.object({ total: z.number().int().nonnegative(), byGroup: z.array(DestroyedGroupSchema) }),
  audit: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type Certificate = z.infer<typeof CertificateSchema>;

/** The certificate as text, for a person or a DPO's file. */
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
            : p.scope === 'default'
              ? `  default retention (group ${p.groupId} has no policy): ${p.months} months from ${p.anchor}`
              : `  erasure on request (${p.article})`,
    ),
    '',
    `Audit log entry ${c.audit.seq}, hash ${c.audit.hash}`,
    'Check it with: contact-sanitizer certificate verify <this certificate.json> --vault <vault>',
  ];
  return `${lines.join('\n')}\n`;
}
