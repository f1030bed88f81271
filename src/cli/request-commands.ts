// `contact-sanitizer erase|suppress|access|export|report`: data subjects' requests and what leaves the vault.
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import { certificateText } from '../shared/certificate.js';
import { ServiceError } from '../shared/errors.js';
import { CONTACT_CHANNELS, CRM_EXCLUSIONS, type ContactChannel, type CrmField, type Purpose } from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { emit, outputFor } from './output-file.js';
import { personOf, withPersonOptions, type PersonOptions } from './person-option.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';


/** An export's preview: the counts by reason, then the first people in and out (vocabulary words, as the JSON has them). */
function previewText(preview: Response<'export.preview'>): string {
  const reasons = CRM_EXCLUSIONS.flatMap((r) => (preview.excludedByReason[r] ? [`  ${r}: ${preview.excludedByReason[r]}`] : []));
  const who = (p: { name: string; company: string | null }) => (p.company ? `${p.name} (${p.company})` : p.name);
  const lines = [
    `Would export ${preview.included} and leave out ${preview.excludedTotal}${preview.directMarketing ? ' (direct marketing)' : ''}; ${preview.emailsWithheld} emails, ${preview.profilesWithheld} LinkedIn profiles and ${preview.fieldsWithheld} job titles withheld.`,
    ...(reasons.length ? ['Left out, by reason:', ...reasons] : []),
    ...preview.notes,
    ...(preview.includedPeople.length ? [`Included (first ${preview.includedPeople.length}):`, ...preview.includedPeople.map((p) => `  ${who(p)}`)] : []),
    ...(preview.heldBack.length ? [`Held back (first ${preview.heldBack.length}):`, ...preview.heldBack.map((p) => `  ${who(p)}: ${p.reason}`)] : []),
    'Nothing was exported and no disclosure recorded.',
  ];
  return lines.join('\n');
}

/** A yes/no option's value; one sentence when it is neither. */
function yesNo(value: string, option: string): boolean {
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new ServiceError('invalid', `${option} takes yes or no.`);
}

/** What an erasure leaves to do (Art. 19): the recipients to tell, and exports whose recipients were never recorded. */
function erasureFollowUps(result: Response<'contacts.erase'>): string[] {
  const out: string[] = [];
  if (result.art19Tasks.length > 0) {
    out.push(
      `Tell ${result.art19Tasks.map((t) => t.recipientName).join(', ')} to erase this person too (Art. 19): they received their data. ` +
        'Until each task is marked done (art19 done <task>), the vault keeps, encrypted, how to find the person at that recipient.',
    );
  }
  if (result.unloggedExports > 0) {
    out.push(`${result.unloggedExports === 1 ? '1 export' : `${result.unloggedExports} exports`} made before recipients were recorded may also have carried this person: find out who received them and tell them too (Art. 19).`);
  }
  return out;
}

