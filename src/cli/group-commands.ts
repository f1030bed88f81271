// `contact-sanitizer groups` and `assign <group>`: a data owner defines groups by rule and gives each a lawful
// basis with its evidence; guardrails are printed, and blocking ones refuse the assignment.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';
import type { EmailKind } from '../shared/vocabulary.js';
import { listOption as list } from './list-option.js';
import { changeRequest, printChange, withChangeOptions, type ChangeFlags } from './change-options.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

type Rule = Request<'groups.add'>['rule'];
type RuleOptions = { company?: string; emailKind?: string; connectedFrom?: string; connectedTo?: string; keyword?: string; contacts?: string };
type Guardrail = Response<'policy.check'>['guardrails'][number];

function ruleFrom(opts: { company?: string; emailKind?: string; from?: string; to?: string; keyword?: string; contacts?: string }): Rule {
  if (opts.company) return { type: 'company', companies: list(opts.company) };
  if (opts.emailKind) return { type: 'email-kind', kind: opts.emailKind as EmailKind };
  if (opts.from || opts.to) return { type: 'connected-year', ...(opts.from ? { from: Number(opts.from) } : {}), ...(opts.to ? { to: Number(opts.to) } : {}) };
  if (opts.keyword) return { type: 'position-keyword', keywords: list(opts.keyword) };
  if (opts.contacts) return { type: 'manual', contactIds: list(opts.contacts) };
  throw new ServiceError('invalid', 'Give the group a rule: --company, --email-kind, --connected-from/--connected-to, --keyword or --contacts.');
}

/** The rule the options give, or undefined when they give none (editing only the label). */
function ruleIfGiven(opts: RuleOptions): Rule | undefined {
  const given = opts.company ?? opts.emailKind ?? opts.connectedFrom ?? opts.connectedTo ?? opts.keyword ?? opts.contacts;
  return given === undefined ? undefined : ruleFrom({ company: opts.company, emailKind: opts.emailKind, from: opts.connectedFrom, to: opts.connectedTo, keyword: opts.keyword, contacts: opts.contacts });
}

type Move = Response<'groups.reorder'>['moves'][number];
type GroupList = Response<'groups.list'>;

/** '12 contact(s) move from "A" to "B"', one line each, with the labels of the groups. */
function describeMoves(moves: readonly Move[], groups: GroupList['groups'], dryRun: boolean): string[] {
  const name = (id: string | null) => (id === null ? 'no group (quarantined)' : `"${groups.find((g) => g.id === id)?.label ?? id}"`);
  if (moves.length === 0) return ['No contact changes group.'];
  return moves.map((m) => `${m.contacts} contact(s) ${dryRun ? 'would move' : 'moved'} from ${name(m.from)} to ${name(m.to)}.`);
}

const describe = (g: Guardrail) => `  ${g.severity === 'block' ? 'BLOCKS' : 'warning'}: ${g.message} [${g.rule}]`;

