// `contact-sanitizer contacts [list|show <id>]`: read contacts back; `review`: mark them reviewed (data owners and
// admins).
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { listOption } from './list-option.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

export function registerContacts(program: Command): void {
  const contacts = program.command('contacts').description('Read the contacts in the vault (data owners and admins).');
  command(contacts, 'list', ['contacts.list'], { isDefault: true })
    .description('List contacts, optionally of one group or matching a search.')
    .option('--group <id>', 'only this group ("none" for unassigned)')
    .option('--search <text>', 'name, company, position, email or profile URL contains this')
    .action(async (opts: VaultOptions & { group?: string; search?: string }) => {
      const filter = { ...(opts.group ? { groupId: opts.group === 'none' ? null : opts.group } : {}), ...(opts.search ? { search: opts.search } : {}) };
      const list = await withVault(opts, (call) => call('contacts.list', filter));
      await print(opts, { contacts: list }, () =>
        list.map((c) => `${c.id}  ${[c.firstName, c.lastName].join(' ').trim() || '(no name)'}  ${c.company}${c.usable ? '' : `  [quarantined until ${c.expiresAt?.slice(0, 10)}]`}`).join('\n') || 'No contacts.',
      );
    });
  command(contacts, 'show <id>', ['contacts.show'])
    .description('Show everything held about one contact.')
    .action(async (id: string, opts: VaultOptions) => {
      const c = await withVault(opts, (call) => call('contacts.show', { contactId: id }));
      await print(opts, c, () => JSON.stringify(c, null, 2));
    });

  command(program, 'review', ['contacts.review'])
    .description('Mark contacts reviewed now: retention counted from the last review starts again from today.')
    .option('--contacts <ids>', 'these contacts (comma-separated ids)')
    .option('--group <id>', 'or every contact of this group')
    .action(async (opts: VaultOptions & { contacts?: string; group?: string }) => {
      if (Boolean(opts.contacts) === Boolean(opts.group)) throw new ServiceError('invalid', 'Name either --contacts <id,id> or --group <id>.');
      const target = opts.group ? { groupId: opts.group } : { contactIds: listOption(opts.contacts) };
      const result = await withVault(opts, (call) => call('contacts.review', target));
      await print(opts, result, () => `Marked ${result.reviewed} contact(s) reviewed at ${result.reviewedAt}; their due dates were computed again.`);
    });
}
