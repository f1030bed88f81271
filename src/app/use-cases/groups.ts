// Contact groups and their lawful basis (Art. 6): a data owner adds rules, sees the guardrails for a proposed
// basis, and assigns it. Every change regroups all contacts (first matching rule wins); contacts in no group with
// a basis stay quarantined and expire.
import { randomUUID } from 'node:crypto';
import {
  art14Due,
  assignGroup,
  blocking,
  checkGuardrails,
  describeRule,
  GroupRuleSchema,
  parseGroupPolicy,
  type Group,
  type GroupPolicy,
  type Guardrail,
} from '../../policy/index.js';
import { ServiceError } from '../../shared/errors.js';
import { contactBatches } from '../../vault/contact-batches.js';
import type { ContactRow } from '../../vault/contacts-repo.js';
import type { Session } from '../../vault/session.js';
import { factsOf } from './commit-import.js';
import { confirmationsOf } from './subscribers.js';
import { ExpiryContext } from '../../vault/expiry.js';
import { applyMeasured, type ChangeOptions, type Impact } from './impact.js';
import { noticeStates } from './notices.js';
import { noticeSubjects } from '../../vault/notices-repo.js';
import { explicitConsentsFor } from './special-category-facts.js';

/** What a measured change reports: whether it was applied (not for a dry run) and what it brings forward. */
export interface Measured {
  applied: boolean;
  impact: Impact;
}

export interface GroupView extends Group {
  description: string;
  contacts: number;
}

export function listGroups(session: Session): { groups: GroupView[]; unassigned: number } {
  return session.readList('group-list', () => {
    const counts = new Map(
      (session.db.prepare('SELECT group_id, count(*) AS n FROM contacts GROUP BY group_id').all() as { group_id: string | null; n: number }[]).map((r) => [r.group_id, r.n]),
    );
    const groups = session.groups.list().map((g) => ({ ...g, description: describeRule(g.rule), contacts: counts.get(g.id) ?? 0 }));
    return { value: { groups, unassigned: counts.get(null) ?? 0 }, details: { groups: groups.length } };
  });
}

/** Add a group at the end of the rule order; contacts move into it (measured first: see impact.ts). */
export function addGroup(session: Session, label: string, ruleInput: unknown, options: ChangeOptions = {}): GroupView & Measured {
  return session.perform(options.dryRun ? 'group-add-dry-run' : 'group-add', () => {
    const rule = GroupRuleSchema.safeParse(ruleInput);
    if (!rule.success) throw new ServiceError('invalid', `The group rule is not valid: ${rule.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('; ')}.`);
    if (!label.trim()) throw new ServiceError('invalid', 'A group needs a label.');
    const id = randomUUID();
    const at = session.vault.now().toISOString();
    const { value: added, impact, applied } = applyMeasured(
      session,
      'Adding this group',
      () => {
        const order = session.groups.add({ id, label: label.trim(), rule: rule.data, at });
        const moved = regroup(session);
        const count = (session.db.prepare('SELECT count(*) AS n FROM contacts WHERE group_id = ?').get(id) as { n: number }).n;
        return { order, moved, count };
      },
      options,
    );
    const { order, moved, count } = added;
    return {
      value: { id, order, label: label.trim(), rule: rule.data, policy: null, description: describeRule(rule.data), contacts: count, applied, impact },
      details: { groupId: id, rule: rule.data.type, contacts: count, moved },
    };
  });
}

/** Remove a group: its contacts fall to the next matching rule or to quarantine (measured first: see impact.ts). */
export function removeGroup(session: Session, groupId: string, options: ChangeOptions = {}): Measured {
  return session.perform(options.dryRun ? 'group-remove-dry-run' : 'group-remove', () => {
    const { value: moved, impact, applied } = applyMeasured(
      session,
      'Removing this group',
      () => {
        // A hold on the group would go with it (and with it the protection of its contacts): lift it first.
        const held = session.db.prepare('SELECT 1 FROM legal_holds WHERE group_id = ? AND lifted_at IS NULL').get(groupId);
        if (held) throw new ServiceError('conflict', 'This group is under a legal hold: lift the hold before removing the group, or its contacts lose the protection.');
        if (!session.groups.remove(groupId)) throw new ServiceError('not-found', 'There is no such group.');
        return regroup(session);
      },
      options,
    );
    return { value: { applied, impact }, details: { groupId, moved, due: impact.dueNow } };
  });
}

/** What the guardrails say about a proposed basis for a group, before anything is saved. */
export function checkPolicy(session: Session, groupId: string, input: unknown): { policy: GroupPolicy | null; errors: string[]; guardrails: Guardrail[] } {
  type Check = { policy: GroupPolicy | null; errors: string[]; guardrails: Guardrail[] };
  return session.perform<Check>('policy-check', () => {
    const parsed = parseGroupPolicy(input);
    if (!parsed.ok) return { value: { policy: null, errors: parsed.errors, guardrails: [] }, details: { groupId, valid: false, blocking: 0 } };
    const guardrails = guardrailsFor(session, groupId, parsed.policy);
    return { value: { policy: parsed.policy, errors: [], guardrails }, details: { groupId, valid: true, blocking: blocking(guardrails).length } };
  });
}

