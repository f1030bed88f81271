// Keeps the scheduled destruction apart from the renderer's requests. They share one SQLite connection, and a
// request that holds a transaction across awaits (an import) must not see a destruction's BEGIN, VACUUM or
// ROLLBACK land in the middle of it. The core runs requests one at a time already (src/app/request-queue.ts); the
// gate adds that the job waits for the requests in flight, and requests that arrive meanwhile wait for the job.
import type { Route } from '../src/api/router.js';

export class JobGate {
  private active = 0;
  private drained: (() => void)[] = [];
  private job: Promise<void> | null = null;

  /** Requests in progress. */
  get inFlight(): number {
    return this.active;
  }

  /** Whether a job holds (or waits for) the gate. */
  get jobPending(): boolean {
    return this.job !== null;
  }

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.job) await this.job;
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      if (this.active === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.job;
    const run = (async () => {
      if (before) await before;
      while (this.active > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
      return fn();
    })();
    const settled = run.then(
      () => {},
      () => {},
    );
    this.job = settled;
    void settled.then(() => {
      if (this.job === settled) this.job = null;
    });
    return run;
  }

  /** `route` with each request run as a shared holder of the gate. */
  wrap(route: Route): Route {
    return (channel, payload, onProgress) => this.shared(() => route(channel, payload, onProgress));
  }
}
