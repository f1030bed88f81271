// Retention (Art. 5(1)(e)): an admin sets policies per group or lawful basis (each with why its period), the vault's
// default for contacts no policy covers, places and lifts legal holds, sees what falls due, and runs destruction now.
// Every change recomputes the contacts' due dates and is audited.
import { randomUUID } from 'node:crypto';
import {
  DefaultRetentionSchema,
  describeDefaultRetention,
  describeWithRationale,
  dueCalendar,
  parseRetentionPolicy,
  type DefaultRetention,
  type RetentionPolicy,
  type RetentionRule,
} from '../../retention/index.js';
import type { AuditDetails } from '../../audit/audit-log.js';
import { ServiceError } from '../../shared/errors.js';
import { purgeDue, type PurgeResult } from '../../vault/destruction.js';
import { authenticateDestructionToken } from '../../vault/destruction-tokens.js';
import type { OpenVault } from '../../vault/open-vault.js';
import { defaultNotBefore, defaultRetention, quarantineDays, setDefaultNotBefore, setDefaultRetention as writeDefaultRetention, UNCONFIRMED_DEFAULT } from '../../vault/meta.js';
import { deleteRetentionPolicy, putRetentionPolicy, storedPolicies } from '../../vault/retention-repo.js';
import type { Session } from '../../vault/session.js';
import { type Measured } from './groups.js';
import { regroup } from './regroup.js';
import { applyMeasured, type ChangeOptions } from './impact.js';

/**
 * Set (or replace) the policy of a group or a basis, with why this period (encrypted); due dates are computed again
 * (measured first: impact.ts).
 */
export function setRetentionPolicy(session: Session, input: unknown, options: ChangeOptions = {}): { policy: RetentionPolicy } & Measured {
  return session.perform(options.dryRun ? 'retention-set-dry-run' : 'retention-set', () => {
    const parsed = parseRetentionPolicy(input);
    if (!parsed.ok) throw new ServiceError('invalid', `The retention policy is not valid: ${parsed.errors.join('; ')}.`);
    const p = parsed.policy;
    if (p.scope.type === 'group' && !session.groups.exists(p.scope.groupId)) throw new ServiceError('not-found', 'There is no such group.');
    const at = session.vault.now().toISOString();
    const { impact, applied } = applyMeasured(
      session,
      `Keeping these contacts ${p.months} months from ${p.anchor}`,
      () => {
        putRetentionPolicy(session.db, session.records, p, at, session.memberId);
        regroup(session);
      },
      options,
    );
    const scope: AuditDetails = p.scope.type === 'group' ? { groupId: p.scope.groupId } : { basis: p.scope.basis };
    return { value: { policy: p, applied, impact }, details: { scope: p.scope.type, ...scope, months: p.months, anchor: p.anchor, due: impact.dueNow } };
  });
}

/** The vault's default retention as the list shows it. */
export function defaultRetentionView(session: Session): DefaultRetention & { notBefore: string | null; description: string } {
  const d = defaultRetention(session.db);
  const notBefore = defaultNotBefore(session.db);
  const grace =
    notBefore === UNCONFIRMED_DEFAULT
      ? '; it makes nobody the vault held before it had a default due until an admin confirms it (retention default)'
      : notBefore
        ? `; contacts held before the vault had a default are not destroyed by it before ${notBefore.slice(0, 10)}`
        : '';
  return { ...d, notBefore, description: `${describeDefaultRetention(d)}, for every contact with a lawful basis that no policy covers${grace}` };
}

/**
 * The policies with why each period was chosen, the default for every contact with a basis that none covers, and the
 * quarantine period for contacts with no basis.
 */
export function listRetentionPolicies(session: Session): {
  policies: { policy: RetentionRule; rationale: string | null; description: string }[];
  defaultRetention: ReturnType<typeof defaultRetentionView>;
  quarantineDays: number;
} {
  return session.repeatableRead('retention-list', () => ({
    value: {
      policies: storedPolicies(session.db, session.records).map(({ rule, rationale }) => ({ policy: rule, rationale, description: describeWithRationale(rule, rationale) })),
      defaultRetention: defaultRetentionView(session),
      quarantineDays: quarantineDays(session.db),
    },
  }));
}

/**
 * Change the default retention (contacts with a lawful basis that no policy covers); due dates are computed again,
 * measured first (impact.ts): a shorter default can bring destruction forward.
 */
