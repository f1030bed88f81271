// The core on its own thread: the desktop app's main process forwards every request here (see worker-route.ts),
// so a long import, a purge or a 30,000-contact list never stalls the window's event loop. The OS keychain lives in
// the main process (Electron's safeStorage), so the core's KeychainProtector here asks it by message.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { AppService } from '../app/app-service.js';
import type { KeychainAvailability, KeychainProtector } from '../shared/keychain.js';
import type { Progress, Result } from './contract.js';
import { createRouter } from './router.js';

/** The core asks the main process's keychain (docs/architecture.md, "Front ends"). Bytes cross as a Uint8Array of their own. */
export type KeychainAsk = { id: number; op: 'availability' } | { id: number; op: 'protect' | 'unprotect'; data: Uint8Array };
/** The main process's answer: the availability, the bytes, or why not in one sentence. */
export type KeychainAnswer =
  | { id: number; ok: true; availability: KeychainAvailability }
  | { id: number; ok: true; data: Uint8Array }
  | { id: number; ok: false; message: string };

export type ToWorker = { id: number; channel: string; payload: unknown } | { id: number; close: true } | { keychain: KeychainAnswer };
export type FromWorker = { id: number; progress: Progress } | { id: number; result: Result<unknown> } | { id: number; closed: true } | { keychain: KeychainAsk };

/**
 * A Uint8Array holding only `data`'s bytes: posting a view copies its whole ArrayBuffer, and a small Buffer is a view
 * into Node's shared 8 KiB pool, whose other bytes must not cross with it.
 */
export function ownBytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(data);
}

/** The keychain as the core on this thread sees it: each call is a message to the main process and its answer. */
export function keychainOverPort(port: Pick<MessagePort, 'postMessage'>): { keychain: KeychainProtector; answered(answer: KeychainAnswer): void } {
  const waiting = new Map<number, { resolve: (a: KeychainAnswer & { ok: true }) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ask = (op: KeychainAsk['op'], data?: Uint8Array) =>
    new Promise<KeychainAnswer & { ok: true }>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const bytes = data ? ownBytes(data) : undefined;
      port.postMessage({ keychain: bytes ? { id, op: op as 'protect' | 'unprotect', data: bytes } : { id, op: 'availability' } } satisfies FromWorker);
      bytes?.fill(0); // posting copied them
    });
  const bytesOf = (answer: KeychainAnswer & { ok: true }) => {
    if (!('data' in answer) || !(answer.data instanceof Uint8Array)) throw new Error('The OS keychain answered without bytes.');
    return answer.data;
  };
  return {
    keychain: {
      availability: async () => {
        const answer = await ask('availability');
        if (!('availability' in answer)) throw new Error('The OS keychain answered without its availability.');
        return answer.availability;
      },
      protect: async (data) => bytesOf(await ask('protect', data)),
      unprotect: async (data) => bytesOf(await ask('unprotect', data)),
    },
    answered(answer) {
      const w = waiting.get(answer.id);
      if (!w) return;
      waiting.delete(answer.id);
      if (answer.ok) w.resolve(answer);
      else w.reject(new Error(answer.message));
    },
  };
}

const port = parentPort;
if (port) {
  // The cancel flag the calling thread sets (src/api/worker-route.ts).
  const { cancelFlag } = (workerData ?? {}) as { cancelFlag?: Int32Array };
  const remote = keychainOverPort(port);
  const service = new AppService({ keychain: remote.keychain, ...(cancelFlag ? { cancelFlag } : {}) });
  const route = createRouter(service);
  port.on('message', (m: ToWorker) => {
    if ('keychain' in m) {
      remote.answered(m.keychain);
      return;
    }
    if ('close' in m) {
      service.close();
      port.postMessage({ id: m.id, closed: true } satisfies FromWorker);
      return;
    }
    void route(m.channel, m.payload, (progress) => port.postMessage({ id: m.id, progress } satisfies FromWorker)).then((result) =>
      port.postMessage({ id: m.id, result } satisfies FromWorker),
    );
  });
}
