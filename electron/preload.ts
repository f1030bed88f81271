// The renderer's only door to the main process: `window.sanitizer`, one named function per contract channel plus
// the desktop's events (docs/architecture.md, "Front ends"). ipcRenderer itself is never exposed. Runs sandboxed, so it is bundled into
// one CommonJS file (electron/build.mjs) and may require nothing but 'electron'.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { DESKTOP_CHANNEL_NAMES, ipcName, PROGRESS_EVENT, type Progress } from '../src/api/contract.js';
import {
  CHOOSE_FILE_CHANNEL,
  CHOOSE_SAVE_PATH_CHANNEL,
  COPY_SECRET_CHANNEL,
  LAST_VAULT_CHANNEL,
  MENU_EVENT,
  SCHEDULER_EVENT,
  type ChooseFileRequest,
  type ChooseSavePathRequest,
  type DesktopApi,
  type MenuCommand,
  type SchedulerNotice,
} from './desktop-events.js';

/** Subscribe `listener` to `event`, handing it the payload only (never the IPC event); returns the unsubscribe. */
function subscribe<T>(event: string, listener: (value: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(event, handler);
  return () => {
    ipcRenderer.removeListener(event, handler);
  };
}

const calls = Object.fromEntries(DESKTOP_CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(ipcName(channel), request)]));

const api = {
  ...calls,
  onProgress: (listener: (progress: Progress) => void) => subscribe(PROGRESS_EVENT, listener),
  onMenu: (listener: (command: MenuCommand) => void) => subscribe(MENU_EVENT, listener),
  onScheduler: (listener: (notice: SchedulerNotice) => void) => subscribe(SCHEDULER_EVENT, listener),
  lastVault: () => ipcRenderer.invoke(LAST_VAULT_CHANNEL, {}),
  chooseFile: (request: ChooseFileRequest) => ipcRenderer.invoke(CHOOSE_FILE_CHANNEL, request),
  chooseSavePath: (request: ChooseSavePathRequest) => ipcRenderer.invoke(CHOOSE_SAVE_PATH_CHANNEL, request),
  copySecret: (text: string) => ipcRenderer.invoke(COPY_SECRET_CHANNEL, { text }),
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} as DesktopApi;

contextBridge.exposeInMainWorld('sanitizer', api);
