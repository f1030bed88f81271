// The single IPC contract: for every channel, a zod schema for the request and one for the response. The router
// validates each request before the service sees it (the renderer shows personal data and is treated as
// untrusted); the preload and the browser-test harness build `window.sanitizer` from these names. Plain data only:
// dates are ISO strings. This file imports nothing with side effects, so the renderer may import it.
import { z } from 'zod';
import { InspectReportSchema } from '../report/report-schema.js';
import { ON_DUPLICATE, PURPOSES, ROLES, STRIPPABLE } from '../shared/vocabulary.js';

const id = z.string().uuid();
const path = z.string().min(1).max(4096);
const secret = z.string().min(1).max(1024);
const anyObject = z.record(z.string(), z.unknown());

const Member = z.object({ id, roles: z.array(z.enum(ROLES)) });
const Guardrail = z.object({ id: z.string(), severity: z.enum(['block', 'warn']), message: z.string(), rule: z.string(), contactIds: z.array(z.string()).optional() });
const Certificate = anyObject;
const PurgeResult = z.object({
  dryRun: z.boolean(),
  now: z.string(),
  destroyed: z.number(),
  held: z.number(),
  byGroup: z.array(z.object({ groupId: z.string().nullable(), basis: z.string().nullable(), count: z.number() })),
  certificate: Certificate.nullable(),
});

/** A contact as the UI sees it (src/app/use-cases/contacts.ts builds it). */
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
  emailKind: z.enum(['corporate', 'personal', 'none']),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string().nullable(),
  legalHold: z.boolean(),
  usable: z.boolean(),
});

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
  emptySkipped: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  columnsDropped: z.array(z.string()),
  fragmentsStripped: z.number(),
  quarantined: z.number(),
});

export const CHANNELS = {
  'vault.status': { request: z.object({}), response: z.object({ path: z.string().nullable(), member: Member.nullable() }) },
  'vault.create': {
    request: z.object({ path, name: z.string().min(1).max(200), passphrase: secret }),
    response: z.object({ recoveryKey: z.string(), member: Member }),
  },
  'vault.unlock': { request: z.object({ path, name: z.string().min(1).max(200), passphrase: secret }), response: z.object({ member: Member }) },
  'vault.recover': {
    request: z.object({ path, recoveryKey: secret, name: z.string().min(1).max(200), newPassphrase: secret }),
    response: z.object({ recoveryKey: z.string(), member: Member }),
  },
  'vault.lock': { request: z.object({}), response: z.null() },

  'import.preview': { request: z.object({ path, entry: z.string().max(300).optional() }), response: z.object({ report: InspectReportSchema, sha256: z.string() }) },
  'import.commit': {
    request: z.object({
      path,
      choices: z.object({
        dropColumns: z.array(z.string().max(200)).max(300).default([]),
        strip: z.array(z.enum(STRIPPABLE)).default([]),
        onDuplicate: z.enum(ON_DUPLICATE).default('skip'),
        expectedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
        entry: z.string().max(300).optional(),
      }),
    }),
    response: CommitReportSchema,
  },

  'members.list': { request: z.object({}), response: z.array(z.object({ id, name: z.string(), roles: z.array(z.string()), createdAt: z.string() })) },
  'members.add': {
    request: z.object({ name: z.string().min(1).max(200), roles: z.array(z.enum(ROLES)).min(1), passphrase: secret }),
    response: z.object({ id, name: z.string(), roles: z.array(z.string()), createdAt: z.string() }),
  },
  'members.remove': { request: z.object({ memberId: id }), response: z.null() },

  'groups.list': { request: z.object({}), response: z.object({ groups: z.array(anyObject), unassigned: z.number(), overdue: z.array(anyObject) }) },
  'groups.add': { request: z.object({ label: z.string().min(1).max(200), rule: anyObject }), response: anyObject },
  'groups.remove': { request: z.object({ groupId: id }), response: z.null() },
  'policy.check': {
    request: z.object({ groupId: id, policy: anyObject }),
    response: z.object({ errors: z.array(z.string()), guardrails: z.array(Guardrail) }),
  },
  'policy.assign': {
    request: z.object({ groupId: id, policy: anyObject, acknowledgeWarnings: z.boolean().default(false) }),
    response: z.object({ guardrails: z.array(Guardrail) }),
  },

  'contacts.list': {
    request: z.object({ groupId: id.nullable().optional(), search: z.string().max(200).optional() }),
    response: z.array(ContactViewSchema),
  },
  'contacts.show': { request: z.object({ contactId: id }), response: ContactViewSchema },
  'contacts.access': { request: z.object({ contactId: id }), response: z.object({ json: z.string(), csv: z.string() }) },
  'contacts.erase': { request: z.object({ contactId: id }), response: z.object({ certificate: Certificate, suppressionId: z.string() }) },

  'retention.list': { request: z.object({}), response: z.array(z.object({ policy: anyObject, description: z.string() })) },
  'retention.set': { request: z.object({ policy: anyObject }), response: anyObject },
  'retention.schedule': {
    request: z.object({ months: z.number().int().min(1).max(60).default(12) }),
    response: z.object({ overdue: z.number(), held: z.number(), months: z.array(z.object({ month: z.string(), due: z.number() })) }),
  },
  'holds.list': { request: z.object({}), response: z.array(anyObject) },
  'holds.place': {
    request: z.object({ contactId: id.optional(), groupId: id.optional(), reason: z.string().min(1).max(2000) }),
    response: z.object({ holdId: z.string() }),
  },
  'holds.lift': { request: z.object({ holdId: id }), response: z.null() },
  'quarantine.set': { request: z.object({ days: z.number().int().min(1).max(365) }), response: z.null() },
  'destruction.dryRun': { request: z.object({}), response: PurgeResult },
  'destruction.run': { request: z.object({}), response: PurgeResult },
  'certificates.list': { request: z.object({}), response: z.array(Certificate) },

  'audit.entries': {
    request: z.object({ afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(500) }),
    response: z.array(anyObject),
  },
  'audit.verify': { request: z.object({}), response: anyObject },

  'export.crm': {
    request: z.object({ purpose: z.enum(PURPOSES) }),
    response: anyObject,
  },
  'report.art30': { request: z.object({ controller: z.string().min(1).max(300) }), response: z.object({ markdown: z.string(), csv: z.string() }) },
} as const;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
export type Request<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof CHANNELS)[C]['response']>;

/** What crosses IPC: a value, or an error's code and one sentence (prototypes and stacks never survive IPC). */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** The IPC channel name of a contract channel, prefixed so that the main process refuses anything foreign. */
export const ipcName = (channel: Channel) => `sanitizer:${channel}`;
export const PROGRESS_EVENT = 'sanitizer:progress';

export interface Progress {
  task: 'import.preview' | 'import.commit';
  done: number;
  total: number;
}

/** The API the renderer sees as `window.sanitizer`: one named function per channel, and progress events. */
export type SanitizerApi = { [C in Channel]: (request: Request<C>) => Promise<Result<Response<C>>> } & {
  onProgress(listener: (progress: Progress) => void): () => void;
};
