// `contact-sanitizer member add|list|remove`: an admin manages who may unlock the vault, and with which roles.
import type { Command } from 'commander';
import { parseRoles } from './list-option.js';
import { addMember, listAllMembers, removeMemberById } from '../app/use-cases/members.js';
import { ask } from './prompt.js';
import { print, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

export function registerMembers(program: Command): void {
  const member = program.command('member').description('Manage the members who may unlock the vault (admins only).');
  withVaultOptions(member.command('add <name>'))
    .description('Add a member; their passphrase comes from CONTACT_SANITIZER_NEW_PASSPHRASE or the prompt.')
    .requiredOption('--roles <roles>', 'comma-separated: admin, data-owner, importer')
    .action(async (name: string, opts: VaultOptions & { roles: string }) => {
      const roles = parseRoles(opts.roles);
      const passphrase = process.env.CONTACT_SANITIZER_NEW_PASSPHRASE ?? (await ask(`Passphrase for ${name}: `, { hidden: true }));
      const added = await withSession(opts, (s) => addMember(s, { name, roles, passphrase }));
      await print(opts, added, () => `Added ${added.name} (${added.roles.join(', ')}), id ${added.id}.`);
    });
  withVaultOptions(member.command('list'))
    .description('List the members and their roles.')
    .action(async (opts: VaultOptions) => {
      const members = await withSession(opts, listAllMembers);
      await print(opts, { members }, () => members.map((m) => `${m.id}  ${m.name}  (${m.roles.join(', ')})`).join('\n'));
    });
  withVaultOptions(member.command('remove <id>'))
    .description('Remove a member: their key slot is deleted, so they can no longer unlock the vault.')
    .action(async (id: string, opts: VaultOptions) => {
      await withSession(opts, (s) => removeMemberById(s, id));
      await print(opts, { removed: id }, () => `Removed member ${id}.`);
    });
}
