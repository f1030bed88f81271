// Secrets for the command line: from the environment (for scripts), else asked on the terminal without echo.
import { createInterface } from 'node:readline';
import { ServiceError } from '../shared/errors.js';

export async function ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  if (!process.stdin.isTTY) throw new ServiceError('invalid', `${question.replace(/:\s*$/, '')} is needed: set it in the environment, or run the command in a terminal.`);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (options.hidden) {
    // Echo nothing while the secret is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stderr.write(s);
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    if (options.hidden) process.stderr.write('\n');
    rl.close();
  }
}

export async function secret(envName: string, question: string): Promise<string> {
  return process.env[envName] ?? ask(question, { hidden: true });
}

export async function memberName(): Promise<string> {
  return process.env.CONTACT_SANITIZER_MEMBER ?? ask('Member name: ');
}

/** A new passphrase: from the environment, or typed twice at the prompt. */
export async function newPassphrase(envName: string): Promise<string> {
  const given = process.env[envName];
  if (given !== undefined) return given;
  const passphrase = await ask('New passphrase (12 characters or more): ', { hidden: true });
  if ((await ask('Type it again: ', { hidden: true })) !== passphrase) throw new ServiceError('invalid', 'The two passphrases differ.');
  return passphrase;
}
