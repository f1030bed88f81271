// The shape of an audit log entry, shared by the log that writes it (src/audit/audit-log.ts), the contract that
// carries it and the screens that list it. Details hold ids, counts, times, hashes and vocabulary words only.
import { z } from 'zod';
import { AUDIT_OUTCOMES } from './vocabulary.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ENUM = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z)?$/;
export const SHA256 = /^[0-9a-f]{64}$/;

// A detail value is a number, a boolean, an id, a list of ids, an ISO time, a file hash, or a short enum word.
// Free text cannot pass: a name would fail every pattern but ENUM, and ENUM values are checked against a
// vocabulary when the key is not an id, time or hash (see `safeString`).
const detailValue = z.union([
  z.number(),
  z.boolean(),
  z.null(),
  z.string().regex(UUID),
  z.array(z.string().regex(UUID)),
  z.string().regex(ISO_TIME),
  z.string().regex(SHA256),
  z.string().regex(ENUM).max(40),
  z.array(z.string().regex(ENUM).max(40)),
]);
export const AuditDetailsSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), detailValue);
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  member: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: AuditDetailsSchema,
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * A point of the log kept outside the vault: the sequence number and hash of one entry, as a certificate cites its
 * entry (`audit`) and `audit verify --json` prints the head. Verifying against it finds a cut-off or rewritten log.
 */
export const AuditHeadSchema = z.object({ seq: z.number().int().min(1), hash: z.string().regex(SHA256) });
export type AuditHead = z.infer<typeof AuditHeadSchema>;

export const AuditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int(),
    /** The last entry's hash (the same as `hash`: kept for readers of the earlier answer). */
    head: z.string(),
    /** The head as an exported point, `{ seq, hash }`: keep it elsewhere and verify `--against` it later. */
    seq: z.number().int(),
    hash: z.string(),
    /** Whether the entries' MACs were checked with the vault's audit key (an unlocked member), or only the chain. */
    authenticated: z.boolean(),
    /** How many entries (the first ones) were written before entries were authenticated (schema 5): chain only. */
    legacy: z.number().int(),
    /** The point kept elsewhere that the log was checked against, when one was given: the log holds it. */
    against: AuditHeadSchema.optional(),
  }),
  z.object({ ok: z.literal(false), entries: z.number().int(), brokenAt: z.number().int(), problem: z.string() }),
]);
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