/**
 * Assign a lawful basis with its evidence. Blocking guardrails refuse it; warnings must be acknowledged by the
 * caller (`acknowledgeWarnings`), so no one saves past a warning without having seen it.
 */
export function assignPolicy(session: Session, groupId: string, input: unknown, options: { acknowledgeWarnings?: boolean } & ChangeOptions = {}): { guardrails: Guardrail[] } & Measured {
  return session.perform(options.dryRun ? 'policy-assign-dry-run' : 'policy-assign', () => {
    const parsed = parseGroupPolicy(input);
    if (!parsed.ok) throw new ServiceError('invalid', `The lawful basis is incomplete: ${parsed.errors.join('; ')}.`, parsed.errors);
    refuseSameLiaForNewPurpose(session, groupId, parsed.policy);
    const guardrails = guardrailsFor(session, groupId, parsed.policy);
    const blocked = blocking(guardrails);
    if (blocked.length > 0) throw new ServiceError('guardrail', blocked.map((g) => `${g.message} (${g.rule})`).join(' '), guardrails);
    const warnings = guardrails.filter((g) => g.severity === 'warn');
    if (warnings.length > 0 && !options.acknowledgeWarnings) {
      throw new ServiceError('guardrail', `Acknowledge these warnings to save: ${warnings.map((g) => `${g.message} (${g.rule})`).join(' ')}`, guardrails);
    }
    const at = session.vault.now().toISOString();
    const notice = parsed.policy.art14Notice;
    const { value: moved, impact, applied } = applyMeasured(
      session,
      'This lawful basis (with the retention policies that then apply)',
      () => {
        session.groups.setPolicy(groupId, { policy: parsed.policy, assignedAt: at, assignedBy: session.memberId, art14Due: notice?.status === 'planned' ? notice.date : art14Due(at) });
        return regroup(session);
      },
      options,
    );
    return {
      value: { guardrails, applied, impact },
      details: { groupId, basis: parsed.policy.basis, purpose: parsed.policy.purpose, warnings: warnings.length, moved },
    };
  });
}

/**
 * A legitimate interests assessment weighs one purpose: a new purpose needs a fresh assessment, saved as a new version
 * (ICO legitimate interests guidance, "What if our purposes change?"; UK GDPR Art. 5(1)(b), Art. 6(1)(f)).
 */
function refuseSameLiaForNewPurpose(session: Session, groupId: string, policy: GroupPolicy): void {
  if (policy.basis !== 'legitimate-interests') return;
  const saved = session.groups.list().find((g) => g.id === groupId)?.policy?.policy;
  if (saved?.basis !== 'legitimate-interests' || saved.purpose === policy.purpose) return;
  if (saved.evidence.version.trim() !== policy.evidence.version.trim()) return;
  throw new ServiceError(
    'invalid',
    `The purpose changes from ${saved.purpose} to ${policy.purpose}, but the legitimate interests assessment is still version ` +
      `${policy.evidence.version}: an assessment weighs one purpose, so redo it for the new one and save it as a new version.`,
  );
}

function guardrailsFor(session: Session, groupId: string, policy: GroupPolicy): Guardrail[] {
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
export function regroup(session: Session): number {
  const groups = session.groups.list();
  const definitions = groups.map((g) => ({ id: g.id, rule: g.rule, order: g.order }));
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
      if (groupId !== row.group_id || expiresAt !== row.expires_at) {
        session.contacts.setGroup(row.id, groupId, expiresAt);
        if (groupId !== row.group_id) moved++;
      }
    }
    done += batch.length;
    session.task.step(done, total);
  }
  return moved;
}

/**
 * Groups with members who have not been told (Art. 14) and are past their own due day (one month after their data was
 * obtained, or their first disclosure: Art. 14(3)); `due` is the earliest such day in the group.
 */
export function overdueNotices(session: Session): { groupId: string; label: string; due: string }[] {
  return session.perform('art14-overdue', () => {
    const earliest = new Map<string, string>();
    for (const s of noticeStates(session)) {
      if (!s.late || s.groupId === null) continue;
      const known = earliest.get(s.groupId);
      if (known === undefined || s.dueBy < known) earliest.set(s.groupId, s.dueBy);
    }
    const overdue = session.groups
      .list()
      .filter((g) => earliest.has(g.id))
      .map((g) => ({ groupId: g.id, label: g.label, due: earliest.get(g.id)! }));
    return { value: overdue, details: { groups: overdue.length } };
  });
}
