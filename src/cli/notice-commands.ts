// `contact-sanitizer notice list|text|sent|exempt|confirm`: Art. 14 notices per person. Who is due or overdue per group
// and per person; the privacy notice text for a group; recording a batch as sent or exempt (Art. 14(5)); confirming
// notices carried over from a group record.
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';
import { ART14_EXEMPTIONS, CONTACT_CHANNELS, SOURCE_KINDS, type Art14Exemption, type ContactChannel, type SourceKind } from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { emit, outputFor } from './output-file.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';
import { MAX_PAGE } from '../shared/vocabulary.js';

type Target = Request<'notices.confirm'>;
type TargetOptions = { group?: string; contacts?: string; export?: string };

/** The batch a command names: exactly one of --group, --contacts or --export. */
function targetOf(opts: TargetOptions): Target {
  const given = [opts.group, opts.contacts, opts.export].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ServiceError('invalid', 'Name the people with exactly one of --group <id>, --contacts <id,id> or --export <disclosure id>.');
  if (opts.group !== undefined) return { groupId: opts.group };
  if (opts.export !== undefined) return { disclosureId: opts.export };
  return { contactIds: listOption(opts.contacts) };
}

const withTarget = (cmd: Command) =>
  cmd
    .option('--group <id>', "the group's current members")
    .option('--contacts <ids>', 'these contacts (comma-separated ids)')
    .option('--export <id>', 'the people one export carried (its disclosure id)');

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** What a record must hold for the channel to reach the person; the vault holds no postal address or phone number. */
const ADDRESS_FOR: Partial<Record<ContactChannel, string>> = { email: 'an email address', linkedin: 'a LinkedIn profile address' };

/**
 * A notice recorded as sent: who was skipped and why (obtained after the day, or no address for the channel), and,
 * for a channel the vault cannot check, that the record rests on the member's word.
 */
function sentText(result: Response<'notices.markSent'>, on: string, channel: ContactChannel): string {
  const address = ADDRESS_FOR[channel];
  const skipped =
    result.skipped === 0
      ? ''
      : ` ${people(result.skipped)} skipped, and still due: their data was obtained after that day` +
        (address ? `, or their record holds no ${address}, so a notice by ${channel} could not have reached them.` : ', so that notice did not cover them.');
  const word = address || result.marked === 0 ? '' : ' The vault holds no postal address or phone number: it records your word that they were sent.';
  return `${people(result.marked)} recorded as sent on ${on} by ${channel}.${skipped}${word}`;
}

