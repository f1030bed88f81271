// The shapes the contract's channels answer with (and the few they take), one zod schema each, built from the
// shared vocabularies and the domain's own schemas. Plain data only: dates are ISO strings. Pure: the renderer
// may import it.
import { z } from 'zod';
import { GroupPolicySchema, GroupRuleSchema } from '../policy/index.js';
import { DefaultRetentionSchema, RetentionRuleSchema } from '../retention/index.js';
import { AuditEntrySchema, ENUM } from '../shared/audit-entry.js';
import { CertificateSchema } from '../shared/certificate.js';
import { isIsoDay } from '../policy/dates.js';
import {
  ART14_EXEMPTIONS,
  AUDIT_OUTCOMES,
  ART19_KINDS,
  CONSENT_METHODS,
  CONTACT_CHANNELS,
  CRM_EXCLUSIONS,
  CRM_FIELDS,
  EMAIL_KINDS,
  LAWFUL_BASES,
  PERSON_NOTICE_STATUSES,
  PURPOSES,
  RECIPIENT_ROLES,
  ROLES,
  SOURCE_KINDS,
  SUPPRESSION_REASONS,
  TRANSFER_MECHANISMS,
  WITHHELD_REASONS,
  INFERRED_SUBSCRIBER_TYPES,
  SOFT_OPT_IN_CHANNELS,
  SOFT_OPT_IN_CONTEXTS,
  SUBSCRIBER_ENTITIES,
  SUBSCRIBER_TYPES,
  TPS_LISTS,
  MAX_PAGE,
} from '../shared/vocabulary.js';

export const id = z.string().uuid({ error: 'not an id (the list commands, and the app, show them)' });
export const path = z.string().min(1).max(4096);
export const secret = z.string().min(1).max(1024);
export const memberName = z.string().min(1).max(200);
/** A moment in ISO 8601 with its zone, e.g. 2027-01-31T09:00:00Z. */
export const isoTime = z.iso.datetime({ offset: true, error: 'a date and time in ISO 8601 with its zone, e.g. 2027-01-31T09:00:00Z' });
const text = (max: number) => z.string().max(max);
/** A calendar day, yyyy-mm-dd. */
export const isoDay = z.string().refine(isIsoDay, { error: 'a date written yyyy-mm-dd' });
/** Text a person types, trimmed; `what` completes the sentence '… is required'. */
export const typed = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(max, { error: `${what} is too long (at most ${max} characters)` });

