// A Route (see router.ts) that runs the core in a worker thread and forwards requests and progress by message.
// Same contract, same answers; the calling thread stays free while the core works.
import { Worker } from 'node:worker_threads';
import type { Progress, Result } from './contract.js';
import type { FromWorker, ToWorker } from './core-worker.js';
import type { Route } from './router.js';
import { CANCELLABLE } from '../shared/task.js';

export interface WorkerRoute extends Route {
  /** Lock the vault and stop the worker. */
  close(): Promise<void>;
}

export function createWorkerRoute(workerUrl: URL): WorkerRoute {
  // The cancel flag the worker's core reads between batches (src/app/cancellation.ts): a cancel is answered here, at
  // once, since the worker's own event loop does not turn while it runs a task.
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl, { workerData: { cancelFlag } });
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; progress: (p: Progress) => void; channel?: string; reporting?: true }>();
  let nextId = 1;
  let failure: string | null = null;
  const failAll = (message: string) => {
    failure = message;
    for (const p of pending.values()) p.resolve({ ok: false, code: 'failed', message });
    pending.clear();
  };
  worker.on('message', (m: FromWorker) => {
    const waiting = pending.get(m.id);
    if (!waiting) return;
    if ('progress' in m) {
      waiting.reporting = true;
      waiting.progress(m.progress);
    }
    else if ('result' in m) {
      pending.delete(m.id);
      waiting.resolve(m.result);
    } else {
      pending.delete(m.id);
      waiting.resolve({ ok: true, value: null });
    }
  });
  worker.on('error', (err) => failAll(`The app's core stopped (${err.message}): restart the app; nothing unsaved was kept.`));
  worker.on('exit', () => failAll("The app's core has stopped: restart the app."));

  const send = (message: ToWorker, progress: (p: Progress) => void = () => {}): Promise<Result<unknown>> => {
    if (failure) return Promise.resolve({ ok: false, code: 'failed', message: failure });
    return new Promise((resolve) => {
      pending.set(message.id, { resolve, progress, ...('channel' in message ? { channel: message.channel } : {}) });
      worker.postMessage(message);
    });
  };
  const route = ((channel: string, payload: unknown, onProgress?: (p: Progress) => void) => {
    if (channel !== 'task.cancel') return send({ id: nextId++, channel, payload }, onProgress);
    // Only a task that reads the flag and has begun (reported progress) is cancelled: a flag set before it starts
    // would be cleared when it does.
    const cancelling = [...pending.values()].some((p) => p.reporting && p.channel !== undefined && CANCELLABLE.has(p.channel));
    if (cancelling) Atomics.store(cancelFlag, 0, 1);
    return Promise.resolve({ ok: true, value: { cancelling } });
  }) as WorkerRoute;
  route.close = async () => {
    if (!failure) await send({ id: nextId++, close: true });
    await worker.terminate();
  };
  return route;
}
