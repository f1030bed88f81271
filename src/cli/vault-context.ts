// What every CLI command shares: the --vault, --json and --now options, the core reached in process through the
// same router as the desktop app, unlocking as the member named in the environment or at the prompt, and printing.
import type { Command } from 'commander';
import type { Channel, Progress, Request, Response } from '../api/contract.js';
import { createRouter } from '../api/router.js';
import { AppService } from '../app/app-service.js';
import { ServiceError, type ErrorCode } from '../shared/errors.js';
import { memberName, secret } from './prompt.js';
import { writeOut } from './write-out.js';

/** Stack traces of unexpected failures, for a developer: never shown to a user otherwise. */
export const DEBUG = Boolean(process.env.CONTACT_SANITIZER_DEBUG);
export const DEBUG_HINT = 'Run it again with CONTACT_SANITIZER_DEBUG=1 to see the details.';

/** What the command line adds to the core's sentence for some refusals: how to go on from here. */
const HINTS: Partial<Record<ErrorCode, string>> = {
  ...(DEBUG ? {} : { failed: DEBUG_HINT }),
  unconfirmed: 'Add --yes to go ahead, or --dry-run to see the numbers without changing anything.',
};

export interface VaultOptions {
  vault?: string;
  json?: boolean;
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
    .option('--json', 'print one JSON object on stdout');
}

export function vaultPath(opts: VaultOptions): string {
  const path = opts.vault ?? process.env.CONTACT_SANITIZER_VAULT;
  if (!path) throw new ServiceError('invalid', 'Name the vault with --vault <path> or CONTACT_SANITIZER_VAULT.');
  return path;
}

/** The core in this process, on the real clock, behind the router every front end uses; a refusal becomes a ServiceError. */
export async function withCore<T>(fn: (call: Call) => Promise<T>): Promise<T> {
  const service = new AppService(busyTimeout());
  const route = createRouter(service, (channel, err) => {
    if (DEBUG) process.stderr.write(`contact-sanitizer: unexpected failure in ${channel}: ${(err as Error)?.stack ?? String(err)}\n`);
  });
  const call: Call = async (channel, request, progress) => {
    const result = await route(channel, request, progress);
    if (!result.ok) throw new ServiceError(result.code, `${result.message}${HINTS[result.code] ? ` ${HINTS[result.code]}` : ''}`);
    return result.value as Response<typeof channel>;
  };
  try {
    return await fn(call);
  } finally {
    service.close();
  }
}

/** How long to wait for another command that is changing the vault (CONTACT_SANITIZER_BUSY_TIMEOUT_MS). */
function busyTimeout(): { busyTimeoutMs?: number } {
  const text = process.env.CONTACT_SANITIZER_BUSY_TIMEOUT_MS;
  if (text === undefined) return {};
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000) throw new ServiceError('invalid', 'CONTACT_SANITIZER_BUSY_TIMEOUT_MS is a whole number of milliseconds from 0 to 3600000.');
  return { busyTimeoutMs: ms };
}

/** Unlock the vault as the member named in the environment or at the prompt, run, then lock and close. */
export async function withVault<T>(opts: VaultOptions, fn: (call: Call) => Promise<T>, known: { passphrase?: string; cancellable?: boolean } = {}): Promise<T> {
  const path = vaultPath(opts);
  return withCore(async (call) => {
    const name = await memberName();
    const passphrase = known.passphrase ?? (await secret('CONTACT_SANITIZER_PASSPHRASE', 'Passphrase: '));
    await call('vault.unlock', { path, name, passphrase });
    // For a task that yields to the event loop between chunks (an import), Ctrl-C asks the core to cancel it
    // (src/app/cancellation.ts): it stops and changes nothing (exit 130); a second Ctrl-C quits at once. Every other
    // command keeps Node's default: Ctrl-C ends the process and SQLite rolls back what was not committed (a
    // synchronous regrouping could not read the request before it committed).
    if (!known.cancellable) {
      try {
        return await fn(call);
      } finally {
        await call('vault.lock', {});
      }
    }
    let interrupts = 0;
    const interrupt = () => {
      if (++interrupts > 1) process.exit(130);
      process.stderr.write('Cancelling… (Ctrl-C again to quit at once)\n');
      void call('task.cancel', {});
    };
    process.on('SIGINT', interrupt);
    try {
      return await fn(call);
    } finally {
      process.off('SIGINT', interrupt);
      await call('vault.lock', {});
    }
  });
}

/** Print a result: JSON for programs, the text for people. */
export async function print(opts: VaultOptions, value: unknown, text: () => string): Promise<void> {
  await writeOut(opts.json ? `${JSON.stringify(value)}\n` : `${text()}\n`);
}