export function setDefaultRetention(session: Session, input: unknown, options: ChangeOptions = {}): { defaultRetention: DefaultRetention } & Measured {
  return session.perform(options.dryRun ? 'retention-default-dry-run' : 'retention-default', () => {
    const parsed = DefaultRetentionSchema.safeParse(input);
    if (!parsed.success) throw new ServiceError('invalid', `The default retention is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'default'}: ${i.message}`).join('; ')}.`);
    const d = parsed.data;
    const { impact, applied } = applyMeasured(
      session,
      `A default retention of ${d.months === 1 ? '1 month' : `${d.months} months`} from ${d.anchor}`,
      () => {
        writeDefaultRetention(session.db, d);
        // Setting the default is the admin's confirmation: a vault upgraded to it no longer waits (see carry-over.ts).
        if (defaultNotBefore(session.db) === UNCONFIRMED_DEFAULT) setDefaultNotBefore(session.db, null);
        regroup(session);
      },
      options,
    );
    return { value: { defaultRetention: d, applied, impact }, details: { months: d.months, anchor: d.anchor, due: impact.dueNow } };
  });
}

/** Remove the policy of a group or a basis; its contacts fall back to another policy or the default (measured first). */
export function removeRetentionPolicy(session: Session, scope: { groupId: string } | { basis: string }, options: ChangeOptions = {}): Measured {
  return session.perform(options.dryRun ? 'retention-remove-dry-run' : 'retention-remove', () => {
    const { impact, applied } = applyMeasured(
      session,
      'Removing this retention policy',
      () => {
        if (deleteRetentionPolicy(session.db, scope) === 0) throw new ServiceError('not-found', 'There is no retention policy for that group or basis.');
        regroup(session);
      },
      options,
    );
    const details: AuditDetails = { ...('groupId' in scope ? { groupId: scope.groupId } : { basis: scope.basis }), due: impact.dueNow };
    return { value: { applied, impact }, details };
  });
}

/** Suspend destruction of one contact or a whole group, with the reason (kept encrypted). */
export function placeLegalHold(session: Session, target: { contactId: string } | { groupId: string }, reason: string): string {
  return session.perform('legal-hold-place', () => {
    if (reason.trim().length < 5) throw new ServiceError('invalid', 'A legal hold needs its reason (a claim, a regulator’s request, …).');
    const contactId = 'contactId' in target ? target.contactId : null;
    const groupId = 'groupId' in target ? target.groupId : null;
    if (contactId && !session.contacts.get(contactId)) throw new ServiceError('not-found', 'There is no such contact.');
    if (groupId && !session.groups.exists(groupId)) throw new ServiceError('not-found', 'There is no such group.');
    const id = randomUUID();
    session.db
      .prepare('INSERT INTO legal_holds (id, contact_id, group_id, reason_ct, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, contactId, groupId, session.records.encrypt(reason.trim(), `hold:${id}`), session.vault.now().toISOString(), session.memberId);
    return { value: id, details: { holdId: id, ...(contactId ? { contactId } : { groupId }) } };
  });
}

export function liftLegalHold(session: Session, holdId: string): void {
  session.perform('legal-hold-lift', () => {
    const changed = session.db
      .prepare('UPDATE legal_holds SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL')
      .run(session.vault.now().toISOString(), session.memberId, holdId).changes;
    if (changed === 0) throw new ServiceError('not-found', 'There is no active legal hold with that id.');
    return { value: undefined, details: { holdId } };
  });
}

export interface HoldView {
  id: string;
  contactId: string | null;
  groupId: string | null;
  reason: string;
  createdAt: string;
}

/** One page of the holds in force, oldest first (ties by id), and how many there are. */
export function listLegalHolds(session: Session, page: { offset: number; limit: number }): { total: number; offset: number; holds: HoldView[] } {
  return session.repeatableRead('legal-hold-list', () => {
    const total = (session.db.prepare('SELECT count(*) AS n FROM legal_holds WHERE lifted_at IS NULL').get() as { n: number }).n;
    const rows = session.db.prepare('SELECT * FROM legal_holds WHERE lifted_at IS NULL ORDER BY created_at, id LIMIT ? OFFSET ?').all(page.limit, page.offset) as {
      id: string;
      contact_id: string | null;
      group_id: string | null;
      reason_ct: Buffer;
      created_at: string;
    }[];
    return {
      value: {
        total,
        offset: page.offset,
        holds: rows.map((r) => ({ id: r.id, contactId: r.contact_id, groupId: r.group_id, reason: session.records.decrypt(r.reason_ct, `hold:${r.id}`), createdAt: r.created_at })),
      },
      details: { holds: rows.length },
    };
  });
}

/** What falls due per month, for the retention chart, and what is overdue now. */
export function dueSchedule(session: Session, months = 12): ReturnType<typeof dueCalendar> {
  return session.perform('retention-schedule', () => {
    const rows = session.db
      .prepare(
        `SELECT c.expires_at AS expiresAt,
                EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND (h.contact_id = c.id OR h.group_id = c.group_id)) AS held
         FROM contacts c`,
      )
      .all() as { expiresAt: string | null; held: number }[];
    return { value: dueCalendar(rows.map((r) => ({ expiresAt: r.expiresAt, legalHold: r.held === 1 })), session.vault.now(), months) };
  });
}

/** Run (or dry-run) destruction of what is due, as an admin in the app or at the command line. */
export async function destroyDue(session: Session, options: { dryRun?: boolean; asOf?: Date } = {}): Promise<PurgeResult> {
  session.assertUnlocked();
  return purgeDue(session.vault, { memberId: session.memberId }, options);
}

/** The same for an OS scheduler holding a destruction-only token: no key is unwrapped, nothing else is allowed. */
export async function destroyDueWithToken(vault: OpenVault, token: string, options: { dryRun?: boolean; asOf?: Date } = {}): Promise<PurgeResult> {
  return purgeDue(vault, { tokenId: authenticateDestructionToken(vault, token) }, options);
}
