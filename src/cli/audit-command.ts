// `contact-sanitizer audit verify|list|export`: the audit log for admins: check its chain, read it, export it.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';
import { writeOut } from './write-out.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit log (admins).');
  command(audit, 'verify', ['audit.verify'])
    .description('Check that no entry of the audit log was changed, removed or reordered.')
    .action(async (opts: VaultOptions) => {
      const result = await withVault(opts, (call) => call('audit.verify', {}));
      await print(opts, result, () => (result.ok ? `The audit log is intact: ${result.entries} entries, head ${result.head}.` : `The audit log is broken at entry ${result.brokenAt}: ${result.problem}.`));
      if (!result.ok) throw new ServiceError('integrity', 'The audit log failed verification.');
    });
  command(audit, 'list', ['audit.entries'], { isDefault: true })
    .description('List audit entries, oldest first.')
    .option('--after <seq>', 'only entries after this sequence number', '0')
    .option('--limit <n>', 'at most this many entries', '500')
    .action(async (opts: VaultOptions & { after: string; limit: string }) => {
      const entries = await withVault(opts, (call) => call('audit.entries', { afterSeq: Number(opts.after), limit: Number(opts.limit) }));
      await print(opts, { entries }, () => entries.map((e) => `${e.seq}  ${e.at}  ${e.action}  ${e.outcome}  ${e.member ?? '-'}  ${JSON.stringify(e.details)}`).join('\n') || 'No entries.');
    });
  command(audit, 'export', ['audit.export'])
    .description('The whole audit log as JSON (default) or CSV, for a DPO’s file.')
    .option('--csv', 'CSV instead of JSON')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: VaultOptions & { csv?: boolean; out?: string }) => {
      const exported = await withVault(opts, (call) => call('audit.export', { format: opts.csv ? 'csv' : 'json' }));
      if (opts.out) await writeFile(opts.out, exported.text);
      else await writeOut(exported.text);
    });
}
