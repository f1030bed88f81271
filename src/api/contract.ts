// The single contract between the core and every front end (desktop renderer, command line, browser-test harness):
// for every channel a zod schema for the request and one for the response. The router validates each request
// before any use case runs (the renderer shows personal data and is treated as untrusted); who may call a channel
// is in src/api/access.ts. Plain data only: dates are ISO strings. Pure, so the renderer may import its types.
import { z } from 'zod';
import { GroupRuleSchema } from '../policy/index.js';
import { InspectReportSchema } from '../report/report-schema.js';
import { DefaultRetentionSchema, RetentionPolicySchema } from '../retention/index.js';
import { AuditHeadSchema, AuditVerificationSchema } from '../shared/audit-entry.js';
import type { ErrorCode } from '../shared/errors.js';
import { ART14_EXEMPTIONS, CONSENT_METHODS, CONTACT_STATUSES, MAX_PAGE, CONTACT_CHANNELS, CRM_FIELDS, ON_DUPLICATE, PURPOSES, ROLES, SOURCE_KINDS, STRIPPABLE, SUBSCRIBER_TYPES } from '../shared/vocabulary.js';
import { ACCESS, CHANNEL_NAMES, DESKTOP_CHANNEL_NAMES, rolesFor, type Access, type Channel, type DesktopChannel } from './access.js';
import * as S from './schemas.js';

export { ACCESS, CHANNEL_NAMES, DESKTOP_CHANNEL_NAMES, rolesFor, type Access, type Channel, type DesktopChannel };

interface Spec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
}
const spec = <Req extends z.ZodType, Res extends z.ZodType>(s: Spec<Req, Res>) => s;

const none = z.object({});
/** Contacts a regrouping moves from one group to another (null: in no group, so quarantined). */
const GroupMoveSchema = z.object({ from: S.id.nullable(), to: S.id.nullable(), contacts: z.number().int() });

/** A CRM export's request; its preview takes the same but for the recipient. */
const CrmExportRequestSchema = z.object({
  purpose: z.enum(PURPOSES),
  /** Who receives the file (registered with recipients.add): every export is logged as a disclosure. */
  recipientId: S.id,
  fields: z.array(z.enum(CRM_FIELDS)).min(1).optional(),
  /** The channels the file is for: PECR's rules follow them, not the purpose's name. */
  channels: z.array(z.enum(CONTACT_CHANNELS, { error: `a channel is one of ${CONTACT_CHANNELS.join(', ')}` })).min(1, { error: 'name at least one channel' }),
  /**
   * Direct marketing: any promotion of the organisation, its products or its aims (DPA 2018 s.122(5)). Always true
   * for the marketing purposes (false is refused); left out, true only for them; true for any other purpose on request.
   */
  directMarketing: z.boolean().optional(),
  /** The export is for sending the Art. 14 notice itself: only people not yet told are included. */
  noticeRun: z.boolean().default(false),
});

