// Cancelling a long task (issue 13): an import, or a change that regroups every contact. The request to cancel must
// not wait in the request queue behind the task it stops, and in the desktop app the task runs on the core's worker
// thread, whose event loop does not turn while a synchronous batch loop runs. So the flag is one word of shared
// memory: the calling thread sets it (src/api/worker-route.ts, or AppService.call in process), and the task reads it
// between batches (TaskContext.step) and stops by throwing, which rolls its whole transaction back: a cancelled task
// changes nothing.
import type { Channel } from '../api/contract.js';
import { ServiceError } from '../shared/errors.js';
import type { TaskContext } from '../shared/task.js';

export { CANCELLABLE, NO_TASK, type TaskContext } from '../shared/task.js';

export class Cancellation {
  constructor(readonly flag: Int32Array = new Int32Array(new SharedArrayBuffer(4))) {}

  /** A new task begins: an old request does not cancel it. */
  reset(): void {
    Atomics.store(this.flag, 0, 0);
  }

  request(): void {
    Atomics.store(this.flag, 0, 1);
  }

  get requested(): boolean {
    return Atomics.load(this.flag, 0) === 1;
  }

  /** The form import's reader takes (src/import/read-export.ts): an AbortSignal's two members it reads. */
  asSignal(): AbortSignal {
    const flag = this.flag;
    return {
      get aborted() {
        return Atomics.load(flag, 0) === 1;
      },
      throwIfAborted() {
        if (Atomics.load(flag, 0) === 1) throw cancelled();
      },
    } as AbortSignal;
  }
}

export const cancelled = (): ServiceError => new ServiceError('cancelled', 'Cancelled: nothing was changed.');

/** The task context of one request on `channel`. */
export function taskContext(channel: Channel, progress: (p: { task: Channel; done: number; total: number }) => void, cancellation: Cancellation): TaskContext {
  return {
    step(done, total) {
      progress({ task: channel, done, total });
      if (cancellation.requested) throw cancelled();
    },
  };
}