export function registerGroups(program: Command): void {
  const groups = program.command('groups').description('Contact groups and their lawful basis (data owners).');
  command(groups, 'list', ['groups.list'], { isDefault: true })
    .description('List the groups in rule order, with their basis and counts.')
    .action(async (opts: VaultOptions) => {
      const result = await withVault(opts, (call) => call('groups.list', {}));
      await print(opts, result, () =>
        [
          ...result.groups.map(
            (g) => `${g.order}. ${g.label} (${g.id}): ${g.description}; ${g.contacts} contacts; ${g.policy ? `${g.policy.policy.basis}, for ${g.policy.policy.purpose}` : 'no lawful basis yet: quarantined'}`,
          ),
          `${result.unassigned} contacts match no group: quarantined.`,
          ...result.overdue.map((o) => `Art. 14 notice overdue for "${o.label}" (due ${o.due}).`),
        ].join('\n'),
      );
    });
  withChangeOptions(command(groups, 'add <label>', ['groups.add']))
    .description('Add a group at the end of the rule order (first matching rule wins).')
    .option('--company <names>', 'works at one of these companies (comma-separated)')
    .option('--email-kind <kind>', 'corporate, personal or none')
    .option('--connected-from <year>', 'connected in or after this year')
    .option('--connected-to <year>', 'connected in or before this year')
    .option('--keyword <words>', 'position mentions one of these words (comma-separated)')
    .option('--contacts <ids>', 'these contacts, chosen by hand (comma-separated ids)')
    .action(async (label: string, opts: VaultOptions & ChangeFlags & RuleOptions) => {
      const rule = ruleFrom({ company: opts.company, emailKind: opts.emailKind, from: opts.connectedFrom, to: opts.connectedTo, keyword: opts.keyword, contacts: opts.contacts });
      const group = await withVault(opts, (call) => call('groups.add', { label, rule, ...changeRequest(opts) }));
      await printChange(opts, group, `Added group ${group.order}. ${group.label} (${group.id}): ${group.description}; ${group.contacts} contacts;`);
    });
  withChangeOptions(command(groups, 'remove <group>', ['groups.remove']))
    .description('Remove a group; its contacts fall to the next matching rule or quarantine.')
    .action(async (id: string, opts: VaultOptions & ChangeFlags) => {
      const result = await withVault(opts, (call) => call('groups.remove', { groupId: id, ...changeRequest(opts) }));
      await printChange(opts, result, `Removed group ${id}:`);
    });

  withChangeOptions(command(groups, 'edit <group>', ['groups.update', 'groups.list']))
    .description("Change a group's label and/or rule; a new rule regroups every contact (first matching rule wins).")
    .option('--label <label>', 'the new label')
    .option('--company <names>', 'new rule: works at one of these companies (comma-separated)')
    .option('--email-kind <kind>', 'new rule: corporate, personal or none')
    .option('--connected-from <year>', 'new rule: connected in or after this year')
    .option('--connected-to <year>', 'new rule: connected in or before this year')
    .option('--keyword <words>', 'new rule: position mentions one of these words (comma-separated)')
    .option('--contacts <ids>', 'new rule: these contacts, chosen by hand (comma-separated ids)')
    .option('--acknowledge-warnings', "go ahead although a group's lawful basis warns about the people it would receive")
    .action(async (id: string, opts: VaultOptions & ChangeFlags & RuleOptions & { label?: string; acknowledgeWarnings?: boolean }) => {
      const rule = ruleIfGiven(opts);
      if (opts.label === undefined && rule === undefined) throw new ServiceError('invalid', 'Give a new --label, a new rule (--company, --email-kind, --connected-from/--connected-to, --keyword or --contacts), or both.');
      const { group, list } = await withVault(opts, async (call) => {
        const group = await call('groups.update', {
          groupId: id,
          ...(opts.label !== undefined ? { label: opts.label } : {}),
          ...(rule ? { rule } : {}),
          acknowledgeWarnings: opts.acknowledgeWarnings ?? false,
          ...changeRequest(opts),
        });
        return { group, list: await call('groups.list', {}) };
      });
      const { dueNow, dueWithin30Days } = group.impact;
      await print(opts, group, () =>
        [
          group.applied ? `Changed group ${group.order}. ${group.label} (${group.id}): ${group.description}; ${group.contacts} contacts.` : 'Dry run: nothing was changed.',
          ...describeMoves(group.moves, list.groups, !group.applied),
          `${dueNow} contact(s) become due now, ${dueWithin30Days} more within 30 days.`,
        ].join('\n'),
      );
    });
  withChangeOptions(command(groups, 'move <group>', ['groups.reorder', 'groups.list']))
    .description('Move a group to another place in the order rules are tried (1 = first; first matching rule wins).')
    .requiredOption('--to <position>', 'the new position, 1 for first')
    .option('--acknowledge-warnings', "go ahead although a group's lawful basis warns about the people it would receive")
    .action(async (id: string, opts: VaultOptions & ChangeFlags & { to: string; acknowledgeWarnings?: boolean }) => {
      const position = Number(opts.to);
      if (!Number.isInteger(position) || position < 1) throw new ServiceError('invalid', `--to must be a position, 1 or more (not "${opts.to}").`);
      const { result, list } = await withVault(opts, async (call) => {
        const result = await call('groups.reorder', { groupId: id, position, acknowledgeWarnings: opts.acknowledgeWarnings ?? false, ...changeRequest(opts) });
        return { result, list: await call('groups.list', {}) };
      });
      const { dueNow, dueWithin30Days } = result.impact;
      await print(opts, result, () =>
        [
          result.applied ? `Moved group ${id} to position ${result.order.indexOf(id) + 1}.` : 'Dry run: nothing was changed.',
          ...describeMoves(result.moves, list.groups, !result.applied),
          `${dueNow} contact(s) become due now, ${dueWithin30Days} more within 30 days.`,
        ].join('\n'),
      );
    });

  withChangeOptions(command(program, 'assign <group>', ['policy.assign', 'policy.check']))
    .description('Assign a group its lawful basis, purpose and evidence, read from a JSON file (data owners).')
    .requiredOption('--policy <file>', 'JSON: { basis, purpose, purposeDescription, evidence, art14Notice, art9Condition?, art9Justification?, art9MadePublicWhere?, schedule1Condition?, appropriatePolicyDocument?, art10Authority? }')
    .option('--check', 'only show what is missing and the guardrails; save nothing')
    .option('--acknowledge-warnings', 'save despite warnings (blocking guardrails still refuse)')
    .action(async (groupId: string, opts: VaultOptions & ChangeFlags & { policy: string; check?: boolean; acknowledgeWarnings?: boolean }) => {
      let input: Request<'policy.assign'>['policy'];
      try {
        input = JSON.parse(await readFile(opts.policy, 'utf8')) as Request<'policy.assign'>['policy'];
      } catch (err) {
        throw new ServiceError('invalid', `The policy file "${opts.policy}" cannot be read as JSON (${(err as Error).message}).`);
      }
      if (opts.check) {
        const check = await withVault(opts, (call) => call('policy.check', { groupId, policy: input }));
        await print(opts, { groupId, ...check }, () => [...check.errors.map((e) => `  missing or wrong: ${e}`), ...check.guardrails.map(describe)].join('\n') || 'Complete, and no guardrail fires.');
        return;
      }
      const result = await withVault(opts, (call) => call('policy.assign', { groupId, policy: input, acknowledgeWarnings: opts.acknowledgeWarnings ?? false, ...changeRequest(opts) }));
      const { dueNow, dueWithin30Days } = result.impact;
      await print(opts, { groupId, ...result }, () =>
        [result.applied ? 'Assigned.' : 'Dry run: nothing was changed.', `${dueNow} contact(s) become due now, ${dueWithin30Days} more within 30 days.`, ...result.guardrails.map(describe)].join('\n'),
      );
    });
}
