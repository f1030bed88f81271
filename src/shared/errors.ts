// Every error a person or a program can meet, defined once: the code a program branches on (the IPC answer's
// `code`), the exit code a script tests, and the one error class the core throws on purpose. Front ends print the
// message as it is: it is already one sentence for a person.

/** Each error code and the command line's exit code for it. */
export const ERROR_CODES = {
  // The request or its input cannot be used.
  invalid: 2,
  unreadable: 2,
  'not-found': 2,
  'not-a-vault': 2,
  'empty-file': 2,
  'too-large': 2,
  'not-connections': 2,
  'no-header': 2,
  'too-many-columns': 2,
  'zip-invalid': 2,
  'zip-bomb': 2,
  'zip-encrypted': 2,
  'zip-no-connections': 2,
  'zip-entry-not-found': 2,
  // Refused: who asked, what they know, or what the rules allow.
  'wrong-role': 3,
  'wrong-secret': 3,
  guardrail: 3,
  conflict: 3,
  locked: 3,
  forbidden: 3,
  // A change that would bring destruction forward, not confirmed: nothing was changed.
  unconfirmed: 3,
  // Another command holds the vault: nothing was done; try again later (sysexits' EX_TEMPFAIL).
  busy: 75,
  // The person who started a long task cancelled it: nothing was changed (128 + SIGINT, as for Ctrl-C).
  cancelled: 130,
  // The vault was changed outside the app, or a certificate does not match it.
  integrity: 4,
  // A channel that does not exist (a front end out of step with the core), or an unexpected failure.
  'unknown-channel': 1,
  failed: 1,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Exit codes of the command line that are not an error code's (see docs/cli.md). */
export const EXIT = { ok: 0, failed: 1, unreadable: 2, refused: 3, integrity: 4, destroyed: 10, usage: 64, busy: 75, cancelled: 130 } as const;

export function exitCodeFor(code: ErrorCode): number {
  return ERROR_CODES[code];
}

/** The one error a use case throws on purpose: a code a program can branch on and one sentence for a person. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

