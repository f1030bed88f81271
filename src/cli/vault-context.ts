// What every CLI command shares: the --vault, --json and --now options, the core reached in process through the
// same router as the desktop app, unlocking as the member named in the environment or at the prompt, and printing.
import type { Command } from 'commander';
import type { Channel, Progress, Request, Response } from '../api/contract.js';
import { createRouter } from '../api/router.js';
import { AppService } from '../app/app-service.js';
import { ServiceError } from '../shared/errors.js';
import { memberName, secret } from './prompt.js';
import { writeOut } from './write-out.js';

/** Stack traces of unexpected failures, for a developer: never shown to a user otherwise. */
export const DEBUG = Boolean(process.env.CONTACT_SANITIZER_DEBUG);
export const DEBUG_HINT = 'Run it again with CONTACT_SANITIZER_DEBUG=1 to see the details.';

export interface VaultOptions {
  vault?: string;
  json?: boolean;
  now?: string;
}

export type Call = <C extends Channel>(channel: C, request: Request<C>, progress?: (p: Progress) => void) => Promise<Response<C>>;

/** Which channels each command calls: the CLI's half of the parity table (docs/cli.md), read by its test. */
const CHANNELS_OF = new WeakMap<Command, readonly Channel[]>();

/** A subcommand that calls these channels of the contract. */
export function command(parent: Command, nameAndArgs: string, channels: readonly Channel[], options: { isDefault?: boolean; vault?: boolean } = {}): Command {
  const cmd = parent.command(nameAndArgs, options.isDefault ? { isDefault: true } : {});
  CHANNELS_OF.set(cmd, channels);
  return options.vault === false ? cmd : withVaultOptions(cmd);
}

export function channelsOf(cmd: Command): readonly Channel[] {
  return CHANNELS_OF.get(cmd) ?? [];
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

function clock(opts: VaultOptions): (() => Date) | undefined {
  if (!opts.now) return undefined;
  const fixed = new Date(opts.now);
  if (Number.isNaN(fixed.getTime())) throw new ServiceError('invalid', `--now "${opts.now}" is not a date and time (use ISO 8601, e.g. 2027-01-31T09:00:00Z).`);
  return () => fixed;
}

/** The core in this process, behind the router every front end uses; a refusal becomes a ServiceError. */
export async function withCore<T>(opts: VaultOptions, fn: (call: Call) => Promise<T>): Promise<T> {
  const now = clock(opts);
  const service = new AppService(now ? { now } : {});
  const route = createRouter(service, (channel, err) => {
    if (DEBUG) process.stderr.write(`contact-sanitizer: unexpected failure in ${channel}: ${(err as Error)?.stack ?? String(err)}\n`);
  });
  const call: Call = async (channel, request, progress) => {
    const result = await route(channel, request, progress);
    if (!result.ok) throw new ServiceError(result.code, result.code === 'failed' && !DEBUG ? `${result.message} ${DEBUG_HINT}` : result.message);
    return result.value as Response<typeof channel>;
  };
  try {
    return await fn(call);
  } finally {
    service.close();
  }
}

/** Unlock the vault as the member named in the environment or at the prompt, run, then lock and close. */
export async function withVault<T>(opts: VaultOptions, fn: (call: Call) => Promise<T>, known: { passphrase?: string } = {}): Promise<T> {
  const path = vaultPath(opts);
  return withCore(opts, async (call) => {
    const name = await memberName();
    const passphrase = known.passphrase ?? (await secret('CONTACT_SANITIZER_PASSPHRASE', 'Passphrase: '));
    await call('vault.unlock', { path, name, passphrase });
    try {
      return await fn(call);
    } finally {
      await call('vault.lock', {});
    }
  });
}

/** Print a result: JSON for programs, the text for people. */
export async function print(opts: VaultOptions, value: unknown, text: () => string): Promise<void> {
  await writeOut(opts.json ? `${JSON.stringify(value)}\n` : `${text()}\n`);
}
