// The router on Electron's IPC: one `ipcMain.handle` per contract channel, each refusing any sender but our own
// window's main frame before the router (which validates the request) sees the payload. ipcMain comes in as a
// parameter, so this file never loads Electron and is tested with fakes.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESKTOP_CHANNEL_NAMES, ipcName, PROGRESS_EVENT, type Progress, type Result } from '../src/api/contract.js';
import type { Route } from '../src/api/router.js';

export type IpcHandle = Pick<IpcMain, 'handle'>;
export type TrustCheck = (event: IpcMainInvokeEvent) => boolean;
export type SendProgress = (event: IpcMainInvokeEvent, progress: Progress) => void;

export const FORBIDDEN: Result<never> = Object.freeze({
  ok: false,
  code: 'forbidden',
  message: 'This request did not come from the Contact Sanitizer window, so it was refused.',
});

const sendToSender: SendProgress = (event, progress) => {
  if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_EVENT, progress);
};

/**
 * Register `handler` under the IPC channel `name`, behind the sender check. Used for the contract's channels and
 * for the desktop's own few (src/api/desktop-contract.ts).
 */
export function handleTrusted(
  ipcMain: IpcHandle,
  name: string,
  isTrusted: TrustCheck,
  handler: (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>,
): void {
  ipcMain.handle(name, async (event: IpcMainInvokeEvent, payload: unknown) => {
    if (!isTrusted(event)) return FORBIDDEN;
    return handler(event, payload);
  });
}

/** Every desktop channel of the contract on `ipcMain` as `sanitizer:<channel>`; returns the IPC names registered. */
export function registerIpc(ipcMain: IpcHandle, route: Route, isTrusted: TrustCheck, sendProgress: SendProgress = sendToSender): string[] {
  return DESKTOP_CHANNEL_NAMES.map((channel) => {
    const name = ipcName(channel);
    handleTrusted(ipcMain, name, isTrusted, (event, payload) =>
      route(channel, payload, (progress) => {
        // A closed window must not fail the import it was watching: progress is only a courtesy.
        try {
          sendProgress(event, { task: progress.task, done: progress.done, total: progress.total });
        } catch {
          /* the window is gone */
        }
      }),
    );
    return name;
  });
}
