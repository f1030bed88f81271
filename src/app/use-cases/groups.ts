// Contact groups and their lawful basis (Art. 6): a data owner adds rules, sees the guardrails for a proposed
// basis, and assigns it. Every change regroups all contacts (first matching rule wins); contacts in no group with
// a basis stay quarantined and expire.
import { randomUUID } from 'node:crypto';
import {
  art14Due,
  blocking,
  describeRule,
  GroupRuleSchema,
  parseGroupPolicy,
  type Group,
  type GroupPolicy,
  type GroupRule,
  type Guardrail,
} from '../../policy/index.js';
import { ServiceError } from '../../shared/errors.js';
import type { Session } from '../../vault/session.js';
import { applyMeasured, type ChangeOptions, type Impact } from './impact.js';
import { lateNoticesByGroup } from './notices.js';
import { checkArrivals, guardrailsFor, regroup, regroupWithMoves, type Move } from './regroup.js';

/** What a measured change reports: whether it was applied (not for a dry run) and what it brings forward. */
export interface Measured {
  applied: boolean;
  impact: Impact;
}

export interface GroupView extends Group {
  description: string;
  contacts: number;
}

/**
 * The groups in rule order with how many contacts each holds, and the groups whose people include someone whose Art. 14
 * notice is late (the earliest due day: streamed, notices.ts), in one reading of the log.
 */
export function listGroups(session: Session): { groups: GroupView[]; unassigned: number; overdue: { groupId: string; label: string; due: string }[] } {
  return session.repeatableRead('group-list', () => {
    const counts = new Map(
      (session.db.prepare('SELECT group_id, count(*) AS n FROM contacts GROUP BY group_id').all() as { group_id: string | null; n: number }[]).map((r) => [r.group_id, r.n]),
    );
    const groups = session.groups.list().map((g) => ({ ...g, description: describeRule(g.rule), contacts: counts.get(g.id) ?? 0 }));
    const late = lateNoticesByGroup(session);
    const overdue = groups.filter((g) => late.has(g.id)).map((g) => ({ groupId: g.id, label: g.label, due: late.get(g.id)! }));
    return { value: { groups, unassigned: counts.get(null) ?? 0, overdue }, details: { groups: groups.length } };
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

/**
 * Change a group's label and/or rule. A new rule regroups every contact (first matching rule wins), measured first
 * like adding a group (impact.ts); `moves` says who would go where, so a dry run can be shown before confirming.
 */
export function updateGroup(
  session: Session,
  groupId: string,
  change: { label?: string; rule?: unknown },
  options: ChangeOptions & { acknowledgeWarnings?: boolean } = {},
): GroupView & Measured & { moves: Move[]; warnings: Guardrail[] } {
  return session.perform(options.dryRun ? 'group-update-dry-run' : 'group-update', () => {
    let rule: GroupRule | undefined;
    if (change.rule !== undefined) {
      const parsed = GroupRuleSchema.safeParse(change.rule);
      if (!parsed.success) throw new ServiceError('invalid', `The group rule is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('; ')}.`);
      rule = parsed.data;
    }
    const label = change.label?.trim();
    if (change.label !== undefined && !label) throw new ServiceError('invalid', 'A group needs a label.');
    if (label === undefined && rule === undefined) throw new ServiceError('invalid', 'Give the group a new label, a new rule or both.');
    if (!session.groups.exists(groupId)) throw new ServiceError('not-found', 'There is no such group.');
    const at = session.vault.now().toISOString();
    const { value, impact, applied } = applyMeasured(
      session,
      'Changing this group',
      () => {
        session.groups.update(groupId, { ...(label !== undefined ? { label } : {}), ...(rule !== undefined ? { rule } : {}), at });
        const result = rule !== undefined ? regroupWithMoves(session) : { moved: 0, moves: [] };
        const warnings = checkArrivals(session, result.moves, options.acknowledgeWarnings === true);
        // Read inside the change: a dry run rolls it back afterwards.
        const group = session.groups.list().find((g) => g.id === groupId)!;
        const count = (session.db.prepare('SELECT count(*) AS n FROM contacts WHERE group_id = ?').get(groupId) as { n: number }).n;
        return { ...result, group, count, warnings };
      },
      options,
    );
    const { group, count, moved, moves, warnings } = value;
    return {
      value: { ...group, description: describeRule(group.rule), contacts: count, applied, impact, moves, warnings },
      details: { groupId, ...(rule !== undefined ? { rule: rule.type } : {}), contacts: count, moved, due: impact.dueNow },
    };
  });
}

/**
 * Move a group to another place in the order its rule is tried (1 = first; first matching rule wins). Every contact
 * is regrouped, measured first (impact.ts), with who would go where in `moves`.
 */
export function reorderGroup(
  session: Session,
  groupId: string,
  position: number,
  options: ChangeOptions & { acknowledgeWarnings?: boolean } = {},
): Measured & { order: string[]; moves: Move[]; warnings: Guardrail[] } {
  return session.perform(options.dryRun ? 'group-reorder-dry-run' : 'group-reorder', () => {
    if (!session.groups.exists(groupId)) throw new ServiceError('not-found', 'There is no such group.');
    const at = session.vault.now().toISOString();
    const { value, impact, applied } = applyMeasured(
      session,
      'Moving this group',
      () => {
        const placed = session.groups.move(groupId, position, at)!;
        const result = regroupWithMoves(session);
        const warnings = checkArrivals(session, result.moves, options.acknowledgeWarnings === true);
        return { ...result, placed, warnings, order: session.groups.list().map((g) => g.id) };
      },
      options,
    );
    return {
      value: { applied, impact, order: value.order, moves: value.moves, warnings: value.warnings },
      details: { groupId, order: value.placed, moved: value.moved, due: impact.dueNow },
    };
  });
}

/** What the guardrails say about a proposed basis for a group, before anything is saved. */
export function checkPolicy(session: Session, groupId: string, input: unknown): { policy: GroupPolicy | null; errors: string[]; guardrails: Guardrail[] } {
  type Check = { policy: GroupPolicy | null; errors: string[]; guardrails: Guardrail[] };
  return session.repeatableRead<Check>('policy-check', () => {
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
