// Regrouping every contact (first matching rule wins) and what a regrouping must respect: a group under a legal hold
// keeps its contacts, and a group with a lawful basis that receives people has its guardrails checked for them. Used
// by every change to groups, bases and retention (groups.ts, retention.ts, settings.ts).
import { assignGroup, blocking, checkGuardrails, type GroupPolicy, type Guardrail } from '../../policy/index.js';
import { ServiceError } from '../../shared/errors.js';
import { contactBatches } from '../../vault/contact-batches.js';
import type { ContactRow } from '../../vault/contacts-repo.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { noticeSubjects } from '../../vault/notices-repo.js';
import type { Session } from '../../vault/session.js';
import { factsOf } from './commit-import.js';
import { noticeStates } from './notices.js';
import { explicitConsentsFor } from './special-category-facts.js';
import { confirmationsOf } from './subscribers.js';

/** Contacts that changed group in one regrouping: from one group (null: no group) to another, and how many. */
export interface Move {
  from: string | null;
  to: string | null;
  contacts: number;
}

/** Regroup, and tally who went where (a map of group pairs: bounded by the number of groups, not contacts). */
export function regroupWithMoves(session: Session): { moved: number; moves: Move[] } {
  const tally = new Map<string, Move>();
  const moved = regroup(session, (from, to) => {
    const key = `${from ?? ''}>${to ?? ''}`;
    const move = tally.get(key) ?? { from, to, contacts: 0 };
    move.contacts++;
    tally.set(key, move);
  });
  return { moved, moves: [...tally.values()].sort((a, b) => b.contacts - a.contacts) };
}

/**
 * The guardrails of every group with a lawful basis that a regrouping brings new people into: its basis was checked
 * for the people it held then, not for these (a health hint, personal mailboxes, people not yet told). A blocking
 * guardrail refuses the change; warnings must be acknowledged, as when the basis was assigned (those acknowledged are
 * returned, named by group, for the answer).
 */
export function checkArrivals(session: Session, moves: readonly Move[], acknowledgeWarnings: boolean): Guardrail[] {
  const acknowledged: Guardrail[] = [];
  const receiving = new Set(moves.flatMap((m) => (m.to !== null && m.contacts > 0 ? [m.to] : [])));
  for (const group of session.groups.list()) {
    if (!receiving.has(group.id) || !group.policy) continue;
    const guardrails = guardrailsFor(session, group.id, group.policy.policy);
    const said = (list: Guardrail[]) => list.map((g) => `${g.message} (${g.rule})`).join(' ');
    const blocked = blocking(guardrails);
    if (blocked.length > 0) throw new ServiceError('guardrail', `“${group.label}” would receive people its lawful basis does not cover: ${said(blocked)}`, guardrails);
    const warnings = guardrails.filter((g) => g.severity === 'warn');
    if (warnings.length > 0 && !acknowledgeWarnings) {
      throw new ServiceError('guardrail', `“${group.label}” would receive people, and its lawful basis then warns: acknowledge these warnings to go ahead. ${said(warnings)}`, guardrails);
    }
    acknowledged.push(...warnings.map((g) => ({ ...g, message: `“${group.label}”: ${g.message}` })));
  }
  return acknowledged;
}

/** The guardrails of a proposed (or held) basis over the group's contacts as they are now. */
export function guardrailsFor(session: Session, groupId: string, policy: GroupPolicy): Guardrail[] {
  if (!session.groups.exists(groupId)) throw new ServiceError('not-found', 'There is no such group.');
  const rows = session.db.prepare('SELECT * FROM contacts WHERE group_id = ?').all(groupId) as ContactRow[];
  // PECR reg. 2: a subscriber type a person confirmed counts over the inference (src/app/use-cases/subscribers.ts).
  const confirmation = confirmationsOf(session);
  const contacts = rows.map((r) => {
    const contact = session.contacts.open(r);
    return { ...factsOf(r.id, contact), subscriberConfirmed: confirmation(r, contact) };
  });
  // Art. 14(3): who in the group has not been told and is past their own due day (src/app/use-cases/notices.ts).
  const late = noticeStates(session, noticeSubjects(session.db, { groupId })).filter((s) => s.late).map((s) => s.dueBy).sort();
  // Art. 9(2)(a): explicit consent is each person's own; only theirs covers their special-category data.
  const explicitConsents = explicitConsentsFor(session, policy.purpose);
  return checkGuardrails(
    policy,
    { contacts },
    { now: session.vault.now(), explicitConsents, ...(late.length > 0 ? { noticesOverdue: { count: late.length, earliestDue: late[0]! } } : {}) },
  );
}

/**
 * Put every contact in the first group whose rule matches, and recompute its due date (retention policy, or
 * quarantine for contacts in no group or a group without a basis). Returns how many contacts changed group.
 */
export function regroup(session: Session, onMove?: (from: string | null, to: string | null) => void): number {
  const groups = session.groups.list();
  const definitions = groups.map((g) => ({ id: g.id, rule: g.rule, order: g.order }));
  // A hold on a group protects the contacts in it: none may leave it while the hold is in force (as a held group
  // cannot be removed). A hold on one contact follows the contact wherever it goes.
  const heldGroups = new Set(session.db.prepare('SELECT group_id FROM legal_holds WHERE lifted_at IS NULL AND group_id IS NOT NULL').pluck().all() as string[]);
  const expiries = ExpiryContext.load(session.db);
  const total = session.contacts.count();
  let moved = 0;
  let done = 0;
  // A batch at a time, so memory holds one batch; between batches the request reports progress and may be cancelled,
  // which rolls the caller's whole transaction back.
  for (const batch of contactBatches(session.db)) {
    for (const row of batch) {
      const contact = session.contacts.open(row);
      const groupId = assignGroup(definitions, factsOf(row.id, contact));
      const expiresAt = expiries.expiry(groupId, row, contact);
      if (groupId !== row.group_id && row.group_id !== null && heldGroups.has(row.group_id)) {
        const label = groups.find((g) => g.id === row.group_id)?.label ?? 'a group';
        throw new ServiceError(
          'conflict',
          `This change would move contacts out of “${label}”, which is under a legal hold: an admin must lift the hold first, or change the rules so that they stay.`,
        );
      }
      if (groupId !== row.group_id || expiresAt !== row.expires_at) {
        session.contacts.setGroup(row.id, groupId, expiresAt);
        if (groupId !== row.group_id) {
          moved++;
          onMove?.(row.group_id, groupId);
        }
      }
    }
    done += batch.length;
    session.task.step(done, total);
  }
  return moved;
}
