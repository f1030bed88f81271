// `contact-sanitizer init` and `recover`: create a vault with its first member (an admin) and show the recovery key
// once; or set a member's new passphrase with the recovery key, which is then replaced by a new one, shown once.
import type { Command } from 'commander';
import type { Anchor } from '../shared/vocabulary.js';
import { parseRoles } from './list-option.js';
import { memberName, newPassphrase, secret } from './prompt.js';
import { command, print, vaultPath, withCore, type VaultOptions } from './vault-context.js';

const keepItSafe = (recoveryKey: string) => [
  'Recovery key (shown only now: write it down and keep it offline, away from this computer):',
  '',
  `    ${recoveryKey}`,
  '',
  'With it an admin can set a new passphrase if every passphrase is forgotten. Without it, the vault cannot be opened.',
];

export function registerInit(program: Command): void {
  command(program, 'init', ['vault.create'])
    .description('Create an encrypted vault; you become its first member, an admin.')
    .option('--roles <roles>', 'your roles, comma-separated (admin is always included)', 'admin,data-owner,importer')
    .option('--retention-months <n>', 'default retention: months to keep contacts with a lawful basis that no policy covers (1 to 120)', '24')
    .option('--retention-anchor <date>', 'the date the default counts from: imported, connected, basis-assigned or last-review', 'last-review')
    .action(async (opts: VaultOptions & { roles: string; retentionMonths: string; retentionAnchor: string }) => {
      const path = vaultPath(opts);
      const defaultRetention = { months: Number(opts.retentionMonths), anchor: opts.retentionAnchor as Anchor };
      const name = await memberName();
      const passphrase = await newPassphrase('CONTACT_SANITIZER_PASSPHRASE');
      const created = await withCore((call) => call('vault.create', { path, name, passphrase, roles: parseRoles(opts.roles), defaultRetention }));
      const { member, recoveryKey } = created;
      const kept = `Default retention: contacts with a lawful basis that no retention policy covers are kept ${created.defaultRetention.months} months from ${created.defaultRetention.anchor} (change it with \`retention default\`).`;
      await print(opts, { vault: path, member: member.id, roles: member.roles, recoveryKey, defaultRetention: created.defaultRetention }, () =>
        [`Created ${path}; you are its admin.`, kept, '', ...keepItSafe(recoveryKey)].join('\n'),
      );
    });

  command(program, 'recover', ['vault.recover'])
    .description('Set a new passphrase for a member with the recovery key (from CONTACT_SANITIZER_RECOVERY_KEY or the prompt); a new recovery key replaces it.')
    .action(async (opts: VaultOptions) => {
      const path = vaultPath(opts);
      const recoveryKey = await secret('CONTACT_SANITIZER_RECOVERY_KEY', 'Recovery key: ');
      const name = await memberName();
      const next = await newPassphrase('CONTACT_SANITIZER_NEW_PASSPHRASE');
      const result = await withCore((call) => call('vault.recover', { path, recoveryKey, name, newPassphrase: next }));
      await print(opts, { member: result.member.id, recoveryKey: result.recoveryKey }, () =>
        ['The new passphrase is set. The old recovery key no longer works.', '', ...keepItSafe(result.recoveryKey)].join('\n'),
      );
    });
}
