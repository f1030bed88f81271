// `contact-sanitizer purge --due`: scheduled destruction for OS schedulers (cron, systemd timers, Task Scheduler,
// launchd). With CONTACT_SANITIZER_DESTRUCTION_TOKEN it runs unattended without any key; otherwise an admin
// unlocks. Exit 0: nothing due; 10: destroyed (or, with --dry-run, would destroy) some; anything else: failed.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { certificateText, listCertificates, verifyCertificate } from '../vault/certificates.js';
import { purgeDue, type PurgeResult } from '../vault/destruction.js';
import { authenticateDestructionToken } from '../vault/destruction-tokens.js';
import { destroyDue } from '../app/use-cases/retention.js';
import { Vault } from '../vault/vault.js';
import { clock, print, vaultPath, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

export const PURGE_DESTROYED = 10;

async function runPurge(opts: VaultOptions & { dryRun?: boolean }): Promise<PurgeResult> {
  const token = process.env.CONTACT_SANITIZER_DESTRUCTION_TOKEN;
  if (!token) return withSession(opts, (s) => destroyDue(s, { dryRun: opts.dryRun ?? false }));
  const now = clock(opts);
  const vault = Vault.open(vaultPath(opts), now ? { now } : {});
  try {
    return await purgeDue(vault, { tokenId: authenticateDestructionToken(vault, token) }, { dryRun: opts.dryRun ?? false });
  } finally {
    vault.close();
  }
}

export function registerPurge(program: Command): void {
  withVaultOptions(program.command('purge'))
    .description('Destroy every contact whose retention or quarantine has run out (admins, or a destruction token).')
    .requiredOption('--due', 'destroy what is due now (the only mode)')
    .option('--dry-run', 'count what would be destroyed; change nothing')
    .option('--certificate-out <file>', 'also write the certificate as JSON to this file')
    .action(async (opts: VaultOptions & { dryRun?: boolean; certificateOut?: string }) => {
      const result = await runPurge(opts);
      if (result.certificate && opts.certificateOut) await writeFile(opts.certificateOut, `${JSON.stringify(result.certificate, null, 2)}\n`);
      await print(opts, result, () =>
        result.dryRun
          ? `Dry run at ${result.now}: ${result.destroyed} contact(s) due${result.held ? `, ${result.held} more held` : ''}. Nothing was changed.`
          : result.certificate
            ? certificateText(result.certificate)
            : `Nothing due at ${result.now}${result.held ? ` (${result.held} held)` : ''}.`,
      );
      if (result.destroyed > 0) process.exitCode = PURGE_DESTROYED;
    });

  const cert = program.command('certificate').description('Destruction certificates.');
  withVaultOptions(cert.command('verify <file>'))
    .description('Check a certificate (JSON) against the vault’s audit log. Needs no passphrase.')
    .action(async (file: string, opts: VaultOptions) => {
      const { readFile } = await import('node:fs/promises');
      let body: unknown;
      try {
        body = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        throw new ServiceError('invalid', `"${file}" cannot be read as a certificate (${(err as Error).message}).`);
      }
      const vault = Vault.open(vaultPath(opts));
      try {
        const result = verifyCertificate(vault, body);
        await print(opts, result, () => (result.ok ? 'The certificate matches the audit log.' : `The certificate does not match: ${result.problem}.`));
        if (!result.ok) throw new ServiceError('integrity', 'Certificate verification failed.');
      } finally {
        vault.close();
      }
    });
  withVaultOptions(cert.command('list'))
    .description('List the certificates the vault has issued (admins).')
    .action(async (opts: VaultOptions) => {
      const certificates = await withSession(opts, (s) => s.perform('certificate-list', ['admin'], () => ({ value: listCertificates(s.db) })));
      await print(opts, { certificates }, () => certificates.map((c) => `${c.issuedAt}  ${c.kind}  ${c.destroyed.total} destroyed  ${c.id}`).join('\n') || 'No certificates yet.');
    });
}
