// The command line: `contact-sanitizer <command>`. Builds what each command needs by hand and maps errors to
// one clear sentence on stderr and an exit code a script can test.
import { Command, CommanderError } from 'commander';
import { ImportError } from '../import/import-error.js';
import { ServiceError, type ServiceErrorCode } from '../api/service-error.js';
import { registerAudit } from './audit-command.js';
import { registerContacts } from './contact-commands.js';
import { registerGroups } from './group-commands.js';
import { registerImport } from './import-command.js';
import { registerInit } from './init-command.js';
import { registerInspect } from './inspect-command.js';
import { registerMembers } from './member-commands.js';
import { registerPurge } from './purge-command.js';
import { registerRequests } from './request-commands.js';
import { registerRetention } from './retention-commands.js';

export const EXIT = { ok: 0, failed: 1, unreadable: 2, refused: 3, integrity: 4, usage: 64 } as const;

const EXIT_FOR: Record<ServiceErrorCode, number> = {
  invalid: EXIT.unreadable,
  unreadable: EXIT.unreadable,
  'not-found': EXIT.unreadable,
  'wrong-role': EXIT.refused,
  'wrong-secret': EXIT.refused,
  guardrail: EXIT.refused,
  conflict: EXIT.refused,
  locked: EXIT.refused,
  integrity: EXIT.integrity,
};

export function buildProgram(): Command {
  const program = new Command('contact-sanitizer')
    .description('Make a LinkedIn connections export safe to keep under UK/EU GDPR and PECR.')
    .showHelpAfterError()
    .exitOverride();
  registerInspect(program);
  registerInit(program);
  registerMembers(program);
  registerImport(program);
  registerGroups(program);
  registerContacts(program);
  registerAudit(program);
  registerRetention(program);
  registerPurge(program);
  registerRequests(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version requests end through here too, with exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof ServiceError) {
    process.stderr.write(`contact-sanitizer: ${err.message}\n`);
    return EXIT_FOR[err.code];
  }
  if (err instanceof ImportError) {
    process.stderr.write(`contact-sanitizer: ${err.message}\n`);
    return EXIT.unreadable;
  }
  process.stderr.write(`contact-sanitizer: unexpected failure: ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.failed;
}
