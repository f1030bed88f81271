// `contact-sanitizer purge --due`: scheduled destruction for OS schedulers (cron, systemd timers, Task Scheduler,
// launchd). With CONTACT_SANITIZER_DESTRUCTION_TOKEN it runs unattended without any key; otherwise an admin
// unlocks. Exit 0: nothing due; 10: destroyed (or, with --dry-run, would destroy) some; anything else: failed.
// Also `certificate list|show|verify`.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Response } from '../api/contract.js';
import { CertificateSchema, certificateText } from '../shared/certificate.js';
import { EXIT, ServiceError } from '../shared/errors.js';
import { outputFor, writeOutput } from './output-file.js';
import { everyItem } from './pages.js';
import { command, print, vaultPath, withCore, withVault, type VaultOptions } from './vault-context.js';

type PurgeOptions = VaultOptions & { dryRun?: boolean; now?: string };

async function runPurge(opts: PurgeOptions): Promise<Response<'destruction.run'>> {
  // Nothing is destroyed before it is due by the real clock: another time is a what-if, for a dry run only.
  if (opts.now && !opts.dryRun) throw new ServiceError('invalid', '--now is a what-if: it works only with --dry-run, which destroys nothing.');
  const asOf = opts.now ? { asOf: opts.now } : {};
  const token = process.env.CONTACT_SANITIZER_DESTRUCTION_TOKEN;
  if (token) return withCore((call) => call('destruction.unattended', { path: vaultPath(opts), token, dryRun: opts.dryRun ?? false, ...asOf }));
  return withVault(opts, (call) => (opts.dryRun ? call('destruction.dryRun', asOf) : call('destruction.run', {})));
}

export function registerPurge(program: Command): void {
  command(program, 'purge', ['destruction.run', 'destruction.dryRun', 'destruction.unattended'])
    .description('Destroy every contact whose retention or quarantine has run out (admins, or a destruction token).')
    .requiredOption('--due', 'destroy what is due now (the only mode)')
    .option('--dry-run', 'count what would be destroyed; change nothing')
    .option('--now <time>', 'with --dry-run: count what would be due at this time instead (a what-if, ISO 8601)')
    .option('--certificate-out <file>', 'also write the certificate as JSON to this new file (0600)')
    .option('--force', 'replace the --certificate-out file if it exists (never a vault)')
    .action(async (opts: PurgeOptions & { certificateOut?: string; force?: boolean }) => {
      // The certificate's path is checked before anything is destroyed; the certificate is stored with the
      // destruction in one transaction, and only then written out.
      const certificateOut = outputFor(opts, opts.certificateOut);
      const result = await runPurge(opts);
      await print(opts, result, () =>
        result.dryRun
          ? `Dry run at ${result.now}: ${result.destroyed} contact(s) due${result.held ? `, ${result.held} more held` : ''}. Nothing was changed.`
          : result.certificate
            ? certificateText(result.certificate)
            : `Nothing due at ${result.now}${result.held ? ` (${result.held} held)` : ''}.`,
      );
      if (result.certificate && certificateOut) {
        try {
          writeOutput(certificateOut, `${JSON.stringify(result.certificate, null, 2)}\n`);
        } catch (err) {
          const why = (err instanceof ServiceError ? err.message : String(err)).replace(/\.$/, '');
          const id = result.certificate.id;
          throw new ServiceError('failed', `The destruction is done and certificate ${id} is stored in the vault, but it was not written to "${certificateOut.shown}" (${why}); an admin can print it with \`certificate show ${id} --json\`.`);
        }
      }
      if (result.destroyed > 0) process.exitCode = EXIT.destroyed;
    });

  const cert = program.command('certificate').description('Destruction certificates.');
  command(cert, 'verify <file>', ['certificates.verify'])
    .description('Check a certificate (JSON) against the vault’s audit log. Needs no passphrase.')
    .action(async (file: string, opts: VaultOptions) => {
      let body: unknown;
      try {
        body = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        throw new ServiceError('invalid', `"${file}" cannot be read as a certificate (${(err as Error).message}).`);
      }
      // A file that is not one of our certificates does not match, as surely as an altered one (exit 4).
      const parsed = CertificateSchema.safeParse(body);
      const result: Response<'certificates.verify'> = parsed.success
        ? await withCore((call) => call('certificates.verify', { path: vaultPath(opts), certificate: parsed.data }))
        : { ok: false, problem: 'this is not a destruction certificate of this app' };
      await print(opts, result, () => (result.ok ? 'The certificate matches the audit log.' : `The certificate does not match: ${result.problem}.`));
      if (!result.ok) throw new ServiceError('integrity', 'Certificate verification failed.');
    });
  command(cert, 'list', ['certificates.list'], { isDefault: true })
    .description('List the certificates the vault has issued (admins).')
    .action(async (opts: VaultOptions) => {
      const certificates = await withVault(opts, (call) =>
        everyItem(async (offset, limit) => {
          const page = await call('certificates.list', { offset, limit });
          return { total: page.total, items: page.certificates };
        }),
      );
      await print(opts, { certificates }, () => certificates.map((c) => `${c.issuedAt}  ${c.kind}  ${c.destroyed.total} destroyed  ${c.id}`).join('\n') || 'No certificates yet.');
    });
  command(cert, 'show <id>', ['certificates.show'])
    .description('Show one certificate as text (or --json), for a DPO’s file (admins).')
    .action(async (id: string, opts: VaultOptions) => {
      const shown = await withVault(opts, (call) => call('certificates.show', { certificateId: id }));
      await print(opts, shown.certificate, () => shown.text.trimEnd());
    });
}
