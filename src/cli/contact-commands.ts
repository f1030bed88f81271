// `contact-sanitizer contacts [list|show <id>]`: read contacts back (data owners and admins).
import type { Command } from 'commander';
import { getContact, listContacts } from '../app/use-cases/contacts.js';
import { print, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

export function registerContacts(program: Command): void {
  const contacts = program.command('contacts').description('Read the contacts in the vault (data owners and admins).');
  withVaultOptions(contacts.command('list', { isDefault: true }))
    .description('List contacts, optionally of one group or matching a search.')
    .option('--group <id>', 'only this group ("none" for unassigned)')
    .option('--search <text>', 'name, company, position, email or profile URL contains this')
    .action(async (opts: VaultOptions & { group?: string; search?: string }) => {
      const filter = { ...(opts.group ? { groupId: opts.group === 'none' ? null : opts.group } : {}), ...(opts.search ? { search: opts.search } : {}) };
      const list = await withSession(opts, (s) => listContacts(s, filter));
      await print(opts, { contacts: list }, () =>
        list.map((c) => `${c.id}  ${[c.firstName, c.lastName].join(' ').trim() || '(no name)'}  ${c.company}${c.usable ? '' : `  [quarantined until ${c.expiresAt?.slice(0, 10)}]`}`).join('\n') || 'No contacts.',
      );
    });
  withVaultOptions(contacts.command('show <id>'))
    .description('Show everything held about one contact.')
    .action(async (id: string, opts: VaultOptions) => {
      const c = await withSession(opts, (s) => getContact(s, id));
      await print(opts, c, () => JSON.stringify(c, null, 2));
    });
}
