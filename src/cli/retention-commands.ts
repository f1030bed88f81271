// `contact-sanitizer retention|hold|token|quarantine|schedule`: an admin's retention settings at the command line.
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { createDestructionToken, listDestructionTokens, revokeDestructionToken } from '../vault/destruction-tokens.js';
import { dueSchedule, liftLegalHold, listLegalHolds, listRetentionPolicies, placeLegalHold, removeRetentionPolicy, setRetentionPolicy } from '../app/use-cases/retention.js';
import { setQuarantineDays } from '../app/use-cases/settings.js';
import { print, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

type ScopeOptions = { group?: string; basis?: string };
function scope(opts: ScopeOptions): { type: 'group'; groupId: string } | { type: 'basis'; basis: string } {
  if (opts.group && !opts.basis) return { type: 'group', groupId: opts.group };
  if (opts.basis && !opts.group) return { type: 'basis', basis: opts.basis };
  throw new ServiceError('invalid', 'Name either --group <id> or --basis <lawful basis>.');
}

export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('Retention policies per group or lawful basis (admins).');
  withVaultOptions(retention.command('set'))
    .description('Keep contacts of a group (or of a lawful basis) for a number of months from an anchor date.')
    .option('--group <id>', 'the group')
    .option('--basis <basis>', 'or the lawful basis, for groups without their own policy')
    .requiredOption('--months <n>', 'the period in calendar months (1 to 120)')
    .option('--anchor <date>', 'imported, connected, basis-assigned or last-review', 'imported')
    .action(async (opts: VaultOptions & ScopeOptions & { months: string; anchor: string }) => {
      const policy = await withSession(opts, (s) => setRetentionPolicy(s, { scope: scope(opts), months: Number(opts.months), anchor: opts.anchor }));
      await print(opts, policy, () => `Saved: ${policy.months} months from ${policy.anchor}. Due dates recomputed.`);
    });
  withVaultOptions(retention.command('list', { isDefault: true }))
    .description('List the retention policies.')
    .action(async (opts: VaultOptions) => {
      const policies = await withSession(opts, listRetentionPolicies);
      await print(opts, { policies }, () => policies.map((p) => p.description).join('\n') || 'No retention policies: contacts with a lawful basis are kept until one is set.');
    });
  withVaultOptions(retention.command('remove'))
    .option('--group <id>', 'the group')
    .option('--basis <basis>', 'or the lawful basis')
    .action(async (opts: VaultOptions & ScopeOptions) => {
      const s = scope(opts);
      await withSession(opts, (session) => removeRetentionPolicy(session, s.type === 'group' ? { groupId: s.groupId } : { basis: s.basis }));
      await print(opts, { removed: s }, () => 'Removed. Due dates recomputed.');
    });
  withVaultOptions(program.command('schedule'))
    .description('What falls due per month, and what is overdue now (admins, data owners).')
    .option('--months <n>', 'how many months ahead', '12')
    .action(async (opts: VaultOptions & { months: string }) => {
      const cal = await withSession(opts, (s) => dueSchedule(s, Number(opts.months)));
      await print(opts, cal, () => [`Overdue now: ${cal.overdue}; held: ${cal.held}`, ...cal.months.map((m) => `${m.month}  ${'#'.repeat(Math.min(60, m.due))} ${m.due}`)].join('\n'));
    });
  withVaultOptions(program.command('quarantine <days>'))
    .description('Set how many days unassigned contacts stay before destruction (admins; default 30).')
    .action(async (days: string, opts: VaultOptions) => {
      await withSession(opts, (s) => setQuarantineDays(s, Number(days)));
      await print(opts, { days: Number(days) }, () => `Quarantine is now ${days} days. Due dates recomputed.`);
    });

  const hold = program.command('hold').description('Legal holds: suspend destruction of a contact or a group (admins).');
  withVaultOptions(hold.command('place'))
    .option('--contact <id>', 'the contact')
    .option('--group <id>', 'or the group')
    .requiredOption('--reason <text>', 'why (kept encrypted)')
    .action(async (opts: VaultOptions & { contact?: string; group?: string; reason: string }) => {
      const target = opts.contact ? { contactId: opts.contact } : opts.group ? { groupId: opts.group } : null;
      if (!target) throw new ServiceError('invalid', 'Name --contact <id> or --group <id>.');
      const id = await withSession(opts, (s) => placeLegalHold(s, target, opts.reason));
      await print(opts, { holdId: id }, () => `Legal hold ${id} placed.`);
    });
  withVaultOptions(hold.command('lift <id>')).action(async (id: string, opts: VaultOptions) => {
    await withSession(opts, (s) => liftLegalHold(s, id));
    await print(opts, { lifted: id }, () => `Legal hold ${id} lifted.`);
  });
  withVaultOptions(hold.command('list', { isDefault: true })).action(async (opts: VaultOptions) => {
    const holds = await withSession(opts, listLegalHolds);
    await print(opts, { holds }, () => holds.map((h) => `${h.id}  ${h.contactId ? `contact ${h.contactId}` : `group ${h.groupId}`}  ${h.createdAt}  ${h.reason}`).join('\n') || 'No legal holds.');
  });

  const token = program.command('token').description('Destruction-only tokens for unattended runs (admins).');
  withVaultOptions(token.command('create'))
    .description('Create a token that can run `purge --due` and nothing else; shown once.')
    .action(async (opts: VaultOptions) => {
      const t = await withSession(opts, createDestructionToken);
      await print(opts, t, () => `Token ${t.id} (shown only now; give it to the scheduler as CONTACT_SANITIZER_DESTRUCTION_TOKEN):\n\n    ${t.token}\n`);
    });
  withVaultOptions(token.command('revoke <id>')).action(async (id: string, opts: VaultOptions) => {
    await withSession(opts, (s) => revokeDestructionToken(s, id));
    await print(opts, { revoked: id }, () => `Token ${id} revoked.`);
  });
  withVaultOptions(token.command('list', { isDefault: true })).action(async (opts: VaultOptions) => {
    const tokens = await withSession(opts, listDestructionTokens);
    await print(opts, { tokens }, () => tokens.map((t) => `${t.id}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`).join('\n') || 'No tokens.');
  });
}
