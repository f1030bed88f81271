// Retention (Art. 5(1)(e)): an admin sets policies per group or lawful basis, places and lifts legal holds, sees
// what falls due, and runs destruction now. Every change recomputes the contacts' due dates and is audited.
import { randomUUID } from 'node:crypto';
import { dueCalendar, parseRetentionPolicy, describeRetention, type RetentionPolicy } from '../../retention/index.js';
import type { AuditDetails } from '../../audit/audit-log.js';
import { ServiceError } from '../../shared/errors.js';
import { purgeDue, type PurgeResult } from '../../vault/destruction.js';
import { authenticateDestructionToken } from '../../vault/destruction-tokens.js';
import type { OpenVault } from '../../vault/open-vault.js';
import { ExpiryContext } from '../../vault/expiry.js';
import type { Session } from '../../vault/session.js';
import { regroup, type Measured } from './groups.js';
import { applyMeasured, type ChangeOptions } from './impact.js';

/** Set (or replace) the policy of a group or a basis; due dates are computed again (measured first: impact.ts). */
export function setRetentionPolicy(session: Session, input: unknown, options: ChangeOptions = {}): { policy: RetentionPolicy } & Measured {
  return session.perform(options.dryRun ? 'retention-set-dry-run' : 'retention-set', () => {
    const parsed = parseRetentionPolicy(input);
    if (!parsed.ok) throw new ServiceError('invalid', `The retention policy is not valid: ${parsed.errors.join('; ')}.`);
    const p = parsed.policy;
    if (p.scope.type === 'group' && !session.groups.exists(p.scope.groupId)) throw new ServiceError('not-found', 'There is no such group.');
    const at = session.vault.now().toISOString();
    const groupId = p.scope.type === 'group' ? p.scope.groupId : null;
    const basis = p.scope.type === 'basis' ? p.scope.basis : null;
    const { impact, applied } = applyMeasured(
      session,
      `Keeping these contacts ${p.months} months from ${p.anchor}`,
      () => {
        session.db.prepare(groupId ? 'DELETE FROM retention_policies WHERE group_id = ?' : 'DELETE FROM retention_policies WHERE basis = ?').run(groupId ?? basis);
        session.db
          .prepare('INSERT INTO retention_policies (id, scope_type, group_id, basis, months, anchor, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), p.scope.type, groupId, basis, p.months, p.anchor, at, session.memberId);
        regroup(session);
      },
      options,
    );
    return { value: { policy: p, applied, impact }, details: { scope: p.scope.type, ...(groupId ? { groupId } : { basis }), months: p.months, anchor: p.anchor, due: impact.dueNow } };
  });
}

export function listRetentionPolicies(session: Session): { policy: RetentionPolicy; description: string }[] {
  return session.perform('retention-list', () => ({
    value: ExpiryContext.load(session.db).policies.map((policy) => ({ policy, description: describeRetention(policy) })),
  }));
}

/** Remove the policy of a group or a basis; its contacts fall back to another policy or none (measured first). */
export function removeRetentionPolicy(session: Session, scope: { groupId: string } | { basis: string }, options: ChangeOptions = {}): Measured {
  return session.perform(options.dryRun ? 'retention-remove-dry-run' : 'retention-remove', () => {
    const { impact, applied } = applyMeasured(
      session,
      'Removing this retention policy',
      () => {
        const changes = 'groupId' in scope
          ? session.db.prepare('DELETE FROM retention_policies WHERE group_id = ?').run(scope.groupId).changes
          : session.db.prepare('DELETE FROM retention_policies WHERE basis = ?').run(scope.basis).changes;
        if (changes === 0) throw new ServiceError('not-found', 'There is no retention policy for that group or basis.');
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

export function listLegalHolds(session: Session): HoldView[] {
  return session.perform('legal-hold-list', () => {
    const rows = session.db.prepare('SELECT * FROM legal_holds WHERE lifted_at IS NULL ORDER BY created_at').all() as {
      id: string;
      contact_id: string | null;
      group_id: string | null;
      reason_ct: Buffer;
      created_at: string;
    }[];
    return {
      value: rows.map((r) => ({ id: r.id, contactId: r.contact_id, groupId: r.group_id, reason: session.records.decrypt(r.reason_ct, `hold:${r.id}`), createdAt: r.created_at })),
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
