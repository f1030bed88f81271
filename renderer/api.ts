// The renderer's only door to the core: a thin typed wrapper over `window.sanitizer` (built by the preload, or by
// the browser-test harness, from the IPC contract). A refusal ({ ok: false }) becomes an ApiError with the core's
// own sentence; a "locked" refusal also tells the app to show the unlock screen.
import type { DesktopChannel, Progress, Request, Response, Result, SanitizerApi } from '../src/api/contract.js';
import type { ChooseFileRequest, ChooseSavePathRequest, LastVault, MenuCommand, SchedulerNotice, SecretCopied } from '../src/api/desktop-contract.js';

export type { ChooseFileRequest, ChooseSavePathRequest, LastVault, MenuCommand, SchedulerNotice, SecretCopied };

/** What the desktop shell adds to the contract's API; all optional, so the browser-test harness may omit them. */
export interface DesktopExtras {
  /** Electron's webUtils.getPathForFile: the file system path of a dropped or picked file. */
  pathForFile?(file: File): string;
  /** The vault opened last on this computer and the member name used (`name` is absent from older shells), and
   * whether that member turned on the keychain unlock here. */
  lastVault?(): Promise<Result<{ path: string | null; name?: string | null; keychain?: boolean }>>;
  /** The native open dialog (Browse…): the chosen path, or null when cancelled. */
  chooseFile?(request: ChooseFileRequest): Promise<Result<{ path: string | null }>>;
  /** The native save dialog: the chosen path, or null when cancelled. */
  chooseSavePath?(request: ChooseSavePathRequest): Promise<Result<{ path: string | null }>>;
  /** Copy a secret through main, which clears the clipboard again after `clearsInSeconds`. */
  copySecret?(text: string): Promise<Result<SecretCopied>>;
  onMenu?(listener: (command: MenuCommand) => void): () => void;
  onScheduler?(listener: (notice: SchedulerNotice) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by electron/preload.ts (or the browser-test harness), built from the contract's channel names; absent in a plain browser. */
    sanitizer?: SanitizerApi & DesktopExtras;
  }
}

/** The contract's channels as `window.sanitizer` offers them: one function per channel, typed by its request and response. */
type Channels = { [C in DesktopChannel]: (request: Request<C>) => Promise<Result<Response<C>>> };

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const lockedListeners = new Set<() => void>();

/** Called whenever the core answers that the vault is locked (e.g. the main process locked it). */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

function bridge(): Channels {
  const api = window.sanitizer;
  if (!api) throw new ApiError('unavailable', 'The app’s core is not connected: open Contact Sanitizer from its desktop app.');
  return api;
}

export async function call<C extends DesktopChannel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const api = bridge();
  // The type promises every channel; a stand-in (the browser-test harness) may still lack one.
  if (typeof api[channel] !== 'function') throw new ApiError('unavailable', `The app’s core does not offer "${channel}".`);
  let result: Result<Response<C>>;
  try {
    result = await api[channel](request);
  } catch (err) {
    throw new ApiError('ipc', `The app’s core did not answer (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!result.ok) {
    if (result.code === 'locked') for (const listener of [...lockedListeners]) listener();
    throw new ApiError(result.code, result.message);
  }
  return result.value;
}

/** Progress of long work (preview, commit); returns the unsubscribe function. */
export function onProgress(listener: (progress: Progress) => void): () => void {
  const api = window.sanitizer;
  if (!api || typeof api.onProgress !== 'function') return () => {};
  const off = api.onProgress(listener);
  return typeof off === 'function' ? off : () => {};
}

/** The file system path of a dropped or chosen file, in Electron; null in a plain browser. */
export function pathForFile(file: File): string | null {
  try {
    return window.sanitizer?.pathForFile?.(file) || null;
  } catch {
    return null;
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The vault opened last time (desktop only), or null. */
export async function lastVault(): Promise<string | null> {
  const api = window.sanitizer;
  if (!api || typeof api.lastVault !== 'function') return null;
  try {
    const r = await api.lastVault();
    return r.ok ? r.value.path : null;
  } catch {
    return null;
  }
}

/** The desktop menu's commands, when the shell offers them (a no-op elsewhere); returns the unsubscribe function. */
export function onMenu(listener: (command: MenuCommand) => void): () => void {
  const api = window.sanitizer;
  if (!api || typeof api.onMenu !== 'function') return () => {};
  const off = api.onMenu(listener);
  return typeof off === 'function' ? off : () => {};
}

/** The daily destruction's notices, when the shell offers them (a no-op elsewhere); returns the unsubscribe function. */
export function onScheduler(listener: (notice: SchedulerNotice) => void): () => void {
  const api = window.sanitizer;
  if (!api || typeof api.onScheduler !== 'function') return () => {};
  const off = api.onScheduler(listener);
  return typeof off === 'function' ? off : () => {};
}
