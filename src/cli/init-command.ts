// `contact-sanitizer init`: create a vault with its first member (an admin) and show the recovery key once.
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { parseRoles } from './list-option.js';
import { Vault } from '../vault/vault.js';
import { ask, memberName } from './prompt.js';
import { clock, print, vaultPath, withVaultOptions, type VaultOptions } from './vault-context.js';

export function registerInit(program: Command): void {
  withVaultOptions(program.command('init'))
    .description('Create an encrypted vault; you become its first member, an admin.')
    .option('--roles <roles>', 'your roles, comma-separated (admin is always included)', 'admin,data-owner,importer')
    .action(async (opts: VaultOptions & { roles: string }) => {
      const path = vaultPath(opts);
      const name = await memberName();
      let passphrase = process.env.CONTACT_SANITIZER_PASSPHRASE;
      if (passphrase === undefined) {
        passphrase = await ask('New passphrase (12 characters or more): ', { hidden: true });
        if ((await ask('Type it again: ', { hidden: true })) !== passphrase) throw new ServiceError('invalid', 'The two passphrases differ.');
      }
      const now = clock(opts);
      const { vault, session, recoveryKey } = await Vault.create(path, { name, passphrase, roles: parseRoles(opts.roles) }, now ? { now } : {});
      session.lock();
      vault.close();
      await print(opts, { vault: path, member: session.memberId, roles: session.roles, recoveryKey }, () =>
        [
          `Created ${path}; you are its admin.`,
          '',
          'Recovery key (shown only now: write it down and keep it offline, away from this computer):',
          '',
          `    ${recoveryKey}`,
          '',
          'With it an admin can set a new passphrase if every passphrase is forgotten. Without it, the vault cannot be opened.',
        ].join('\n'),
      );
    });
}
