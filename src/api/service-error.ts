// The one error a use case throws on purpose: a code a program can branch on and one sentence for a person.
export type ServiceErrorCode =
  | 'wrong-role'
  | 'wrong-secret'
  | 'not-found'
  | 'invalid'
  | 'guardrail'
  | 'integrity'
  | 'conflict'
  | 'unreadable'
  | 'locked';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
