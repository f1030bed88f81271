// What a use case that walks every contact reports as it goes, and where it learns it should stop (issue 13). The
// app layer makes one per request (src/app/cancellation.ts); the vault holds it for the request running now.

export interface TaskContext {
  /** `done` of `total` handled: report it, and throw ServiceError('cancelled') if the task was cancelled. */
  step(done: number, total: number): void;
}

export const NO_TASK: TaskContext = { step: () => {} };

/** The channels whose requests read the cancel flag: an import, and the changes that regroup every contact. */
export const CANCELLABLE: ReadonlySet<string> = new Set([
  'import.commit',
  'groups.add',
  'groups.remove',
  'policy.assign',
  'retention.set',
  'retention.default',
  'retention.remove',
  'quarantine.set',
]);
