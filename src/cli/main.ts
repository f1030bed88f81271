// The command line: `contact-sanitizer <command>`. Builds what each command needs by hand and maps errors to
// one clear sentence on stderr and an exit code a script can test.
import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor, ServiceError } from '../shared/errors.js';
import { DEBUG, DEBUG_HINT } from './vault-context.js';
import { registerAttention } from './attention-command.js';
import { registerAudit } from './audit-command.js';
import { registerConsent } from './consent-commands.js';
import { registerContacts } from './contact-commands.js';
import { registerGroups } from './group-commands.js';
import { registerImport } from './import-command.js';
import { registerInit } from './init-command.js';
import { registerInspect } from './inspect-command.js';
import { registerMarketing } from './marketing-commands.js';
import { registerMembers } from './member-commands.js';
import { registerNotices } from './notice-commands.js';
import { registerPurge } from './purge-command.js';
import { registerRecipients } from './recipient-commands.js';
import { registerRequests } from './request-commands.js';
import { registerRetention } from './retention-commands.js';


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
  registerConsent(program);
  registerNotices(program);
  registerRecipients(program);
  registerMarketing(program);
  registerAttention(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    process.exitCode = reportFailure(err);
  }
}

function reportFailure(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version requests end through here too, with exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof ServiceError) {
    process.stderr.write(`contact-sanitizer: ${err.message}\n`);
    return exitCodeFor(err.code);
  }
  process.stderr.write(
    DEBUG ? `contact-sanitizer: unexpected failure: ${(err as Error)?.stack ?? String(err)}\n` : `contact-sanitizer: Something went wrong; the failed step changed nothing. ${DEBUG_HINT}\n`,
  );
  return EXIT.failed;
}