function summaryText(result: Response<'notices.list'>): string {
  const groups = result.groups.map(
    (g) =>
      `${g.label}${g.groupId ? ` (${g.groupId})` : ''}: ${g.overdue} overdue, ${g.due} due, ${g.sent} sent, ${g.exempt} exempt, ${g.carriedOver} carried over (to confirm)` +
      (g.nextDue ? `; next due by ${g.nextDue}` : ''),
  );
  const rows = result.people.map(
    (p) =>
      `${p.contactId}  ${p.status}  due by ${p.dueBy}` +
      (p.day ? `  ${p.status === 'exempt' || p.exemption ? `exempt (${p.exemption}) on` : 'sent on'} ${p.day}` : '') +
      (p.channel ? ` by ${p.channel}` : '') +
      (p.version ? `, version ${p.version}` : ''),
  );
  return [...groups, ...(rows.length > 0 ? ['', ...rows] : [])].join('\n');
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ServiceError('invalid', `${what} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

export function registerNotices(program: Command): void {
  const notice = program.command('notice').description('Art. 14 privacy notices, per person: who is due, the notice text, and who was told.');

  command(notice, 'list', ['notices.list'], { isDefault: true })
    .description('Per group: how many people are due, overdue, sent, exempt or carried over; per person with --group or --contact.')
    .option('--group <id>', 'list the people of this group')
    .option('--contact <id>', 'show this person')
    .action(async (opts: VaultOptions & { group?: string; contact?: string }) => {
      const request = { ...(opts.group ? { groupId: opts.group } : {}), ...(opts.contact ? { contactId: opts.contact } : {}) };
      // Every person of the group, a page at a time (notices.list answers at most MAX_PAGE people).
      const result = await withVault(opts, async (call) => {
        const first = await call('notices.list', { ...request, limit: MAX_PAGE });
        const people = [...first.people];
        while (people.length < first.peopleTotal) {
          const next = await call('notices.list', { ...request, offset: people.length, limit: MAX_PAGE });
          if (next.people.length === 0) break;
          people.push(...next.people);
        }
        return { ...first, people };
      });
      await print(opts, result, () => summaryText(result));
    });

  command(notice, 'text', ['notices.text'])
    .description("The privacy notice for a group's people (Art. 14), as Markdown (or plain text).")
    .requiredOption('--group <id>', 'the group')
    .option('--source <kind>', `where their details came from: ${SOURCE_KINDS.join(', ')} (default: read from the group's members)`)
    .option('--version <label>', "the notice's version label, printed in it")
    .option('--plain', 'plain text instead of Markdown')
    .option('--out <file>', 'write to this new file (0600) instead of stdout')
    .option('--force', 'replace the --out file if it exists (never a vault)')
    .action(async (opts: VaultOptions & { group: string; source?: string; version?: string; plain?: boolean; out?: string; force?: boolean }) => {
      const out = outputFor(opts, opts.out); // checked before the core is called
      const source = opts.source === undefined ? undefined : oneOf<SourceKind>(opts.source, SOURCE_KINDS, '--source');
      const result = await withVault(opts, (call) => call('notices.text', { groupId: opts.group, ...(source ? { source } : {}), ...(opts.version ? { version: opts.version } : {}) }));
      await emit(out, opts.plain ? result.text : result.markdown);
    });

  withTarget(command(notice, 'sent', ['notices.markSent']))
    .description('Record that a batch was sent the notice: the day, the version and the channel (data owners). People with no email address (or LinkedIn profile) for the channel are skipped.')
    .requiredOption('--on <day>', 'the day it was sent (yyyy-mm-dd)')
    .requiredOption('--version <label>', 'the version of the notice sent')
    .requiredOption('--channel <channel>', CONTACT_CHANNELS.join(', '))
    .action(async (opts: VaultOptions & TargetOptions & { on: string; version: string; channel: string }) => {
      const request = { target: targetOf(opts), sentOn: opts.on, version: opts.version, channel: oneOf<ContactChannel>(opts.channel, CONTACT_CHANNELS, '--channel') };
      const result = await withVault(opts, (call) => call('notices.markSent', request));
      await print(opts, result, () => sentText(result, opts.on, request.channel));
    });

  withTarget(command(notice, 'exempt', ['notices.exempt']))
    .description('Record an Art. 14(5) exemption for a batch, with its ground and reason (data owners).')
    .requiredOption('--ground <ground>', ART14_EXEMPTIONS.join(', '))
    .requiredOption('--on <day>', 'the day the exemption was decided (yyyy-mm-dd)')
    .requiredOption('--reason <text>', 'why the exemption applies to these people')
    .option('--dpia <reference>', 'the DPIA that weighed the effort (required for disproportionate-effort)')
    .option('--published-at <where>', 'where the notice is made public (required for disproportionate-effort)')
    .action(async (opts: VaultOptions & TargetOptions & { ground: string; on: string; reason: string; dpia?: string; publishedAt?: string }) => {
      const request = {
        target: targetOf(opts),
        ground: oneOf<Art14Exemption>(opts.ground, ART14_EXEMPTIONS, '--ground'),
        decidedOn: opts.on,
        reason: opts.reason,
        ...(opts.dpia !== undefined ? { dpiaReference: opts.dpia } : {}),
        ...(opts.publishedAt !== undefined ? { publishedAt: opts.publishedAt } : {}),
      };
      const result = await withVault(opts, (call) => call('notices.exempt', request));
      await print(
        opts,
        result,
        () =>
          `${people(result.marked)} recorded as exempt (${request.ground}) from ${opts.on}.` +
          (result.skipped === 0 ? '' : ` ${people(result.skipped)} skipped: already told (their sent notice is kept), or their data was obtained after that day.`),
      );
    });

  withTarget(command(notice, 'confirm', ['notices.confirm']))
    .description('Confirm notices carried over from a group record, so they count (data owners).')
    .action(async (opts: VaultOptions & TargetOptions) => {
      const result = await withVault(opts, (call) => call('notices.confirm', targetOf(opts)));
      await print(
        opts,
        result,
        () => `${people(result.confirmed)} confirmed as told. A carried-over exemption is not confirmed: record it again with \`notice exempt\` and its Art. 14(5) ground.`,
      );
    });
}
