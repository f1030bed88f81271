// The options and the report of a change that may bring destruction forward (src/app/use-cases/impact.ts):
// `--dry-run` measures it and changes nothing; `--yes` confirms it when it would make contacts due.
import type { Command } from 'commander';
import type { Response } from '../api/contract.js';
import { print, type VaultOptions } from './vault-context.js';

export type ChangeFlags = { dryRun?: boolean; yes?: boolean };

export function withChangeOptions(cmd: Command): Command {
  return cmd
    .option('--dry-run', 'only say how many contacts this makes due now and within 30 days; change nothing')
    .option('--yes', 'go ahead even if this makes contacts due (the next scheduled destruction would destroy them)');
}

/** The request's part of the flags. */
export const changeRequest = (opts: ChangeFlags) => ({ dryRun: opts.dryRun ?? false, confirm: opts.yes ?? false });

/** Print what the change did (or, for a dry run, would do) to due dates, after `done` for an applied change. */
export async function printChange(opts: VaultOptions & ChangeFlags, result: Pick<Response<'groups.remove'>, 'applied' | 'impact'>, done: string): Promise<void> {
  const { dueNow, dueWithin30Days } = result.impact;
  const effect = `${dueNow} contact(s) become due now, ${dueWithin30Days} more within 30 days.`;
  await print(opts, result, () => (result.applied ? `${done} ${effect}` : `Dry run: ${effect} Nothing was changed.`));
}
