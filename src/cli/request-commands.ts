// `contact-sanitizer erase|suppress|access|export|report`: data subjects' requests and what leaves the vault.
import type { Command } from 'commander';
import type { Request } from '../api/contract.js';
import { certificateText } from '../shared/certificate.js';
import { ServiceError } from '../shared/errors.js';
import type { CrmField, Purpose } from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { emit, outputFor } from './output-file.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

type WhoOptions = { contact?: string; email?: string; profileUrl?: string };
function who(opts: WhoOptions): Request<'contacts.access'> {
  if (opts.contact) return { contactId: opts.contact };
  if (opts.email) return { email: opts.email };
  if (opts.profileUrl) return { profileUrl: opts.profileUrl };
  throw new ServiceError('invalid', 'Name the person: --contact <id>, --email <address> or --profile-url <url>.');
}
const withWho = (cmd: Command) => cmd.option('--contact <id>', 'a contact id').option('--email <address>', 'their email').option('--profile-url <url>', 'their LinkedIn profile');

export function registerRequests(program: Command): void {
  withWho(command(program, 'erase', ['contacts.erase']))
    .description('Erase one person now (Art. 17): destroyed with a certificate, and added to the suppression list (admins).')
    .action(async (opts: VaultOptions & WhoOptions) => {
      const result = await withVault(opts, (call) => call('contacts.erase', who(opts)));
      await print(opts, result, () => certificateText(result.certificate));
    });

  const suppress = program.command('suppress').description('The suppression list: people who objected or were erased (Art. 21).');
  command(suppress, 'add', ['suppression.add'])
    .option('--email <address>', 'their email')
    .option('--profile-url <url>', 'their LinkedIn profile')
    .action(async (opts: VaultOptions & WhoOptions) => {
      if (!opts.email && !opts.profileUrl) throw new ServiceError('invalid', 'Name the person: --email <address> and/or --profile-url <url>.');
      const request = { ...(opts.email ? { email: opts.email } : {}), ...(opts.profileUrl ? { profileUrl: opts.profileUrl } : {}) } as Request<'suppression.add'>;
      const { suppressionId } = await withVault(opts, (call) => call('suppression.add', request));
      await print(opts, { suppressionId }, () => `Suppressed (${suppressionId}): later imports refuse this person.`);
    });
  command(suppress, 'list', ['suppression.list'], { isDefault: true }).action(async (opts: VaultOptions) => {
    const entries = await withVault(opts, (call) => call('suppression.list', {}));
    await print(opts, { entries }, () => entries.map((e) => `${e.id}  ${e.reason}  ${e.createdAt}`).join('\n') || 'The suppression list is empty.');
  });
  command(suppress, 'lift <id>', ['suppression.lift']).action(async (id: string, opts: VaultOptions) => {
    await withVault(opts, (call) => call('suppression.lift', { suppressionId: id }));
    await print(opts, { lifted: id }, () => `Suppression ${id} lifted.`);
  });

  withWho(command(program, 'access', ['contacts.access']))
    .description('Everything held about one person (Art. 15), as JSON or CSV.')
    .option('--csv', 'CSV instead of JSON')
    .option('--out <file>', 'write to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & WhoOptions & { csv?: boolean; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const result = await withVault(opts, (call) => call('contacts.access', who(opts)));
      await emit(out, opts.csv ? result.csv : `${result.json}\n`);
    });

  command(program, 'export', ['export.crm'])
    .description('A sanitised CSV for a CRM: only contacts with a lawful basis for this purpose (data owners).')
    .requiredOption('--purpose <purpose>', 'email-marketing, prospecting, recruitment, networking, account-management, events, other')
    .option('--fields <list>', 'firstName,lastName,email,company,position,profileUrl,connectedOn (default: all)')
    .option('--out <file>', 'write the CSV to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & { purpose: string; fields?: string; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const fields = opts.fields ? (listOption(opts.fields) as CrmField[]) : undefined;
      const result = await withVault(opts, (call) => call('export.crm', { purpose: opts.purpose as Purpose, ...(fields ? { fields } : {}) }));
      await emit(out, result.csv);
      process.stderr.write(`${result.included} exported, ${result.excluded.length} left out, ${result.emailsWithheld.length} emails withheld.${result.notes.length ? ` ${result.notes.join(' ')}` : ''}\n`);
    });

  command(program, 'report', ['report.art30'])
    .description('Records of processing (Art. 30) as Markdown (or CSV).')
    .requiredOption('--controller <name>', 'the controller (your organisation)')
    .option('--csv', 'CSV instead of Markdown')
    .option('--out <file>', 'write to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & { controller: string; csv?: boolean; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const report = await withVault(opts, (call) => call('report.art30', { controller: opts.controller }));
      await emit(out, opts.csv ? report.csv : report.markdown);
    });
}
