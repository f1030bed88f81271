// Named statement boundaries of the long writes (destruction.ts, app/use-cases/commit-import.ts), where an optional
// hook is told each time a run reaches one; the crash tests' child processes die there. Production passes no hook.

/** purgeDue: the transaction begun; before each batch of deletes, the COMMIT, each WAL checkpoint and the VACUUM. */
export const PURGE_POINTS = ['begin', 'delete', 'commit', 'checkpoint', 'vacuum'] as const;
/** commitImport: the transaction begun; at every RECORDS_PER_POINT-th record; before the audit entry and COMMIT. */
export const IMPORT_POINTS = ['begin', 'records', 'commit'] as const;
export const RECORDS_PER_POINT = 1_000;

export type PurgePoint = (typeof PURGE_POINTS)[number];
export type ImportPoint = (typeof IMPORT_POINTS)[number];

export interface CrashHooks<P extends string> {
  /** The run has reached `point` for the `n`-th time (from 1). */
  at(point: P, n: number): void;
}

/** A run's counter: `reach(point)` tells the hook, if any, with that point's count so far. */
export function crashPoints<P extends string>(hooks: CrashHooks<P> | undefined): (point: P) => void {
  if (!hooks) return () => {};
  const seen = new Map<P, number>();
  return (point) => {
    const n = (seen.get(point) ?? 0) + 1;
    seen.set(point, n);
    hooks.at(point, n);
  };
}
