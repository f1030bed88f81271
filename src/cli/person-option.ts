// How a command names one person: exactly one of --contact <id>, --email <address> or --profile-url <url>, as the
// contract's PersonSelectorSchema (src/api/schemas.ts) takes it. Shared by erase, access, consent add and soft-opt-in.
import type { Command } from 'commander';
import type { Request } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';

export type PersonOptions = { contact?: string; email?: string; profileUrl?: string };
export type Person = Request<'contacts.access'>;

/** The three options, on a command. */
export const withPersonOptions = (cmd: Command): Command =>
  cmd.option('--contact <id>', 'a contact id (contacts list)').option('--email <address>', 'their email').option('--profile-url <url>', 'their LinkedIn profile');

/** The person the options name; one sentence (exit 2) when none or several are given. */
export function personOf(opts: PersonOptions): Person {
  const given = [opts.contact, opts.email, opts.profileUrl].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ServiceError('invalid', 'Name the person with exactly one of --contact <id>, --email <address> or --profile-url <url>.');
  if (opts.contact !== undefined) return { contactId: opts.contact };
  if (opts.email !== undefined) return { email: opts.email };
  return { profileUrl: opts.profileUrl! };
}
