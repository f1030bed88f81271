// `contact-sanitizer member add|list|remove|roles`, `passphrase` and `whoami`: an admin manages who may unlock the
// vault and with which roles; every member changes their own passphrase and sees their roles.
import type { Command } from 'commander';
import { parseRoles } from './list-option.js';
import { ask, newPassphrase, secret } from './prompt.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

export function registerMembers(program: Command): void {
  const member = program.command('member').description('Manage the members who may unlock the vault (admins only).');
  command(member, 'add <name>', ['members.add'])
    .description('Add a member; their passphrase comes from CONTACT_SANITIZER_NEW_PASSPHRASE or the prompt.')
    .requiredOption('--roles <roles>', 'comma-separated: admin, data-owner, importer')
    .action(async (name: string, opts: VaultOptions & { roles: string }) => {
      const roles = parseRoles(opts.roles);
      const passphrase = process.env.CONTACT_SANITIZER_NEW_PASSPHRASE ?? (await ask(`Passphrase for ${name}: `, { hidden: true }));
      const added = await withVault(opts, (call) => call('members.add', { name, roles, passphrase }));
      await print(opts, added, () => `Added ${added.name} (${added.roles.join(', ')}), id ${added.id}.`);
    });
  command(member, 'list', ['members.list'], { isDefault: true })
    .description('List the members and their roles.')
    .action(async (opts: VaultOptions) => {
      const members = await withVault(opts, (call) => call('members.list', {}));
      await print(opts, { members }, () => members.map((m) => `${m.id}  ${m.name}  (${m.roles.join(', ')})`).join('\n'));
    });
  command(member, 'remove <id>', ['members.remove'])
    .description('Remove a member: their key slot is deleted, so they can no longer unlock the vault.')
    .action(async (id: string, opts: VaultOptions) => {
      await withVault(opts, (call) => call('members.remove', { memberId: id }));
      await print(opts, { removed: id }, () => `Removed member ${id}.`);
    });
  command(member, 'roles <id>', ['members.setRoles'])
    .description("Change a member's roles (the last admin keeps theirs).")
    .requiredOption('--roles <roles>', 'comma-separated: admin, data-owner, importer')
    .action(async (id: string, opts: VaultOptions & { roles: string }) => {
      const changed = await withVault(opts, (call) => call('members.setRoles', { memberId: id, roles: parseRoles(opts.roles) }));
      await print(opts, changed, () => `${changed.name} now has the roles ${changed.roles.join(', ')}.`);
    });

  command(program, 'passphrase', ['members.changePassphrase'])
    .description('Change your own passphrase (the new one from CONTACT_SANITIZER_NEW_PASSPHRASE or the prompt). Nothing is re-encrypted.')
    .action(async (opts: VaultOptions) => {
      const current = await secret('CONTACT_SANITIZER_PASSPHRASE', 'Current passphrase: ');
      const next = await newPassphrase('CONTACT_SANITIZER_NEW_PASSPHRASE');
      await withVault(opts, (call) => call('members.changePassphrase', { current, next }), { passphrase: current });
      await print(opts, { changed: true }, () => 'Your passphrase is changed.');
    });

  command(program, 'whoami', ['vault.status'])
    .description('Unlock, and say which member you are and which roles you hold.')
    .action(async (opts: VaultOptions) => {
      const status = await withVault(opts, (call) => call('vault.status', {}));
      await print(opts, status, () => `${status.member?.id ?? 'nobody'} in ${status.path ?? 'no vault'}: ${status.member?.roles.join(', ') ?? ''}`);
    });
}