export function registerRequests(program: Command): void {
  withPersonOptions(command(program, 'erase', ['contacts.erase']))
    .description('Erase one person now (Art. 17): destroyed with a certificate, and added to the suppression list (admins).')
    .action(async (opts: VaultOptions & PersonOptions) => {
      const result = await withVault(opts, (call) => call('contacts.erase', personOf(opts)));
      await print(opts, result, () => [certificateText(result.certificate), ...erasureFollowUps(result)].join('\n\n'));
    });

  const suppress = program.command('suppress').description('The suppression list: people who objected (Art. 21), were erased, or withdrew a consent.');
  command(suppress, 'add', ['suppression.add'])
    .description('Record an objection (Art. 21): the person is left out of every export from now on, and later imports refuse them.')
    .option('--contact <id>', 'a contact in the vault')
    .option('--email <address>', 'their email')
    .option('--profile-url <url>', 'their LinkedIn profile')
    .action(async (opts: VaultOptions & PersonOptions) => {
      let request: Request<'suppression.add'>;
      if (opts.contact) {
        if (opts.email || opts.profileUrl) throw new ServiceError('invalid', 'Name the person one way: --contact <id>, or --email and/or --profile-url.');
        request = { contactId: opts.contact };
      } else if (opts.email || opts.profileUrl) {
        request = { ...(opts.email ? { email: opts.email } : {}), ...(opts.profileUrl ? { profileUrl: opts.profileUrl } : {}) } as Request<'suppression.add'>;
      } else {
        throw new ServiceError('invalid', 'Name the person: --contact <id>, or --email <address> and/or --profile-url <url>.');
      }
      const result = await withVault(opts, (call) => call('suppression.add', request));
      await print(opts, result, () =>
        result.alreadyListed
          ? `This person is already on the suppression list (${result.suppressionId}): nothing was added.`
          : `Objection recorded (${result.suppressionId}): left out of every export from now on; later imports refuse this person.`,
      );
    });
  command(suppress, 'list', ['suppression.list'], { isDefault: true })
    .description('The list without names: counts by reason, then each entry with its reason, purpose and dates.')
    .action(async (opts: VaultOptions) => {
      const entries = await withVault(opts, (call) => call('suppression.list', {}));
      await print(opts, { entries }, () => {
        if (entries.length === 0) return 'The suppression list is empty.';
        const live = entries.filter((e) => e.liftedAt === null);
        const counts = [...new Set(live.map((e) => e.reason))].map((r) => `${live.filter((e) => e.reason === r).length} ${r}`).join(', ');
        const lines = entries.map((e) => `${e.id}  ${e.reason}${e.purpose ? ` (${e.purpose})` : ''}  ${e.createdAt}${e.liftedAt ? `  lifted ${e.liftedAt}` : ''}`);
        return [`In force: ${counts || 'none'}; lifted: ${entries.length - live.length}.`, ...lines].join('\n');
      });
    });
  command(suppress, 'lift <id>', ['suppression.lift'])
    .description('Lift an entry (admins), with the reason: the person can be imported and exported again.')
    .requiredOption('--reason <text>', 'why (e.g. the person consented again on …); kept encrypted')
    .action(async (id: string, opts: VaultOptions & { reason: string }) => {
      await withVault(opts, (call) => call('suppression.lift', { suppressionId: id, reason: opts.reason }));
      await print(opts, { lifted: id }, () => `Suppression ${id} lifted.`);
    });

  withPersonOptions(command(program, 'access', ['contacts.access']))
    .description('Everything held about one person (Art. 15), as JSON or CSV.')
    .option('--csv', 'CSV instead of JSON')
    .option('--out <file>', 'write to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & PersonOptions & { csv?: boolean; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const result = await withVault(opts, (call) => call('contacts.access', personOf(opts)));
      await emit(out, opts.csv ? result.csv : `${result.json}\n`);
    });

  command(program, 'export', ['export.crm', 'export.preview'])
    .description('A sanitised CSV for a CRM: only contacts with a lawful basis for this purpose (data owners).')
    .requiredOption('--purpose <purpose>', 'email-marketing, prospecting, recruitment, networking, account-management, events, other')
    .option('--recipient <id>', 'who receives the file (recipient list): the export is logged as a disclosure to them (required unless --preview)')
    .option('--preview', 'say who would be included and who held back, and why, without making the file or recording a disclosure')
    .requiredOption('--channels <list>', `what the file is for (PECR follows the channels): ${CONTACT_CHANNELS.join(', ')} (comma-separated)`)
    .option('--direct-marketing <yes|no>', 'whether the use promotes the organisation, its products or aims (required for other purposes; always yes for email-marketing, prospecting, events)')
    .option('--notice-run', 'the file is for sending the Art. 14 privacy notice: only people not yet told')
    .option('--fields <list>', 'firstName,lastName,email,company,position,profileUrl,connectedOn (default: all)')
    .option('--out <file>', 'write the CSV to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & { purpose: string; recipient?: string; preview?: boolean; channels: string; directMarketing?: string; noticeRun?: boolean; fields?: string; out?: string; force?: boolean; json?: boolean }) => {
      if (opts.preview && (opts.out !== undefined || opts.recipient !== undefined)) throw new ServiceError('invalid', 'A preview makes no file and goes to no recipient: leave out --out and --recipient.');
      if (!opts.preview && opts.recipient === undefined) throw new ServiceError('invalid', 'Name who receives the file with --recipient <id> (recipient list), or look first with --preview.');
      if (opts.json && !opts.out && !opts.preview) throw new ServiceError('invalid', 'With --json the summary goes to stdout: write the CSV elsewhere with --out <file>.');
      const channels = listOption(opts.channels);
      const unknown = channels.find((c) => !(CONTACT_CHANNELS as readonly string[]).includes(c));
      if (unknown !== undefined || channels.length === 0) throw new ServiceError('invalid', `--channels: name one or more of ${CONTACT_CHANNELS.join(', ')}${unknown !== undefined ? ` ("${unknown}" is not one)` : ''}.`);
      const fields = opts.fields ? (listOption(opts.fields) as CrmField[]) : undefined;
      const rules: Request<'export.preview'> = {
        purpose: opts.purpose as Purpose,
        channels: [...new Set(channels)] as ContactChannel[],
        noticeRun: opts.noticeRun === true,
        ...(opts.directMarketing === undefined ? {} : { directMarketing: yesNo(opts.directMarketing, '--direct-marketing') }),
        ...(fields ? { fields } : {}),
      };
      if (opts.preview) {
        const preview = await withVault(opts, (call) => call('export.preview', rules));
        await print(opts, preview, () => previewText(preview));
        return;
      }
      const out = outputFor(opts, opts.out); // checked before the core is called
      const request: Request<'export.crm'> = { ...rules, recipientId: opts.recipient! };
      const result = await withVault(opts, (call) => call('export.crm', request));
      await emit(out, result.csv);
      if (opts.json) {
        const excluded = Object.fromEntries(CRM_EXCLUSIONS.flatMap((r) => (result.excludedByReason[r] ? [[r, result.excludedByReason[r]]] : [])));
        process.stdout.write(
          `${JSON.stringify({ disclosureId: result.disclosureId, directMarketing: result.directMarketing, included: result.included, excluded, emailsWithheld: result.emailsWithheld.length, profilesWithheld: result.profilesWithheld.length, fieldsWithheld: result.fieldsWithheld.length, notes: result.notes })}\n`,
        );
        return;
      }
      const profiles = result.profilesWithheld.length > 0 ? `, ${result.profilesWithheld.length} LinkedIn profiles withheld` : '';
      const titles = result.fieldsWithheld.length > 0 ? `, ${result.fieldsWithheld.length} job titles withheld (special-category hints)` : '';
      process.stderr.write(
        `${result.included} exported (disclosure ${result.disclosureId}), ${result.excludedTotal} left out, ${result.emailsWithheld.length} emails withheld${profiles}${titles}.` +
          `${result.notes.length ? ` ${result.notes.join(' ')}` : ''}\n`,
      );
    });

  command(program, 'report', ['report.art30'])
    .description('Records of processing (Art. 30) as Markdown (or CSV).')
    .option('--controller <name>', 'the controller (your organisation); default: the name recorded with `controller set`')
    .option('--csv', 'CSV instead of Markdown')
    .option('--out <file>', 'write to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & { controller?: string; csv?: boolean; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const report = await withVault(opts, (call) => call('report.art30', { controller: opts.controller }));
      await emit(out, opts.csv ? report.csv : report.markdown);
    });
}
