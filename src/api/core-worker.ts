// The core on its own thread: the desktop app's main process forwards every request here (see worker-route.ts),
// so a long import, a purge or a 30,000-contact list never stalls the window's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { AppService } from '../app/app-service.js';
import type { Progress, Result } from './contract.js';
import { createRouter } from './router.js';

export type ToWorker = { id: number; channel: string; payload: unknown } | { id: number; close: true };
export type FromWorker = { id: number; progress: Progress } | { id: number; result: Result<unknown> } | { id: number; closed: true };

const port = parentPort;
if (port) {
  // The cancel flag the calling thread sets (src/api/worker-route.ts).
  const { cancelFlag } = (workerData ?? {}) as { cancelFlag?: Int32Array };
  const service = new AppService(cancelFlag ? { cancelFlag } : {});
  const route = createRouter(service);
  port.on('message', (m: ToWorker) => {
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
