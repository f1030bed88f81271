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
/**
 * How the text names what the certificate holds by id or word: a group's label, a member's name, a basis and an anchor
 * in words. Given by whoever prints it (the vault knows the labels); left out, the ids and words stand.
 */
export interface CertificateWords {
  group?(id: string): string | undefined;
  member?(id: string): string | undefined;
  basis?(basis: string): string;
}

const ANCHOR_WORDS: Record<string, string> = {
  imported: 'the import',
  connected: 'the LinkedIn connection date',
  'basis-assigned': 'the day the lawful basis was assigned',
  'last-review': 'the last review',
};

/** '2027-02-15T10:00:00.000Z' → '15 February 2027, 10:00 UTC'. */
function issuedWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = m ? months[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}, ${m[4]} UTC` : iso;
}

export function certificateText(c: Certificate, words: CertificateWords = {}): string {
  const named = (id: string, label: string | undefined) => (label ? `“${label}” (${id})` : id);
  const group = (id: string) => named(id, words.group?.(id));
  const basis = (b: string) => words.basis?.(b) ?? b;
  const anchor = (a: string) => ANCHOR_WORDS[a] ?? a;
  const who = 'memberId' in c.actor ? `member ${named(c.actor.memberId, words.member?.(c.actor.memberId))}` : `destruction token ${c.actor.tokenId} (unattended run)`;
  const records = (n: number) => `${n.toLocaleString('en-GB')} contact record${n === 1 ? '' : 's'}`;
  const lines = [
    c.kind === 'scheduled' ? 'CERTIFICATE OF SCHEDULED DESTRUCTION' : 'CERTIFICATE OF ERASURE (UK GDPR Art. 17)',
    '',
    `Certificate   ${c.id}`,
    `Vault         ${c.vaultId}`,
    `Issued        ${issuedWords(c.issuedAt)} (${c.issuedAt})`,
    `Carried out by ${who}`,
    `Destroyed     ${records(c.destroyed.total)}, with everything derived from them`,
    '',
    'Per group:',
    ...c.destroyed.byGroup.map((g) => `  ${g.groupId ? group(g.groupId) : '(no group: quarantined)'}: ${g.basis ? basis(g.basis) : 'no lawful basis'}; ${records(g.count)}`),
    '',
    'Policies applied:',
    ...c.policies.map((p) =>
      p.scope === 'group'
        ? `  group ${group(p.groupId)}: ${p.months} months from ${anchor(p.anchor)}`
        : p.scope === 'basis'
          ? `  lawful basis ${basis(p.basis)}: ${p.months} months from ${anchor(p.anchor)}`
          : p.scope === 'quarantine'
            ? `  quarantine${p.groupId ? ` (group ${group(p.groupId)} has no lawful basis)` : ''}: ${p.days} days after import`
            : p.scope === 'default'
              ? `  default retention (group ${group(p.groupId)} has no policy): ${p.months} months from ${anchor(p.anchor)}`
              : `  erasure on request (${p.article})`,
    ),
    '',
    `Audit log entry ${c.audit.seq}, hash ${c.audit.hash}`,
    'Anyone holding the vault file can check it against the audit log: contact-sanitizer certificate verify <this certificate.json> --vault <vault>',
  ];
  return `${lines.join('\n')}\n`;
}