export const CHANNELS = {
  // Vaults and sessions.
  'vault.status': spec({ request: none, response: z.object({ path: z.string().nullable(), member: S.MemberSchema.nullable() }) }),
  'vault.create': spec({
    // `defaultRetention`: for contacts with a lawful basis that no policy covers; 24 months from the last review if left out.
    request: z.object({ path: S.path, name: S.memberName, passphrase: S.secret, roles: z.array(z.enum(ROLES)).min(1).optional(), defaultRetention: DefaultRetentionSchema.optional() }),
    response: z.object({ recoveryKey: z.string(), member: S.MemberSchema, defaultRetention: DefaultRetentionSchema }),
  }),
  'vault.unlock': spec({ request: z.object({ path: S.path, name: S.memberName, passphrase: S.secret }), response: z.object({ member: S.MemberSchema }) }),
  'vault.recover': spec({
    request: z.object({ path: S.path, recoveryKey: S.secret, name: S.memberName, newPassphrase: S.secret }),
    response: z.object({ recoveryKey: z.string(), member: S.MemberSchema }),
  }),
  'vault.lock': spec({ request: none, response: z.null() }),
  // The OS keychain unlock (desktop only: the command line has no keychain, so it is never offered there).
  'vault.keychainStatus': spec({ request: none, response: S.KeychainStatusSchema }),
  'vault.keychainEnable': spec({ request: z.object({ passphrase: S.secret }), response: S.KeychainStatusSchema }),
  'vault.keychainDisable': spec({ request: none, response: S.KeychainStatusSchema }),
  'vault.unlockKeychain': spec({ request: z.object({ path: S.path, name: S.memberName }), response: z.object({ member: S.MemberSchema }) }),
  // Whether a task was running to be cancelled; the task itself then fails with 'cancelled', having changed nothing.
  'task.cancel': spec({ request: none, response: z.object({ cancelling: z.boolean() }) }),
  'home.summary': spec({ request: none, response: S.HomeSummarySchema }),

  // Reading an export; importing it.
  'file.inspect': spec({
    request: z.object({ path: S.path, entry: z.string().max(300).optional(), country: z.string().regex(/^[A-Za-z]{2}$/).optional() }),
    response: InspectReportSchema,
  }),
  'import.preview': spec({
    request: z.object({
      path: S.path,
      entry: z.string().max(300).optional(),
      /** The choices the counts are predicted for (each duplicate choice is predicted). */
      choices: z
        .object({
          dropColumns: z.array(z.string().max(200)).max(300).default([]),
          strip: z.array(z.enum(STRIPPABLE)).default([]),
          lineChoices: z.array(S.LineChoiceSchema).max(100_000).default([]),
        })
        .optional(),
    }),
    response: z.object({
      report: InspectReportSchema,
      sha256: z.string(),
      /** What import.commit would report for each duplicate choice, with the vault as it is now. */
      predicted: z.object({ skip: S.ImportPredictionSchema, update: S.ImportPredictionSchema }),
      /** Each line with findings (the first LINES_SHOWN of them): who it is and the flagged cells. */
      lines: z.array(S.PreviewLineSchema),
      /** Lines with findings past those shown: counted, not sent. */
      linesLeftOut: z.number().int(),
    }),
  }),
  'import.commit': spec({
    request: z.object({
      path: S.path,
      choices: z.object({
        dropColumns: z.array(z.string().max(200)).max(300).default([]),
        strip: z.array(z.enum(STRIPPABLE)).default([]),
        onDuplicate: z.enum(ON_DUPLICATE).default('skip'),
        expectedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
        entry: z.string().max(300).optional(),
        /** Per line of the file, keep or strip its special-category hints (over `strip`). */
        lineChoices: z.array(S.LineChoiceSchema).max(100_000).default([]),
      }),
    }),
    response: S.CommitReportSchema,
  }),

  // Members.
  'members.list': spec({ request: none, response: z.array(S.MemberViewSchema) }),
  'members.add': spec({
    request: z.object({ name: S.memberName, roles: z.array(z.enum(ROLES)).min(1), passphrase: S.secret }),
    response: S.MemberViewSchema,
  }),
  'members.remove': spec({ request: z.object({ memberId: S.id }), response: z.null() }),
  'members.setRoles': spec({ request: z.object({ memberId: S.id, roles: z.array(z.enum(ROLES)).min(1) }), response: S.MemberViewSchema }),
  'members.changePassphrase': spec({ request: z.object({ current: S.secret, next: S.secret }), response: z.null() }),

  // Groups and lawful bases.
  'groups.list': spec({
    request: none,
    response: z.object({ groups: z.array(S.GroupViewSchema), unassigned: z.number(), overdue: z.array(S.OverdueNoticeSchema) }),
  }),
  'groups.add': spec({ request: z.object({ label: z.string().min(1).max(200), rule: GroupRuleSchema, ...S.changeOptions }), response: S.GroupViewSchema.extend(S.MeasuredSchema.shape) }),
  'groups.remove': spec({ request: z.object({ groupId: S.id, ...S.changeOptions }), response: S.MeasuredSchema }),
  // A new label and/or rule; a new rule regroups (measured: a dry run says who would move where before confirming).
  // A group with a basis that would receive people has its guardrails checked for them: blocking ones refuse,
  // warnings need acknowledgeWarnings (a dry run with it lists them in `warnings`). So does groups.reorder.
  'groups.update': spec({
    request: z
      .object({ groupId: S.id, label: z.string().min(1).max(200).optional(), rule: GroupRuleSchema.optional(), acknowledgeWarnings: z.boolean().default(false), ...S.changeOptions })
      .refine((r) => r.label !== undefined || r.rule !== undefined, { message: 'give a new label, a new rule or both' }),
    response: S.GroupViewSchema.extend(S.MeasuredSchema.shape).extend({ moves: z.array(GroupMoveSchema), warnings: z.array(S.GuardrailSchema) }),
  }),
  // Move a group to `position` (1 = tried first) in the order rules are tried; regroups, measured like groups.update.
  'groups.reorder': spec({
    request: z.object({ groupId: S.id, position: z.number().int().min(1).max(10_000), acknowledgeWarnings: z.boolean().default(false), ...S.changeOptions }),
    response: S.MeasuredSchema.extend({ order: z.array(S.id), moves: z.array(GroupMoveSchema), warnings: z.array(S.GuardrailSchema) }),
  }),
  'policy.check': spec({
    request: z.object({ groupId: S.id, policy: S.PolicyDraftSchema }),
    response: z.object({ errors: z.array(z.string()), guardrails: z.array(S.GuardrailSchema) }),
  }),
  'policy.assign': spec({
    request: z.object({ groupId: S.id, policy: S.PolicyDraftSchema, acknowledgeWarnings: z.boolean().default(false), ...S.changeOptions }),
    response: S.MeasuredSchema.extend({ guardrails: z.array(S.GuardrailSchema) }),
  }),

  // Contacts and data subjects' requests.
  // One page of contacts (at most MAX_PAGE), narrowed and searched in the core, in the order they were added.
  'contacts.list': spec({
    request: z.object({
      groupId: S.id.nullable().optional(),
      search: z.string().max(200).optional(),
      status: z.enum(CONTACT_STATUSES).default('all'),
      offset: z.number().int().min(0).default(0),
      /** The `next` of the page before: pages that neither skip nor repeat a contact when others change. */
      after: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).default(100),
      categoryCounts: z.boolean().default(false),
    }),
    response: z.object({
      total: z.number().int(),
      offset: z.number().int(),
      contacts: z.array(S.ContactViewSchema).max(MAX_PAGE),
      next: z.number().int().nullable(),
      categoryCounts: z.record(z.string(), z.number().int()).optional(),
    }),
  }),
  // One contact, by id, or by an email or profile URL found the way a request finds a person (use-cases/person.ts).
  'contacts.show': spec({ request: S.PersonSelectorSchema, response: S.ContactViewSchema }),
  'contacts.access': spec({ request: S.PersonSelectorSchema, response: z.object({ json: z.string(), csv: z.string() }) }),
  // Mark reviewed: the last-review date that retention policies (and the default) may count from.
  'contacts.review': spec({
    request: z.union([z.object({ contactIds: z.array(S.id).min(1).max(100_000) }).strict(), z.object({ groupId: S.id }).strict()]),
    response: z.object({ reviewed: z.number().int(), reviewedAt: z.string() }),
  }),
  'contacts.erase': spec({
    request: S.PersonSelectorSchema,
    response: z.object({
      certificate: S.CertificateSchema,
      suppressionId: z.string(),
      /** Art. 19: one task per recipient that received the person (art19.list shows them until done). */
      art19Tasks: z.array(z.object({ taskId: S.id, recipientId: S.id, recipientName: z.string() })),
      /** Exports made before recipients were recorded (schema 6) that may have carried the person: recipients unknown. */
      unloggedExports: z.number().int(),
    }),
  }),
  // An objection (Art. 21): by email and/or profile, or a contact in the vault.
  'suppression.add': spec({
    request: z.union([
      z.object({ contactId: S.id }).strict(),
      z.object({ email: z.string().min(3).max(320) }).strict(),
      z.object({ profileUrl: z.string().min(8).max(2048) }).strict(),
      z.object({ email: z.string().min(3).max(320), profileUrl: z.string().min(8).max(2048) }).strict(),
    ]),
    /** `alreadyListed`: the person was on the list already; nothing was added (that entry is the one to lift). */
    response: z.object({ suppressionId: S.id, alreadyListed: z.boolean() }),
  }),
  'suppression.list': spec({ request: none, response: z.array(S.SuppressionViewSchema) }),
  'suppression.lift': spec({ request: z.object({ suppressionId: S.id, reason: S.typed('the reason for lifting (e.g. the person consented again on …)', 2000) }), response: z.null() }),

  // Consent per person (Art. 6(1)(a), Art. 7).
  'consent.add': spec({ request: z.object({ person: S.PersonSelectorSchema, consent: S.ConsentInputSchema }), response: z.object({ consentId: S.id }) }),
  'consent.import': spec({
    request: z.object({ path: S.path, dryRun: z.boolean().default(false) }),
    response: z.object({
      applied: z.boolean(),
      lines: z.number().int(),
      added: z.number().int(),
      unmatched: z.array(z.number().int()),
      invalid: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  }),
  'consent.list': spec({ request: z.object({ contactId: S.id.optional(), groupId: S.id.optional() }), response: z.array(S.ConsentViewSchema) }),
  'consent.withdraw': spec({
    request: z.object({ consentId: S.id, withdrawnAt: S.isoDay.optional(), method: z.enum(CONSENT_METHODS) }),
    response: z.object({ suppressionId: S.id }),
  }),
  'consent.confirm': spec({ request: z.union([z.object({ groupId: S.id }).strict(), z.object({ consentIds: z.array(S.id).min(1).max(100_000) }).strict()]), response: z.object({ confirmed: z.number().int() }) }),

  // Art. 14 notices per person.
  // Per group the counts; per person (a page of `limit`, of `peopleTotal`) when a group, a contact or a page of contacts is named.
  'notices.list': spec({
    request: z.object({
      groupId: S.id.optional(),
      contactId: S.id.optional(),
      contactIds: z.array(S.id).max(MAX_PAGE).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_PAGE).default(100),
    }),
    response: z.object({ groups: z.array(S.NoticeSummarySchema), people: z.array(S.PersonNoticeSchema).max(MAX_PAGE), peopleTotal: z.number().int() }),
  }),
  'notices.text': spec({
    // `source`: where the people to be told came from; left out, it is read from the group's members' imports.
    request: z.object({ groupId: S.id, source: z.enum(SOURCE_KINDS).optional(), version: z.string().trim().min(1).max(100).optional() }),
    response: z.object({ markdown: z.string(), text: z.string() }),
  }),
  'notices.markSent': spec({
    request: z.object({ target: S.NoticeTargetSchema, sentOn: S.isoDay, version: S.typed('the version of the notice sent', 100), channel: z.enum(CONTACT_CHANNELS) }),
    response: z.object({ marked: z.number().int(), skipped: z.number().int() }),
  }),
  'notices.exempt': spec({
    request: z
      .object({
        target: S.NoticeTargetSchema,
        ground: z.enum(ART14_EXEMPTIONS),
        decidedOn: S.isoDay,
        reason: S.typed('why the exemption applies', 5000),
        dpiaReference: z.string().trim().min(1).max(200).optional(),
        publishedAt: z.string().trim().min(1).max(2000).optional(),
      })
      .refine((r) => r.ground !== 'disproportionate-effort' || (r.dpiaReference !== undefined && r.publishedAt !== undefined), {
        error: 'Art. 14(5)(b) needs the DPIA that weighed the effort (dpiaReference) and where the notice is made public (publishedAt)',
        path: ['dpiaReference'],
      }),
    response: z.object({ marked: z.number().int(), skipped: z.number().int() }),
  }),
  'notices.confirm': spec({ request: S.NoticeTargetSchema, response: z.object({ confirmed: z.number().int() }) }),

  // Recipients, the disclosure log, Art. 19 tasks, the controller.
  'recipients.add': spec({ request: S.RecipientInputSchema, response: z.object({ recipientId: S.id }) }),
  'recipients.list': spec({ request: none, response: z.array(S.RecipientViewSchema) }),
  'disclosures.list': spec({ request: z.object({ contactId: S.id.optional() }), response: z.array(S.DisclosureViewSchema) }),
  'art19.list': spec({ request: z.object({ includeDone: z.boolean().default(false) }), response: z.array(S.Art19TaskViewSchema) }),
  'art19.done': spec({ request: z.object({ taskId: S.id }), response: z.null() }),
  'controller.show': spec({ request: none, response: z.object({ details: S.ControllerDetailsSchema.nullable() }) }),
  'controller.set': spec({ request: S.ControllerDetailsSchema, response: z.null() }),

  // PECR's records: subscriber types, soft opt-ins, TPS/CTPS screenings.
  // A page of contacts' subscriber types (of one group or contact), in the order they were added.
  'subscribers.list': spec({
    request: z.object({ contactId: S.id.optional(), groupId: S.id.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(MAX_PAGE).default(100) }),
    response: z.object({ total: z.number().int(), offset: z.number().int(), subscribers: z.array(S.SubscriberViewSchema).max(MAX_PAGE) }),
  }),
  // `contacts`: how many contacts the confirmation now covers (for a company, everyone whose company name matches).
  'subscribers.confirm': spec({ request: S.SubscriberConfirmSchema, response: z.object({ type: z.enum(SUBSCRIBER_TYPES), contacts: z.number().int() }) }),
  'softOptIn.add': spec({ request: S.SoftOptInInputSchema, response: z.object({ softOptInId: S.id }) }),
  'tps.record': spec({ request: S.TpsScreeningInputSchema, response: z.object({ screeningId: S.id }) }),
  // `coveredUntil`: the last day a phone export may rely on the newest screening of each list (28 days after it).
  'tps.list': spec({
    request: none,
    response: z.object({ screenings: z.array(S.TpsScreeningViewSchema), coveredUntil: z.object({ tps: z.string().nullable(), ctps: z.string().nullable() }) }),
  }),

  // Retention and destruction.
  // `quarantineDays`: how long contacts without a lawful basis are kept (quarantine.set), so a form can show it.
  'retention.list': spec({ request: none, response: z.object({ policies: z.array(S.RetentionPolicyViewSchema), defaultRetention: S.DefaultRetentionViewSchema, quarantineDays: z.number().int() }) }),
  'retention.set': spec({ request: z.object({ policy: RetentionPolicySchema, ...S.changeOptions }), response: S.MeasuredSchema.extend({ policy: RetentionPolicySchema }) }),
  'retention.default': spec({ request: z.object({ ...DefaultRetentionSchema.shape, ...S.changeOptions }), response: S.MeasuredSchema.extend({ defaultRetention: DefaultRetentionSchema }) }),
  'retention.remove': spec({ request: z.object({ scope: S.RetentionScopeSchema, ...S.changeOptions }), response: S.MeasuredSchema }),
  'retention.schedule': spec({ request: z.object({ months: S.wholeNumber(1, 60, 'months').default(12) }), response: S.ScheduleSchema }),
  // The holds in force, oldest first, a page at a time.
  'holds.list': spec({ request: S.PageRequestSchema, response: z.object({ total: z.number().int(), offset: z.number().int(), holds: z.array(S.HoldViewSchema).max(MAX_PAGE) }) }),
  'holds.place': spec({
    request: z.union([z.object({ contactId: S.id, reason: z.string().min(1).max(2000) }).strict(), z.object({ groupId: S.id, reason: z.string().min(1).max(2000) }).strict()]),
    response: z.object({ holdId: S.id }),
  }),
  'holds.lift': spec({ request: z.object({ holdId: S.id }), response: z.null() }),
  'quarantine.set': spec({ request: z.object({ days: S.wholeNumber(1, 365, 'days'), ...S.changeOptions }), response: S.MeasuredSchema }),
  'destruction.dryRun': spec({ request: z.object({ asOf: S.isoTime.optional() }), response: S.PurgeResultSchema }),
  'destruction.run': spec({ request: none, response: S.PurgeResultSchema }),
  'destruction.unattended': spec({
    request: z
      .object({ path: S.path, token: S.secret, dryRun: z.boolean().default(false), asOf: S.isoTime.optional() })
      .refine((r) => r.dryRun || r.asOf === undefined, { error: 'a time other than now (asOf) is a what-if: it works only with dryRun', path: ['asOf'] }),
    response: S.PurgeResultSchema,
  }),
  'tokens.create': spec({ request: none, response: z.object({ id: S.id, token: z.string() }) }),
  'tokens.list': spec({ request: none, response: z.array(S.TokenViewSchema) }),
  'tokens.revoke': spec({ request: z.object({ tokenId: S.id }), response: z.null() }),
  // Newest first, a page at a time.
  'certificates.list': spec({ request: S.PageRequestSchema, response: z.object({ total: z.number().int(), offset: z.number().int(), certificates: z.array(S.CertificateSchema).max(MAX_PAGE) }) }),
  'certificates.show': spec({ request: z.object({ certificateId: S.id }), response: z.object({ certificate: S.CertificateSchema, text: z.string() }) }),
  'certificates.verify': spec({
    request: z.object({ path: S.path, certificate: S.CertificateSchema }),
    response: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), problem: z.string() })]),
  }),

  // Accountability and what leaves the vault.
  // One page of entries of those the filter keeps, with their total: oldest first after the cursor `afterSeq`, or
  // newest first before `beforeSeq` (each the `next` of the page before).
  'audit.entries': spec({
    request: S.AuditFilterSchema.extend({
      afterSeq: z.number().int().min(0).default(0),
      /** Newest first, before this cursor (the `next` of the page before); from the head when left out. */
      newestFirst: z.boolean().default(false),
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).default(100),
    }),
    response: z.object({ total: z.number().int(), entries: z.array(S.AuditEntrySchema).max(MAX_PAGE), next: z.number().int().nullable() }),
  }),
  // `against`: a certificate's audit entry or an exported head ({ seq, hash }), kept outside the vault.
  'audit.verify': spec({ request: z.object({ against: AuditHeadSchema.optional() }), response: AuditVerificationSchema }),
  'audit.export': spec({ request: S.AuditFilterSchema.extend({ format: z.enum(['json', 'csv']) }), response: z.object({ text: z.string(), entries: z.number() }) }),
  'export.crm': spec({ request: CrmExportRequestSchema, response: S.CrmExportSchema }),
  // The same request but for the recipient: what the export would carry, by the same rules, with no file and no disclosure.
  'export.preview': spec({ request: CrmExportRequestSchema.omit({ recipientId: true }), response: S.CrmExportPreviewSchema }),
  // `controller` overrides the recorded controller's name (controller.set), which the record otherwise uses.
  'report.art30': spec({ request: z.object({ controller: z.string().min(1).max(300).optional() }), response: z.object({ markdown: z.string(), csv: z.string() }) }),
} as const satisfies { [C in Channel]: Spec<z.ZodType, z.ZodType> };

