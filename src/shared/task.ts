// What a use case that walks every contact reports as it goes, and where it learns it should stop (issue 13). The
// app layer makes one per request (src/app/cancellation.ts); the vault holds it for the request running now.

export interface TaskContext {
  /** `done` of `total` handled: report it, and throw ServiceError('cancelled') if the task was cancelled. */
  step(done: number, total: number): void;
}

export const NO_TASK: TaskContext = { step: () => {} };

/**
 * The channels whose requests read the cancel flag: an import, the changes that regroup every contact, and the
 * documents that read every contact (a CRM export, its preview, the Art. 30 record).
 */
export const CANCELLABLE: ReadonlySet<string> = new Set([
  'import.commit',
  'export.crm',
  'export.preview',
  'report.art30',
  'groups.add',
  'groups.remove',
  'groups.update',
  'groups.reorder',
  'policy.assign',
  'retention.set',
  'retention.default',
  'retention.remove',
  'quarantine.set',
]);

/** How often a walk over every contact reports: every this many contacts. */
export const REPORT_EVERY = 1000;

/** Walk `items` (`total` of them), reporting to `task` every REPORT_EVERY and at the end: a cancelled task stops there. */
export function* reported<T>(items: Iterable<T>, total: number, task: TaskContext): Generator<T> {
  let done = 0;
  for (const item of items) {
    yield item;
    if (++done % REPORT_EVERY === 0) task.step(done, total);
  }
  task.step(done, total);
}
