// `contact-sanitizer audit verify`: recompute the audit log's hash chain (admins).
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { print, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit log (admins).');
  withVaultOptions(audit.command('verify'))
    .description('Check that no entry of the audit log was changed, removed or reordered.')
    .action(async (opts: VaultOptions) => {
      const result = await withSession(opts, (s) => s.perform('audit-verify', ['admin'], () => {
        const r = s.vault.audit.verify();
        return { value: r, details: { ok: r.ok, entries: r.entries } };
      }));
      await print(opts, result, () => (result.ok ? `The audit log is intact: ${result.entries} entries, head ${result.head}.` : `The audit log is broken at entry ${result.brokenAt}: ${result.problem}.`));
      if (!result.ok) throw new ServiceError('integrity', 'The audit log failed verification.');
    });
}
