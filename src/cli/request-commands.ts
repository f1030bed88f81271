// `contact-sanitizer erase|suppress|access|export|report`: data subjects' requests and what leaves the vault.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import type { CrmField } from '../export/index.js';
import { certificateText } from '../vault/certificates.js';
import { exportForCrm, recordsOfProcessing } from '../app/use-cases/exports.js';
import { erasePerson, liftSuppression, listSuppressions, subjectAccess, suppressPerson, type PersonSelector } from '../app/use-cases/requests.js';
import type { Purpose } from '../policy/index.js';
import { print, withSession, withVaultOptions, type VaultOptions } from './vault-context.js';

type WhoOptions = { contact?: string; email?: string; profileUrl?: string };
function who(opts: WhoOptions): PersonSelector {
  if (opts.contact) return { contactId: opts.contact };
  if (opts.email) return { email: opts.email };
  if (opts.profileUrl) return { profileUrl: opts.profileUrl };
  throw new ServiceError('invalid', 'Name the person: --contact <id>, --email <address> or --profile-url <url>.');
}
const withWho = (cmd: Command) => withVaultOptions(cmd).option('--contact <id>', 'a contact id').option('--email <address>', 'their email').option('--profile-url <url>', 'their LinkedIn profile');

async function output(file: string | undefined, text: string): Promise<void> {
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

export function registerRequests(program: Command): void {
  withWho(program.command('erase'))
    .description('Erase one person now (Art. 17): destroyed with a certificate, and added to the suppression list (admins).')
    .action(async (opts: VaultOptions & WhoOptions) => {
      const result = await withSession(opts, (s) => erasePerson(s, who(opts)));
      await print(opts, result, () => certificateText(result.certificate));
    });

  const suppress = program.command('suppress').description('The suppression list: people who objected or were erased (Art. 21).');
  withVaultOptions(suppress.command('add'))
    .option('--email <address>', 'their email')
    .option('--profile-url <url>', 'their LinkedIn profile')
    .action(async (opts: VaultOptions & WhoOptions) => {
      const id = await withSession(opts, (s) => suppressPerson(s, { ...(opts.email ? { email: opts.email } : {}), ...(opts.profileUrl ? { profileUrl: opts.profileUrl } : {}) }));
      await print(opts, { suppressionId: id }, () => `Suppressed (${id}): later imports refuse this person.`);
    });
  withVaultOptions(suppress.command('list', { isDefault: true })).action(async (opts: VaultOptions) => {
    const entries = await withSession(opts, listSuppressions);
    await print(opts, { entries }, () => entries.map((e) => `${e.id}  ${e.reason}  ${e.createdAt}`).join('\n') || 'The suppression list is empty.');
  });
  withVaultOptions(suppress.command('lift <id>')).action(async (id: string, opts: VaultOptions) => {
    await withSession(opts, (s) => liftSuppression(s, id));
    await print(opts, { lifted: id }, () => `Suppression ${id} lifted.`);
  });

  withWho(program.command('access'))
    .description('Everything held about one person (Art. 15), as JSON or CSV.')
    .option('--csv', 'CSV instead of JSON')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: VaultOptions & WhoOptions & { csv?: boolean; out?: string }) => {
      const result = await withSession(opts, (s) => subjectAccess(s, who(opts)));
      await output(opts.out, opts.csv ? result.csv : `${result.json}\n`);
    });

  withVaultOptions(program.command('export'))
    .description('A sanitised CSV for a CRM: only contacts with a lawful basis for this purpose (data owners).')
    .requiredOption('--purpose <purpose>', 'email-marketing, prospecting, recruitment, networking, account-management, events, other')
    .option('--fields <list>', 'firstName,lastName,email,company,position,profileUrl,connectedOn (default: all)')
    .option('--out <file>', 'write the CSV to this file instead of stdout')
    .action(async (opts: VaultOptions & { purpose: string; fields?: string; out?: string }) => {
      const fields = opts.fields?.split(',').map((f) => f.trim()) as CrmField[] | undefined;
      const result = await withSession(opts, (s) => exportForCrm(s, { purpose: opts.purpose as Purpose, ...(fields ? { fields } : {}) }));
      await output(opts.out, result.csv);
      process.stderr.write(`${result.included} exported, ${result.excluded.length} left out, ${result.emailsWithheld.length} emails withheld.${result.notes.length ? ` ${result.notes.join(' ')}` : ''}\n`);
    });

  withVaultOptions(program.command('report'))
    .description('Records of processing (Art. 30) as Markdown (or CSV).')
    .requiredOption('--controller <name>', 'the controller (your organisation)')
    .option('--csv', 'CSV instead of Markdown')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: VaultOptions & { controller: string; csv?: boolean; out?: string }) => {
      const report = await withSession(opts, (s) => recordsOfProcessing(s, opts.controller));
      await output(opts.out, opts.csv ? report.csv : report.markdown);
    });
}
