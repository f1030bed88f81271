// What every vault command shares: the --vault and --json options, opening and unlocking, and printing.
import type { Command } from 'commander';
import { ServiceError } from '../shared/errors.js';
import { Vault } from '../vault/vault.js';
import type { Session } from '../vault/session.js';
import { memberName, secret } from './prompt.js';
import { writeOut } from './write-out.js';

export interface VaultOptions {
  vault?: string;
  json?: boolean;
  now?: string;
}

export function withVaultOptions(cmd: Command): Command {
  return cmd
    .option('--vault <path>', 'the vault file (default: $CONTACT_SANITIZER_VAULT)')
    .option('--json', 'print one JSON object on stdout')
    .option('--now <time>', 'the current time, for testing schedules (ISO 8601)');
}

export function vaultPath(opts: VaultOptions): string {
  const path = opts.vault ?? process.env.CONTACT_SANITIZER_VAULT;
  if (!path) throw new ServiceError('invalid', 'Name the vault with --vault <path> or CONTACT_SANITIZER_VAULT.');
  return path;
}

export function clock(opts: VaultOptions): (() => Date) | undefined {
  if (!opts.now) return undefined;
  const fixed = new Date(opts.now);
  if (Number.isNaN(fixed.getTime())) throw new ServiceError('invalid', `--now "${opts.now}" is not a date and time (use ISO 8601, e.g. 2027-01-31T09:00:00Z).`);
  return () => fixed;
}

/** Open the vault and unlock it as the member named in the environment or at the prompt; lock and close after. */
export async function withSession<T>(opts: VaultOptions, fn: (session: Session) => Promise<T> | T): Promise<T> {
  const now = clock(opts);
  const vault = Vault.open(vaultPath(opts), now ? { now } : {});
  try {
    const name = await memberName();
    const passphrase = await secret('CONTACT_SANITIZER_PASSPHRASE', 'Passphrase: ');
    const session = await vault.unlock(name, passphrase);
    try {
      return await fn(session);
    } finally {
      session.lock();
    }
  } finally {
    vault.close();
  }
}

/** Print a result: JSON for programs, the text for people. */
export async function print(opts: VaultOptions, value: unknown, text: () => string): Promise<void> {
  await writeOut(opts.json ? `${JSON.stringify(value)}\n` : `${text()}\n`);
}
