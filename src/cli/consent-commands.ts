// `contact-sanitizer consent add|import|list|withdraw|confirm`: consent per person (Art. 7). A record is added by hand
// or imported from a CSV (lines matching nobody, or invalid, are reported by number), listed, withdrawn (the person is
// then suppressed for that purpose, Art. 7(3)), and confirmed when it was carried over from a group record.
import type { Command } from 'commander';
import type { Request, Response } from '../api/contract.js';
import { ConsentInputSchema, isoDay } from '../api/schemas.js';
import { ServiceError } from '../shared/errors.js';
import { CONSENT_METHODS, type ConsentMethod } from '../shared/vocabulary.js';
import { listOption } from './list-option.js';
import { personOf, withPersonOptions, type PersonOptions } from './person-option.js';
import { command, print, withVault, type VaultOptions } from './vault-context.js';

type ConsentOptions = { purpose?: string; channels?: string; obtained?: string; method?: string; wording?: string; wordingVersion?: string; proof?: string; explicit?: boolean };


const OPTION_OF: Record<string, string> = {
  purpose: '--purpose',
  channels: '--channels',
  obtainedAt: '--obtained',
  method: '--method',
  wording: '--wording',
  wordingVersion: '--wording-version',
  proof: '--proof',
};

/** The consent as the options give it, checked by the contract's schema before the vault is unlocked. */
function consentOf(opts: ConsentOptions): Request<'consent.add'>['consent'] {
  const parsed = ConsentInputSchema.safeParse({
    purpose: opts.purpose,
    channels: (opts.channels ?? '').split(/[;,]/).map((c) => c.trim()).filter(Boolean),
    obtainedAt: opts.obtained ?? '',
    method: opts.method,
    wording: opts.wording,
    wordingVersion: opts.wordingVersion,
    proof: opts.proof,
    explicit: opts.explicit === true,
  });
  if (!parsed.success) throw new ServiceError('invalid', `${parsed.error.issues.map((i) => `${OPTION_OF[String(i.path[0])] ?? 'consent'}: ${i.message}`).join('; ')}.`);
  return parsed.data;
}

function methodOf(value: string | undefined): ConsentMethod {
  if (value === undefined) throw new ServiceError('invalid', `Say how the person withdrew with --method: one of ${CONSENT_METHODS.join(', ')}.`);
  if (!(CONSENT_METHODS as readonly string[]).includes(value)) throw new ServiceError('invalid', `--method: how consent was withdrawn is one of ${CONSENT_METHODS.join(', ')}.`);
  return value as ConsentMethod;
}

const lineList = (lines: number[]) => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

function importText(r: Response<'consent.import'>): string {
  const out = [`${r.applied ? 'Added' : 'Dry run: would add'} ${r.added} of ${r.lines} consent ${r.lines === 1 ? 'line' : 'lines'}.`];
  if (r.unmatched.length > 0) out.push(`No contact in the vault matches ${lineList(r.unmatched)}: import those people first, or check their email or profile URL.`);
  if (r.invalid.length > 0) out.push(`Left out ${r.invalid.length === 1 ? '1 line' : `${r.invalid.length} lines`}:`, ...r.invalid.map((i) => `  line ${i.line}: ${i.message}.`));
  if (!r.applied) out.push('Nothing was changed.');
  return out.join('\n');
}

function stateOf(c: Response<'consent.list'>[number]): string {
  if (c.withdrawnAt) return `withdrawn on ${c.withdrawnAt}${c.withdrawalMethod ? ` (${c.withdrawalMethod})` : ''}`;
  if (!c.confirmed) return 'carried over from the group record: not live until confirmed';
  return 'live';
}