/** A whole number from `min` to `max`, with one sentence for every way of missing it. */
export const wholeNumber = (min: number, max: number, unit: string) => {
  const error = `a whole number of ${unit} from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

export const MemberSchema = z.object({ id, roles: z.array(z.enum(ROLES)) });
export const MemberViewSchema = z.object({ id, name: z.string(), roles: z.array(z.enum(ROLES)), createdAt: z.string() });
/** The OS keychain unlock here: offered (or why not, one sentence) and whether the member has turned it on. */
export const KeychainStatusSchema = z.object({ offered: z.boolean(), reason: z.string().nullable(), enabled: z.boolean(), elsewhere: z.boolean() });

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
  art9MadePublicWhere: text(2000).optional(),
  schedule1Condition: text(1000).optional(),
  appropriatePolicyDocument: text(1000).optional(),
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
  /** Categories of hints stripped at import (the words are not kept). */
  strippedCategories: z.array(z.string()),
  soleTrader: z.boolean(),
  extra: z.record(z.string(), z.string()),
  source: z.object({ importId: z.string(), line: z.number() }),
  /**
   * The import `source` names, as a person recognises it: its day, its number among the vault's imports (1 = the first)
   * and its kind of file. The file's name is not kept, so it cannot be shown. Null only for an import not on record.
   */
  sourceImport: z.object({ importedAt: z.string(), number: z.number().int().positive(), kind: z.string() }).nullable(),
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
  /** Lines kept with a special-category hint in a group whose basis has no condition that holds for it (Art. 9(2), Art. 10). */
  specialCategoryLines: z.array(z.number()),
  /** The groups those lines landed in: flagged. */
  specialCategoryGroups: z.array(z.object({ groupId: z.string(), label: z.string(), records: z.number() })),
});

/** What the preview predicts a commit will report, by the same rules (src/app/use-cases/import-rules.ts). */
export const ImportPredictionSchema = CommitReportSchema.omit({ importId: true, sha256: true });
/** The importer's keep-or-strip decision for the special-category hints of one line of the file. */
export const LineChoiceSchema = z.object({ line: z.number().int().positive(), specialCategory: z.enum(['keep', 'strip']) });
/** A line with findings, as the preview shows it: the person's name as in the file, and each flagged cell (emails and phones masked). */
export const PreviewLineSchema = z.object({ line: z.number().int().positive(), name: z.string(), cells: z.record(z.string(), z.string()) });

/** A change that may bring destruction forward: measure it (`dryRun`), or go ahead although it does (`confirm`). */
export const changeOptions = { dryRun: z.boolean().default(false), confirm: z.boolean().default(false) };
/** What such a change reports (src/app/use-cases/impact.ts). */
export const MeasuredSchema = z.object({
  applied: z.boolean(),
  impact: z.object({ dueNow: z.number().int(), dueWithin30Days: z.number().int() }),
});

/** A stored policy: its rule, why this period (null: set before schema 7), and both in words. */
export const RetentionPolicyViewSchema = z.object({ policy: RetentionRuleSchema, rationale: z.string().nullable(), description: z.string() });
/** The vault's default retention; `notBefore`: 9999-12-31 while an upgraded vault waits for an admin to confirm it (null for none). */
export const DefaultRetentionViewSchema = DefaultRetentionSchema.extend({ notBefore: z.string().nullable(), description: z.string() });
export const RetentionScopeSchema = z.union([z.object({ groupId: id }).strict(), z.object({ basis: z.enum(LAWFUL_BASES) }).strict()]);

export const ScheduleSchema = z.object({ overdue: z.number(), held: z.number(), months: z.array(z.object({ month: z.string(), due: z.number() })) });

// --- What needs attention (home.summary, src/app/use-cases/home.ts): counts and dates only, never a person.
const tally = z.number().int().nonnegative();
/** The first day something falls due after now, and how many fall due that day (`at`: an ISO date or timestamp). */
const FirstDueSchema = z.object({ at: z.string(), contacts: tally }).nullable();
/** Each part is left out when the member's roles may not see what it counts (the channel it summarises refuses them). */
export const HomeSummarySchema = z.object({
  now: isoTime,
  /** "Soon" is within this many days of now. */
  soonDays: tally,
  /** First steps for a new vault, for every member: is anyone in it yet, are the controller's details recorded. */
  setup: z.object({ contacts: tally, controllerRecorded: z.boolean() }),
  destruction: z.object({ overdue: tally, overdueHeld: tally, dueSoon: tally, next: FirstDueSchema }).optional(),
  quarantine: z.object({ contacts: tally, days: tally, overdue: tally, next: FirstDueSchema }).optional(),
  notices: z.object({ due: tally, overdue: tally, unconfirmed: tally, nextDue: z.string().nullable() }).optional(),
  liaReviews: z.object({ groups: tally, overdue: tally, dueSoon: tally, nextReview: z.string().nullable() }).optional(),
  /** The last scheduled destruction run (null: none yet), by a member or a destruction token. */
  lastRun: z
    .object({
      at: z.string(),
      destroyed: tally,
      certificateId: id.nullable(),
      by: z.discriminatedUnion('kind', [z.object({ kind: z.literal('member'), memberId: id, name: z.string().nullable() }), z.object({ kind: z.literal('token'), tokenId: z.string() })]),
    })
    .nullable()
    .optional(),
});

/** One page of a list kept in a stable order: skip `offset`, at most `limit` (MAX_PAGE). */
export const PageRequestSchema = z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(MAX_PAGE).default(100) });

/** Which audit entries to read or export: by action, member, outcome, and the days from and to (both included). */
export const AuditFilterSchema = z.object({
  action: z.string().regex(ENUM, { error: 'an action is a word of the audit log, such as import-commit' }).max(40).optional(),
  memberId: id.optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});

export const HoldViewSchema = z.object({ id, contactId: z.string().nullable(), groupId: z.string().nullable(), reason: z.string(), createdAt: z.string() });

export const SuppressionViewSchema = z.object({
  id,
  reason: z.enum(SUPPRESSION_REASONS),
  /** A withdrawn consent suppresses its purpose only; null: every use. */
  purpose: z.enum(PURPOSES).nullable(),
  liftedAt: z.string().nullable(),
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
  /** How many were left out, by reason, and in all. */
  excludedByReason: z.partialRecord(z.enum(CRM_EXCLUSIONS), z.number().int()),
  excludedTotal: z.number().int(),
  /** The first people left out (at most MAX_PAGE), with why: a preview. */
  excluded: z.array(z.object({ id: z.string(), reason: z.enum(CRM_EXCLUSIONS) })).max(MAX_PAGE),
  emailsWithheld: z.array(z.object({ id: z.string(), reason: z.enum(WITHHELD_REASONS) })),
  /** Profile URLs left empty in a direct-marketing export by LinkedIn message (electronic mail, PECR reg. 22). */
  profilesWithheld: z.array(z.object({ id: z.string(), reason: z.enum(WITHHELD_REASONS) })),
  /** Job titles left empty: they hint at special-category data the group's basis has no condition for (Art. 9, Art. 10). */
  fieldsWithheld: z.array(z.object({ id: z.string(), field: z.enum(CRM_FIELDS), reason: z.literal('special-category-without-condition') })),
  /** Whether the export was treated as direct marketing (DPA 2018 s.122(5)). */
  directMarketing: z.boolean(),
  notes: z.array(z.string()),
  /** The disclosure log's entry for this export: who received which contacts (Art. 15(1)(c), Art. 19, Art. 30). */
  disclosureId: id,
});

/** One person a preview names (at most 100 in and 100 out): for the data owner deciding, never sent anywhere. */
const PreviewPersonSchema = z.object({ id, name: z.string(), company: z.string().nullable() });

/** What an export would carry, without making it (export.preview): the same counts, and the first people in and out. */
export const CrmExportPreviewSchema = z.object({
  included: z.number().int(),
  excludedByReason: z.partialRecord(z.enum(CRM_EXCLUSIONS), z.number().int()),
  excludedTotal: z.number().int(),
  /** How many emails, LinkedIn profiles and job titles the export would leave empty. */
  emailsWithheld: z.number().int(),
  profilesWithheld: z.number().int(),
  fieldsWithheld: z.number().int(),
  directMarketing: z.boolean(),
  notes: z.array(z.string()),
  includedPeople: z.array(PreviewPersonSchema).max(100),
  heldBack: z.array(PreviewPersonSchema.extend({ reason: z.enum(CRM_EXCLUSIONS) })).max(100),
});

// --- Per-person facts: consent, notices, recipients and disclosures (src/app/use-cases/{consents,notices,disclosures}.ts).

/** One consent as a person gave it (Art. 7(1): the controller must be able to show it). */
export const ConsentInputSchema = z.object({
  purpose: z.enum(PURPOSES, { error: `the purpose must be one of ${PURPOSES.join(', ')}` }),
  channels: z.array(z.enum(CONTACT_CHANNELS, { error: `a channel is one of ${CONTACT_CHANNELS.join(', ')}` })).min(1, { error: 'name at least one channel' }),
  obtainedAt: isoDay,
  method: z.enum(CONSENT_METHODS, { error: `how consent was given is one of ${CONSENT_METHODS.join(', ')}` }),
  wording: typed('the exact statement the person agreed to', 5000),
  wordingVersion: typed('the version of that statement', 100),
  proof: typed('where the proof is kept (a form submission id, a call recording, an email)', 2000),
  /**
   * Explicit consent (UK GDPR Art. 9(2)(a)): the person expressly agreed, in the statement recorded, to the use of their
   * special-category data. For direct marketing, the one per-person ground for it besides data they made public.
   */
  explicit: z.boolean().optional(),
});

export const ConsentViewSchema = ConsentInputSchema.extend({
  id,
  contactId: id,
  explicit: z.boolean(),
  withdrawnAt: z.string().nullable(),
  withdrawalMethod: z.enum(CONSENT_METHODS).nullable(),
  /** Copied from a group's consent record by the schema-6 migration; counts only once a data owner confirms it. */
  carriedOver: z.boolean(),
  confirmed: z.boolean(),
  /** Not withdrawn, and not an unconfirmed carry-over: what consent-based uses rely on. */
  live: z.boolean(),
});

/** A batch of people: a group's members, named contacts, or the people one export (a notice run) went to. */
export const NoticeTargetSchema = z.union([
  z.object({ groupId: id }).strict(),
  z.object({ contactIds: z.array(id).min(1).max(100_000) }).strict(),
  z.object({ disclosureId: id }).strict(),
]);

export const NoticeSummarySchema = z.object({
  groupId: id.nullable(),
  label: z.string(),
  due: z.number().int(),
  overdue: z.number().int(),
  sent: z.number().int(),
  exempt: z.number().int(),
  carriedOver: z.number().int(),
  /** The earliest date by which someone in the group not yet told must be told. */
  nextDue: z.string().nullable(),
});

export const PersonNoticeSchema = z.object({
  contactId: id,
  status: z.enum(PERSON_NOTICE_STATUSES),
  /** The last day to tell them: obtained + one month, or their first disclosure if earlier (Art. 14(3)). */
  dueBy: z.string(),
  day: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNELS).nullable(),
  version: z.string().nullable(),
  exemption: z.enum(ART14_EXEMPTIONS).nullable(),
});

export const ControllerDetailsSchema = z.object({
  name: typed("the controller's name (your organisation)", 300),
  contact: typed("the controller's contact details (address, email)", 1000),
  dpo: z.string().trim().max(1000).optional(),
  representative: z.string().trim().max(1000).optional(),
});

export const RecipientInputSchema = z
  .object({
    name: typed("the recipient's name", 300),
    role: z.enum(RECIPIENT_ROLES, { error: 'a recipient is a processor (acting for you) or a controller' }),
    contractDate: isoDay.optional(),
    hostingRegion: typed('where the recipient holds the data (e.g. UK, EU, USA)', 200),
    transfer: z.enum(TRANSFER_MECHANISMS, { error: `the transfer mechanism is one of ${TRANSFER_MECHANISMS.join(', ')}` }),
    contact: z.string().trim().max(1000).optional(),
  })
  .refine((r) => r.role !== 'processor' || r.contractDate !== undefined, {
    error: 'a processor needs the date of its Art. 28 contract (contractDate)',
    path: ['contractDate'],
  });

export const RecipientViewSchema = z.object({
  id,
  name: z.string(),
  role: z.enum(RECIPIENT_ROLES),
  contractDate: z.string().nullable(),
  hostingRegion: z.string(),
  transfer: z.enum(TRANSFER_MECHANISMS),
  contact: z.string().nullable(),
  createdAt: z.string(),
  disclosures: z.number().int(),
});

export const DisclosureViewSchema = z.object({
  id,
  recipientId: id,
  recipientName: z.string(),
  at: z.string(),
  memberId: z.string(),
  purpose: z.enum(PURPOSES),
  noticeRun: z.boolean(),
  contacts: z.number().int(),
});

export const Art19TaskViewSchema = z.object({
  id,
  recipientId: id,
  recipientName: z.string(),
  kind: z.enum(ART19_KINDS),
  createdAt: z.string(),
  /** Who, for the recipient to find them (their email, profile or name); gone once the task is done. */
  subject: z.string().nullable(),
  doneAt: z.string().nullable(),
});

// --- PECR: subscriber types, soft opt-ins, TPS/CTPS screenings (src/app/use-cases/subscribers.ts, pecr-records.ts).

/** A Companies House number: 8 characters, 8 digits or 2 letters and 6 digits (e.g. 01234567, SC123456, OC301234). */
export const companyNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(?:\d{8}|[A-Z]{2}\d{6})$/, { error: 'a Companies House number has 8 characters: 8 digits, or 2 letters and 6 digits (e.g. 01234567, SC123456, OC301234)' });

const subscriberFields = {
  entity: z.enum(SUBSCRIBER_ENTITIES, { error: `the entity is one of ${SUBSCRIBER_ENTITIES.join(', ')}` }),
  companyNumber: companyNumber.optional(),
  note: z.string().trim().min(1).max(2000).optional(),
};
/** A subscriber type confirmed for one contact, or for everyone at a company (found by its name's blind index). */
export const SubscriberConfirmSchema = z.union([
  z.object({ contactId: id, ...subscriberFields }).strict(),
  z.object({ company: typed('the company name', 300), ...subscriberFields }).strict(),
]);

export const SubscriberViewSchema = z.object({
  contactId: id,
  name: z.string(),
  company: z.string(),
  inferred: z.enum(INFERRED_SUBSCRIBER_TYPES),
  /** Why the data suggests that type, in one sentence. */
  reason: z.string(),
  confirmed: z
    .object({
      type: z.enum(SUBSCRIBER_TYPES),
      entity: z.enum(SUBSCRIBER_ENTITIES),
      /** For this contact, or for everyone at its company. */
      by: z.enum(['contact', 'company']),
      companyNumber: z.string().nullable(),
      note: z.string().nullable(),
      confirmedAt: z.string(),
    })
    .nullable(),
  /** What PECR's rules apply: the confirmed type, else corporate only when likely corporate. */
  treatedAs: z.enum(SUBSCRIBER_TYPES),
  /** The channels the person's soft opt-ins cover. */
  softOptIn: z.array(z.enum(SOFT_OPT_IN_CHANNELS)),
});

/** A soft opt-in (PECR reg. 22(3)): details obtained in a sale or negotiations, similar products only, refusal offered. */
export const SoftOptInInputSchema = z.object({
  person: PersonSelectorSchema,
  channels: z.array(z.enum(SOFT_OPT_IN_CHANNELS, { error: `a soft opt-in covers ${SOFT_OPT_IN_CHANNELS.join(' or ')}` })).min(1, { error: 'name at least one channel' }),
  obtainedAt: isoDay,
  context: z.enum(SOFT_OPT_IN_CONTEXTS, { error: `the details were obtained in a ${SOFT_OPT_IN_CONTEXTS.join(' or ')}` }),
  products: typed('the products or services the person bought or asked about (the soft opt-in covers similar ones only)', 2000),
  refusalOffered: typed('how the person was given a simple way to refuse marketing when their details were collected', 2000),
});

/** A TPS/CTPS screening as recorded (PECR reg. 21(1)(b), 21(4)): recorded, not fetched. */
export const TpsScreeningInputSchema = z.object({
  screenedOn: isoDay,
  list: z.enum(TPS_LISTS, { error: `the list is one of ${TPS_LISTS.join(', ')}` }),
  listVersion: typed('the version (or date) of the list screened against', 200),
  provider: z.string().trim().min(1).max(300).optional(),
});

export const TpsScreeningViewSchema = TpsScreeningInputSchema.extend({ id, provider: z.string().nullable(), createdAt: z.string(), createdBy: z.string() });

export { SOURCE_KINDS };

export { AuditEntrySchema, CertificateSchema };
