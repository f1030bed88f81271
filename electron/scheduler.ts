// The app's own daily job (scheduled destruction, Art. 5(1)(e)): due at start and then every 24 hours, per target
// (a vault). It looks at the wall clock every hour rather than trusting one 24-hour timer, which a sleeping laptop
// would stretch; a gap of days is caught up with one run, never one per missed day. Runs never overlap. Plain
// TypeScript with injected clock, timers and store, so it is tested with fake timers.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

/** When the job last ran for a target, kept across restarts (settings.ts). */
export interface LastRunStore {
  get(target: string): Date | null;
  set(target: string, at: Date): void;
}

export type SchedulerOutcome<T> =
  | { status: 'ran'; target: string; at: Date; value: T }
  | { status: 'failed'; target: string; at: Date; error: unknown };

export interface DailySchedulerOptions<T> {
  /** The job, for the current target. */
  run: (target: string) => Promise<T>;
  now: () => Date;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Told of every run that happened (or failed); not of checks that found nothing due. */
  onResult: (outcome: SchedulerOutcome<T>) => void;
  store: LastRunStore;
  /** What the job would run for now, or null when nothing can run (e.g. no vault unlocked as an admin). */
  target?: () => string | null | Promise<string | null>;
  /** How long between runs (24 h). */
  intervalMs?: number;
  /** How often the clock is looked at (1 h). */
  checkEveryMs?: number;
}

export class DailyScheduler<T = unknown> {
  private readonly intervalMs: number;
  private readonly checkEveryMs: number;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private started = false;

  constructor(private readonly options: DailySchedulerOptions<T>) {
    this.intervalMs = options.intervalMs ?? DAY_MS;
    this.checkEveryMs = options.checkEveryMs ?? HOUR_MS;
  }

  /** Check at once (the run at start), then every `checkEveryMs`. */
  start(): Promise<void> {
    if (this.started) return this.running ?? Promise.resolve();
    this.started = true;
    const first = this.check();
    this.arm();
    return first;
  }

  stop(): void {
    this.started = false;
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * Run the job if it is due for the current target: never ran, or ran `intervalMs` or more ago. Called on each
   * tick, and by the app when an admin unlocks a vault. While a run is in progress this does nothing.
   */
  check(): Promise<void> {
    if (this.running) return Promise.resolve();
    const attempt = this.attempt().finally(() => {
      this.running = null;
    });
    this.running = attempt;
    return attempt;
  }

  private async attempt(): Promise<void> {
    let target: string | null;
    try {
      target = this.options.target ? await this.options.target() : 'default';
    } catch {
      return; // not knowing the target is "nothing to do"; the next tick asks again
    }
    if (target === null) return;
    const last = this.options.store.get(target);
    const started = this.options.now();
    // A last run in the future means the clock was put back: run rather than wait out the difference.
    const due = last === null || started.getTime() - last.getTime() >= this.intervalMs || last.getTime() > started.getTime();
    if (!due) return;
    let outcome: SchedulerOutcome<T>;
    try {
      const value = await this.options.run(target);
      // Recorded only on success: a failed run is tried again at the next check.
      this.options.store.set(target, started);
      outcome = { status: 'ran', target, at: started, value };
    } catch (error) {
      outcome = { status: 'failed', target, at: started, error };
    }
    try {
      this.options.onResult(outcome);
    } catch {
      /* a listener's failure must not stop the schedule */
    }
  }

  private arm(): void {
    if (!this.started || this.timer !== null) return;
    this.timer = this.options.setTimer(() => {
      this.timer = null;
      void this.check().finally(() => this.arm());
    }, this.checkEveryMs);
  }
}