export function registerConsent(program: Command): void {
  const consent = program.command('consent').description('Consent per person (Art. 7): record, import, list, withdraw, confirm.');

  withPersonOptions(command(consent, 'add', ['consent.add']))
    .description('Record one consent a person gave (data owners).')
    .requiredOption('--purpose <purpose>', 'what they consented to: email-marketing, prospecting, recruitment, networking, account-management, events, other')
    .requiredOption('--channels <list>', 'email, sms, phone, post, linkedin (comma-separated)')
    .requiredOption('--obtained <yyyy-mm-dd>', 'the day consent was given')
    .requiredOption('--method <method>', `how: ${CONSENT_METHODS.join(', ')}`)
    .requiredOption('--wording <text>', 'the exact statement they agreed to')
    .requiredOption('--wording-version <version>', 'the version of that statement')
    .requiredOption('--proof <reference>', 'where the proof is kept (a form submission id, a call recording, an email)')
    .option('--explicit', 'explicit consent (UK GDPR Art. 9(2)(a)): the statement expressly covers their special-category data')
    .action(async (opts: VaultOptions & PersonOptions & ConsentOptions) => {
      const request = { person: personOf(opts), consent: consentOf(opts) };
      const { consentId } = await withVault(opts, (call) => call('consent.add', request));
      await print(opts, { consentId }, () => `${opts.explicit === true ? 'Explicit consent' : 'Consent'} recorded (${consentId}).`);
    });

  command(consent, 'import <file>', ['consent.import'])
    .description('Import consent records from a CSV, matched to contacts by email or profile URL (data owners).')
    .option('--dry-run', 'report what would be added; change nothing')
    .action(async (file: string, opts: VaultOptions & { dryRun?: boolean }) => {
      const result = await withVault(opts, (call) => call('consent.import', { path: file, dryRun: opts.dryRun === true }));
      await print(opts, result, () => importText(result));
    });

  command(consent, 'list', ['consent.list'], { isDefault: true })
    .description("The consent records of one contact, of a group's current members, or all.")
    .option('--contact <id>', 'this contact only')
    .option('--group <id>', "the group's current members only")
    .action(async (opts: VaultOptions & { contact?: string; group?: string }) => {
      const consents = await withVault(opts, (call) => call('consent.list', { ...(opts.contact ? { contactId: opts.contact } : {}), ...(opts.group ? { groupId: opts.group } : {}) }));
      await print(
        opts,
        { consents },
        () =>
          consents.map((c) => `${c.id}  contact ${c.contactId}  ${c.explicit ? 'explicit ' : ''}${c.purpose} by ${c.channels.join(', ')}  obtained ${c.obtainedAt} (${c.method}, wording ${c.wordingVersion})  ${stateOf(c)}`).join('\n') ||
          'No consent records.',
      );
    });

  command(consent, 'withdraw <consentId>', ['consent.withdraw'])
    .description('Record that a person withdrew a consent (Art. 7(3)): they are suppressed for its purpose at once.')
    .requiredOption('--method <method>', `how they withdrew: ${CONSENT_METHODS.join(', ')}`)
    .option('--on <yyyy-mm-dd>', 'the day they withdrew (default: today)')
    .action(async (consentId: string, opts: VaultOptions & { method?: string; on?: string }) => {
      if (opts.on !== undefined && !isoDay.safeParse(opts.on).success) throw new ServiceError('invalid', '--on: the day of withdrawal, written yyyy-mm-dd.');
      const request = { consentId, method: methodOf(opts.method), ...(opts.on !== undefined ? { withdrawnAt: opts.on } : {}) };
      const { suppressionId } = await withVault(opts, (call) => call('consent.withdraw', request));
      await print(opts, { suppressionId }, () => `Consent ${consentId} withdrawn: the person is suppressed for its purpose from now on (suppression ${suppressionId}).`);
    });

  command(consent, 'confirm [consentIds...]', ['consent.confirm'])
    .description('Confirm consent records carried over from a group record, by id or for a whole group (data owners).')
    .option('--group <id>', "every carried-over record of the group's current members")
    .action(async (ids: string[], opts: VaultOptions & { group?: string }) => {
      const consentIds = ids.flatMap((id) => listOption(id));
      if ((opts.group !== undefined) === consentIds.length > 0) throw new ServiceError('invalid', 'Name the records to confirm: either --group <id> or their consent ids, not both.');
      const request: Request<'consent.confirm'> = opts.group !== undefined ? { groupId: opts.group } : { consentIds };
      const { confirmed } = await withVault(opts, (call) => call('consent.confirm', request));
      await print(opts, { confirmed }, () => `${confirmed === 1 ? '1 carried-over consent record' : `${confirmed} carried-over consent records`} confirmed: they count from now on.`);
    });
}