export type Request<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
/** A request after validation (defaults filled in): what a use case receives. */
export type ValidRequest<C extends Channel> = z.output<(typeof CHANNELS)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof CHANNELS)[C]['response']>;

/** The core as every front end reaches it (src/app/app-service.ts): it authorises, validates and runs a request. */
export interface Core {
  call<C extends Channel>(channel: C, request: unknown, progress?: (p: Progress) => void): Promise<Response<C>>;
}

/** A request checked against its channel's schema, or the sentence that says what is wrong with it. */
export function parseRequest<C extends Channel>(channel: C, payload: unknown): { ok: true; request: ValidRequest<C> } | { ok: false; message: string } {
  const parsed = CHANNELS[channel].request.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, request: parsed.data as ValidRequest<C> };
  return { ok: false, message: `The request is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}.` };
}

/** What crosses IPC: a value, or an error's code and one sentence (prototypes and stacks never survive IPC). */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** The IPC channel name of a contract channel, prefixed so that the main process refuses anything foreign. */
export const ipcName = (channel: Channel) => `sanitizer:${channel}`;
export const PROGRESS_EVENT = 'sanitizer:progress';

export interface Progress {
  /** The channel whose work this is: an import, or a change that regroups every contact. */
  task: Channel;
  done: number;
  total: number;
}

/** The API the renderer sees as `window.sanitizer`: one named function per desktop channel, and progress events. */
export type SanitizerApi = { [C in DesktopChannel]: (request: Request<C>) => Promise<Result<Response<C>>> } & {
  onProgress(listener: (progress: Progress) => void): () => void;
};
