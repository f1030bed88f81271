// `contact-sanitizer subscriber list|confirm`, `soft-opt-in add`, `tps record|list`: what PECR asks the controller to
// know and keep before marketing: each contact's subscriber type (inferred with its reason, confirmed by a person), the
// soft opt-ins (reg. 22(3)), and the TPS/CTPS screenings a phone campaign needs (reg. 21(1)(b), 21(4)).
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';
import {
  SOFT_OPT_IN_CHANNELS,
  SOFT_OPT_IN_CONTEXTS,
  SUBSCRIBER_ENTITIES,
  TPS_LISTS,
  type SoftOptInChannel,
  type SoftOptInContext,
  type SubscriberEntity,
  type TpsList,
} from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { personOf, withPersonOptions, type PersonOptions } from './person-option.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';
import { everyItem } from './pages.js';



function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ServiceError('invalid', `${what} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

const TYPE_WORDS = { 'likely-corporate': 'likely corporate', 'likely-individual': 'likely individual', unknown: 'unknown (treated as individual)' } as const;

function subscriberLine(s: Response<'subscribers.list'>['subscribers'][number]): string {
  const confirmed = s.confirmed
    ? `confirmed ${s.confirmed.type} (${s.confirmed.entity}${s.confirmed.companyNumber ? `, ${s.confirmed.companyNumber}` : ''}) for ${s.confirmed.by === 'contact' ? 'this contact' : 'the company'} on ${s.confirmed.confirmedAt.slice(0, 10)}`
    : 'not confirmed';
  const softOptIn = s.softOptIn.length > 0 ? `  soft opt-in: ${s.softOptIn.join(', ')}` : '';
  return `${s.contactId}  ${s.name}${s.company ? `, ${s.company}` : ''}  ${TYPE_WORDS[s.inferred]}: ${s.reason}  ${confirmed}  treated as ${s.treatedAs}${softOptIn}`;
}

const screeningLine = (s: Response<'tps.list'>['screenings'][number]) =>
  `${s.id}  ${s.screenedOn}  ${s.list.toUpperCase()} list ${s.listVersion}${s.provider ? ` (${s.provider})` : ''}`;

export function registerMarketing(program: Command): void {
  const subscriber = program.command('subscriber').description('Subscriber types under PECR: inferred with the reason, confirmed per contact or per company.');

  command(subscriber, 'list', ['subscribers.list'], { isDefault: true })
    .description('Each contact: the type the data suggests and why, the type confirmed and how, and what the rules apply.')
    .option('--contact <id>', 'this contact only')
    .option('--group <id>', "the group's current members only")
    .action(async (opts: VaultOptions & { contact?: string; group?: string }) => {
      const filter = { ...(opts.contact ? { contactId: opts.contact } : {}), ...(opts.group ? { groupId: opts.group } : {}) };
      const subscribers = await withVault(opts, (call) =>
        everyItem(async (offset, limit) => {
          const page = await call('subscribers.list', { ...filter, offset, limit });
          return { total: page.total, items: page.subscribers };
        }),
      );
      await print(opts, { subscribers }, () => subscribers.map(subscriberLine).join('\n') || 'No contacts.');
    });

  command(subscriber, 'confirm', ['subscribers.confirm'])
    .description('Confirm a subscriber type for one contact, or for everyone at a company (data owners).')
    .option('--contact <id>', 'the contact (from contacts list)')
    .option('--company <name>', 'everyone whose company has this name')
    .requiredOption('--entity <entity>', `${SUBSCRIBER_ENTITIES.join(', ')} (company, llp and scottish-partnership are corporate subscribers)`)
    .option('--company-number <number>', 'its Companies House number (8 characters)')
    .option('--note <text>', 'how you know (kept encrypted)')
    .action(async (opts: VaultOptions & { contact?: string; company?: string; entity: string; companyNumber?: string; note?: string }) => {
      if ((opts.contact === undefined) === (opts.company === undefined)) throw new ServiceError('invalid', 'Name exactly one of --contact <id> or --company <name>.');
      const fields = {
        entity: oneOf<SubscriberEntity>(opts.entity, SUBSCRIBER_ENTITIES, '--entity'),
        ...(opts.companyNumber !== undefined ? { companyNumber: opts.companyNumber } : {}),
        ...(opts.note !== undefined ? { note: opts.note } : {}),
      };
      const request: Request<'subscribers.confirm'> = opts.contact !== undefined ? { contactId: opts.contact, ...fields } : { company: opts.company!, ...fields };
      const result = await withVault(opts, (call) => call('subscribers.confirm', request));
      await print(opts, result, () => `Confirmed: a ${result.type} subscriber (${result.contacts === 1 ? '1 contact' : `${result.contacts} contacts`} now).`);
    });

  const softOptIn = program.command('soft-opt-in').description('Soft opt-ins (PECR reg. 22(3)): details obtained in a sale or negotiations, similar products only.');
  withPersonOptions(command(softOptIn, 'add', ['softOptIn.add']))
    .description('Record a soft opt-in for one person (data owners).')
    .requiredOption('--channels <list>', `${SOFT_OPT_IN_CHANNELS.join(', ')} (comma-separated)`)
    .requiredOption('--obtained <yyyy-mm-dd>', 'the day their details were obtained')
    .requiredOption('--context <context>', `${SOFT_OPT_IN_CONTEXTS.join(' or ')}: where the details were obtained`)
    .requiredOption('--products <text>', 'the products or services they bought or asked about (kept encrypted)')
    .requiredOption('--refusal-offered <text>', 'how they were given a simple way to refuse marketing then (kept encrypted)')
    .action(async (opts: VaultOptions & PersonOptions & { channels: string; obtained: string; context: string; products: string; refusalOffered: string }) => {
      const request: Request<'softOptIn.add'> = {
        person: personOf(opts),
        channels: listOption(opts.channels).map((c) => oneOf<SoftOptInChannel>(c, SOFT_OPT_IN_CHANNELS, '--channels')),
        obtainedAt: opts.obtained,
        context: oneOf<SoftOptInContext>(opts.context, SOFT_OPT_IN_CONTEXTS, '--context'),
        products: opts.products,
        refusalOffered: opts.refusalOffered,
      };
      const { softOptInId } = await withVault(opts, (call) => call('softOptIn.add', request));
      await print(opts, { softOptInId }, () => `Soft opt-in recorded (${softOptInId}).`);
    });

  const tps = program.command('tps').description('TPS/CTPS screenings (PECR reg. 21(1)(b), 21(4)): recorded, not fetched; a phone export needs one within 28 days.');
  command(tps, 'record', ['tps.record'])
    .description('Record that the phone list was screened (data owners and admins).')
    .requiredOption('--on <yyyy-mm-dd>', 'the day it was screened')
    .requiredOption('--list <list>', TPS_LISTS.join(', '))
    .requiredOption('--list-version <version>', 'the version (or date) of the register screened against')
    .option('--provider <name>', 'who screened it')
    .action(async (opts: VaultOptions & { on: string; list: string; listVersion: string; provider?: string }) => {
      const request: Request<'tps.record'> = { screenedOn: opts.on, list: oneOf<TpsList>(opts.list, TPS_LISTS, '--list'), listVersion: opts.listVersion, ...(opts.provider ? { provider: opts.provider } : {}) };
      const { screeningId } = await withVault(opts, (call) => call('tps.record', request));
      await print(opts, { screeningId }, () => `Screening recorded (${screeningId}).`);
    });
  command(tps, 'list', ['tps.list'], { isDefault: true })
    .description('The screenings recorded, newest first, and until when each register covers a phone export.')
    .action(async (opts: VaultOptions) => {
      const result = await withVault(opts, (call) => call('tps.list', {}));
      const until = (d: string | null) => d ?? 'not covered';
      await print(opts, result, () =>
        [...result.screenings.map(screeningLine), `A phone export is covered for TPS until ${until(result.coveredUntil.tps)}, for CTPS until ${until(result.coveredUntil.ctps)}.`].join('\n'),
      );
    });
}
