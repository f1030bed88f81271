// The shapes the contract's channels answer with (and the few they take), one zod schema each, built from the
// shared vocabularies and the domain's own schemas. Plain data only: dates are ISO strings. Pure: the renderer
// may import it.
import { z } from 'zod';
import { GroupPolicySchema, GroupRuleSchema } from '../policy/index.js';
import { RetentionPolicySchema } from '../retention/index.js';
import { AuditEntrySchema } from '../shared/audit-entry.js';
import { CertificateSchema } from '../shared/certificate.js';
import { EMAIL_KINDS, LAWFUL_BASES, ROLES, SUPPRESSION_REASONS } from '../shared/vocabulary.js';

export const id = z.string().uuid({ error: 'not an id (the list commands, and the app, show them)' });
export const path = z.string().min(1).max(4096);
export const secret = z.string().min(1).max(1024);
export const memberName = z.string().min(1).max(200);
/** A moment in ISO 8601 with its zone, e.g. 2027-01-31T09:00:00Z. */
export const isoTime = z.iso.datetime({ offset: true, error: 'a date and time in ISO 8601 with its zone, e.g. 2027-01-31T09:00:00Z' });
const text = (max: number) => z.string().max(max);

/** A whole number from `min` to `max`, with one sentence for every way of missing it. */
export const wholeNumber = (min: number, max: number, unit: string) => {
  const error = `a whole number of ${unit} from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

export const MemberSchema = z.object({ id, roles: z.array(z.enum(ROLES)) });
export const MemberViewSchema = z.object({ id, name: z.string(), roles: z.array(z.enum(ROLES)), createdAt: z.string() });

export const GuardrailSchema = z.object({
  id: z.string(),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  rule: z.string(),
  contactIds: z.array(z.string()).optional(),
});

/**
 * A lawful-basis policy as a person drafts it: every field may still be missing or wrong. The use case validates
 * it against the policy schema (src/policy/lawful-basis.ts) and answers with sentences, so a form can show them.
 */
export const PolicyDraftSchema = z.object({
  basis: text(100).optional(),
  purpose: text(100).optional(),
  purposeDescription: text(5000).optional(),
  evidence: z.record(text(100), text(10_000)).optional(),
  art9Condition: text(100).optional(),
  art9Justification: text(5000).optional(),
  art10Authority: text(5000).optional(),
  art14Notice: z
    .object({ status: text(20).optional(), date: text(40).optional(), method: text(2000).optional(), exemption: text(5000).optional() })
    .optional(),
});

export const AssignedPolicySchema = z.object({ policy: GroupPolicySchema, assignedAt: z.string(), assignedBy: z.string(), art14Due: z.string() });

export const GroupViewSchema = z.object({
  id,
  order: z.number().int(),
  label: z.string(),
  rule: GroupRuleSchema,
  policy: AssignedPolicySchema.nullable(),
  description: z.string(),
  contacts: z.number().int(),
});

export const OverdueNoticeSchema = z.object({ groupId: id, label: z.string(), due: z.string() });

/** A contact as a data owner or admin sees it (src/app/use-cases/contacts.ts builds it). */
export const ContactViewSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  profileUrl: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string(),
  position: z.string(),
  connectedOn: z.string().nullable(),
  specialCategories: z.array(z.string()),
  soleTrader: z.boolean(),
  extra: z.record(z.string(), z.string()),
  source: z.object({ importId: z.string(), line: z.number() }),
  groupId: z.string().nullable(),
  emailKind: z.enum(EMAIL_KINDS),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string().nullable(),
  legalHold: z.boolean(),
  usable: z.boolean(),
});

/** Who a data subject's request is about: a contact, or whoever has this email or profile. */
export const PersonSelectorSchema = z.union([
  z.object({ contactId: id }).strict(),
  z.object({ email: z.string().min(3).max(320) }).strict(),
  z.object({ profileUrl: z.string().min(8).max(2048) }).strict(),
]);

/** What committing an import reports (src/app/use-cases/commit-import.ts). */
export const CommitReportSchema = z.object({
  importId: z.string(),
  sha256: z.string(),
  records: z.number(),
  added: z.number(),
  updated: z.number(),
  duplicatesSkipped: z.number(),
  duplicatesInFile: z.number(),
  suppressedLines: z.array(z.number()),
  heldLines: z.array(z.number()),
  emptySkipped: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  columnsDropped: z.array(z.string()),
  fragmentsStripped: z.number(),
  quarantined: z.number(),
});

/** A change that may bring destruction forward: measure it (`dryRun`), or go ahead although it does (`confirm`). */
export const changeOptions = { dryRun: z.boolean().default(false), confirm: z.boolean().default(false) };
/** What such a change reports (src/app/use-cases/impact.ts). */
export const MeasuredSchema = z.object({
  applied: z.boolean(),
  impact: z.object({ dueNow: z.number().int(), dueWithin30Days: z.number().int() }),
});

export const RetentionPolicyViewSchema = z.object({ policy: RetentionPolicySchema, description: z.string() });
export const RetentionScopeSchema = z.union([z.object({ groupId: id }).strict(), z.object({ basis: z.enum(LAWFUL_BASES) }).strict()]);

export const ScheduleSchema = z.object({ overdue: z.number(), held: z.number(), months: z.array(z.object({ month: z.string(), due: z.number() })) });

export const HoldViewSchema = z.object({ id, contactId: z.string().nullable(), groupId: z.string().nullable(), reason: z.string(), createdAt: z.string() });

export const SuppressionViewSchema = z.object({
  id,
  reason: z.enum(SUPPRESSION_REASONS),
  createdAt: z.string(),
  byEmail: z.boolean(),
  byProfileUrl: z.boolean(),
  byName: z.boolean(),
});

export const TokenViewSchema = z.object({ id, createdAt: z.string(), createdBy: z.string(), revokedAt: z.string().nullable() });

export const PurgeResultSchema = z.object({
  dryRun: z.boolean(),
  now: z.string(),
  destroyed: z.number(),
  held: z.number(),
  byGroup: z.array(z.object({ groupId: z.string().nullable(), basis: z.enum(LAWFUL_BASES).nullable(), count: z.number() })),
  certificate: CertificateSchema.nullable(),
});

export const CrmExportSchema = z.object({
  csv: z.string(),
  included: z.number(),
  excluded: z.array(z.object({ id: z.string(), reason: z.enum(['suppressed', 'no-lawful-basis', 'purpose-differs']) })),
  emailsWithheld: z.array(z.object({ id: z.string(), reason: z.literal('individual-subscriber-without-consent') })),
  notes: z.array(z.string()),
});

export { AuditEntrySchema, CertificateSchema };
