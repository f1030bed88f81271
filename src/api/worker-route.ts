// A Route (see router.ts) that runs the core in a worker thread and forwards requests and progress by message.
// Same contract, same answers; the calling thread stays free while the core works. It also answers the core's
// questions to the OS keychain, which only the calling thread (Electron's main process) can reach.
import { Worker } from 'node:worker_threads';
import type { Progress, Result } from './contract.js';
import type { FromWorker, KeychainAnswer, KeychainAsk, ToWorker } from './core-worker.js';
import type { Route } from './router.js';
import { NO_KEYCHAIN, type KeychainProtector } from '../shared/keychain.js';
import { CANCELLABLE } from '../shared/task.js';

export interface WorkerRoute extends Route {
  /** Lock the vault and stop the worker. */
  close(): Promise<void>;
}

export interface WorkerRouteOptions {
  /** The OS keychain the core may use (the desktop: safeStorage, electron/keychain.ts); without it, not offered. */
  keychain?: KeychainProtector;
}

/**
 * The keychain's answer to one of the core's questions. Bytes go back as a Uint8Array of their own (never a view into
 * a larger buffer, whose other bytes would cross too); an error as its one sentence, never a stack.
 */
export async function answerKeychain(keychain: KeychainProtector | undefined, ask: KeychainAsk): Promise<KeychainAnswer> {
  const { id } = ask;
  try {
    if (ask.op === 'availability') return { id, ok: true, availability: keychain ? await keychain.availability() : NO_KEYCHAIN };
    if (!keychain) return { id, ok: false, message: NO_KEYCHAIN.reason };
    if (!(ask.data instanceof Uint8Array)) return { id, ok: false, message: 'The core asked the OS keychain without bytes.' };
    const out = ask.op === 'protect' ? await keychain.protect(ask.data) : await keychain.unprotect(ask.data);
    if (!(out instanceof Uint8Array)) return { id, ok: false, message: 'The OS keychain answered without bytes.' };
    const data = new Uint8Array(out);
    // What the keychain opened may be a vault key in a shared Buffer pool: copied, then wiped here. (safeStorage's own
    // base64 strings cannot be wiped: docs/security.md, "Key slots".)
    out.fill(0);
    return { id, ok: true, data };
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
    return { id, ok: false, message: message || 'The OS keychain failed without saying why.' };
  }
}

export function createWorkerRoute(workerUrl: URL, options: WorkerRouteOptions = {}): WorkerRoute {
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
    if ('keychain' in m) {
      void answerKeychain(options.keychain, m.keychain).then((answer) => {
        worker.postMessage({ keychain: answer } satisfies ToWorker);
        // Posting copied them: what was sealed or opened (a vault key) does not linger on this thread.
        if ('data' in answer) answer.data.fill(0);
        if ('data' in m.keychain) m.keychain.data.fill(0);
      });
      return;
    }
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

  const send = (message: Exclude<ToWorker, { keychain: KeychainAnswer }>, progress: (p: Progress) => void = () => {}): Promise<Result<unknown>> => {
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
