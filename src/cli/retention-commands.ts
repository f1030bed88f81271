// `contact-sanitizer retention|hold|token|quarantine|schedule`: an admin's retention settings at the command line.
import type { Command } from 'commander';
import type { Request } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';
import type { Anchor, LawfulBasis } from '../shared/vocabulary.js';
import { changeRequest, printChange, withChangeOptions, type ChangeFlags } from './change-options.js';
import { everyItem } from './pages.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

type ScopeOptions = { group?: string; basis?: string };
type Scope = Request<'retention.set'>['policy']['scope'];
function scope(opts: ScopeOptions): Scope {
  if (opts.group && !opts.basis) return { type: 'group', groupId: opts.group };
  if (opts.basis && !opts.group) return { type: 'basis', basis: opts.basis as LawfulBasis };
  throw new ServiceError('invalid', 'Name either --group <id> or --basis <lawful basis>.');
}

export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('Retention policies per group or lawful basis (admins).');
  withChangeOptions(command(retention, 'set', ['retention.set']))
    .description('Keep contacts of a group (or of a lawful basis) for a number of months from an anchor date.')
    .option('--group <id>', 'the group')
    .option('--basis <basis>', 'or the lawful basis, for groups without their own policy')
    .requiredOption('--months <n>', 'the period in calendar months (1 to 120)')
    .option('--anchor <date>', 'imported, connected, basis-assigned or last-review', 'imported')
    .requiredOption('--rationale <text>', 'why this period (at least 10 characters; kept encrypted)')
    .action(async (opts: VaultOptions & ScopeOptions & ChangeFlags & { months: string; anchor: string; rationale: string }) => {
      const policy = { scope: scope(opts), months: Number(opts.months), anchor: opts.anchor as Anchor, rationale: opts.rationale };
      const result = await withVault(opts, (call) => call('retention.set', { policy, ...changeRequest(opts) }));
      await printChange(opts, result, `Saved: ${result.policy.months} months from ${result.policy.anchor}. Due dates recomputed:`);
    });
  command(retention, 'list', ['retention.list'], { isDefault: true })
    .description('List the retention policies, with why each period, and the default for contacts no policy covers.')
    .action(async (opts: VaultOptions) => {
      const list = await withVault(opts, (call) => call('retention.list', {}));
      await print(opts, list, () => [...(list.policies.length > 0 ? list.policies.map((p) => p.description) : ['No retention policies.']), `${list.defaultRetention.description}.`].join('\n'));
    });
  withChangeOptions(command(retention, 'default', ['retention.default']))
    .description('Set the default retention: how long contacts with a lawful basis that no policy covers are kept.')
    .requiredOption('--months <n>', 'the period in calendar months (1 to 120)')
    .option('--anchor <date>', 'imported, connected, basis-assigned or last-review', 'last-review')
    .action(async (opts: VaultOptions & ChangeFlags & { months: string; anchor: string }) => {
      const result = await withVault(opts, (call) => call('retention.default', { months: Number(opts.months), anchor: opts.anchor as Anchor, ...changeRequest(opts) }));
      const { months, anchor } = result.defaultRetention;
      await printChange(opts, result, `Default retention: ${months === 1 ? '1 month' : `${months} months`} from ${anchor}. Due dates recomputed:`);
    });
  withChangeOptions(command(retention, 'remove', ['retention.remove']))
    .option('--group <id>', 'the group')
    .option('--basis <basis>', 'or the lawful basis')
    .action(async (opts: VaultOptions & ScopeOptions & ChangeFlags) => {
      const s = scope(opts);
      const result = await withVault(opts, (call) => call('retention.remove', { scope: s.type === 'group' ? { groupId: s.groupId } : { basis: s.basis }, ...changeRequest(opts) }));
      await printChange(opts, result, 'Removed. Due dates recomputed:');
    });
  command(program, 'schedule', ['retention.schedule'])
    .description('What falls due per month, and what is overdue now (admins, data owners).')
    .option('--months <n>', 'how many months ahead', '12')
    .action(async (opts: VaultOptions & { months: string }) => {
      const cal = await withVault(opts, (call) => call('retention.schedule', { months: Number(opts.months) }));
      await print(opts, cal, () => [`Overdue now: ${cal.overdue}; held: ${cal.held}`, ...cal.months.map((m) => `${m.month}  ${'#'.repeat(Math.min(60, m.due))} ${m.due}`)].join('\n'));
    });
  withChangeOptions(command(program, 'quarantine <days>', ['quarantine.set']))
    .description('Set how many days unassigned contacts stay before destruction (admins; default 30).')
    .action(async (days: string, opts: VaultOptions & ChangeFlags) => {
      const result = await withVault(opts, (call) => call('quarantine.set', { days: Number(days), ...changeRequest(opts) }));
      await printChange(opts, result, `Quarantine is now ${days} days. Due dates recomputed:`);
    });

  const hold = program.command('hold').description('Legal holds: suspend destruction of a contact or a group (admins).');
  command(hold, 'place', ['holds.place'])
    .option('--contact <id>', 'the contact')
    .option('--group <id>', 'or the group')
    .requiredOption('--reason <text>', 'why (kept encrypted)')
    .action(async (opts: VaultOptions & { contact?: string; group?: string; reason: string }) => {
      const target = opts.contact ? { contactId: opts.contact } : opts.group ? { groupId: opts.group } : null;
      if (!target) throw new ServiceError('invalid', 'Name --contact <id> or --group <id>.');
      const { holdId: id } = await withVault(opts, (call) => call('holds.place', { ...target, reason: opts.reason }));
      await print(opts, { holdId: id }, () => `Legal hold ${id} placed.`);
    });
  command(hold, 'lift <id>', ['holds.lift']).action(async (id: string, opts: VaultOptions) => {
    await withVault(opts, (call) => call('holds.lift', { holdId: id }));
    await print(opts, { lifted: id }, () => `Legal hold ${id} lifted.`);
  });
  command(hold, 'list', ['holds.list'], { isDefault: true }).action(async (opts: VaultOptions) => {
    const holds = await withVault(opts, (call) =>
      everyItem(async (offset, limit) => {
        const page = await call('holds.list', { offset, limit });
        return { total: page.total, items: page.holds };
      }),
    );
    await print(opts, { holds }, () => holds.map((h) => `${h.id}  ${h.contactId ? `contact ${h.contactId}` : `group ${h.groupId}`}  ${h.createdAt}  ${h.reason}`).join('\n') || 'No legal holds.');
  });

  const token = program.command('token').description('Destruction-only tokens for unattended runs (admins).');
  command(token, 'create', ['tokens.create'])
    .description('Create a token that can run `purge --due` and nothing else; shown once.')
    .action(async (opts: VaultOptions) => {
      const t = await withVault(opts, (call) => call('tokens.create', {}));
      await print(opts, t, () => `Token ${t.id} (shown only now; give it to the scheduler as CONTACT_SANITIZER_DESTRUCTION_TOKEN):\n\n    ${t.token}\n`);
    });
  command(token, 'revoke <id>', ['tokens.revoke']).action(async (id: string, opts: VaultOptions) => {
    await withVault(opts, (call) => call('tokens.revoke', { tokenId: id }));
    await print(opts, { revoked: id }, () => `Token ${id} revoked.`);
  });
  command(token, 'list', ['tokens.list'], { isDefault: true }).action(async (opts: VaultOptions) => {
    const tokens = await withVault(opts, (call) => call('tokens.list', {}));
    await print(opts, { tokens }, () => tokens.map((t) => `${t.id}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`).join('\n') || 'No tokens.');
  });
}
