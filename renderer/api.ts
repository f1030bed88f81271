// The renderer's only door to the core: a thin typed wrapper over `window.sanitizer` (built by the preload, or by
// the browser-test harness, from the IPC contract). A refusal ({ ok: false }) becomes an ApiError with the core's
// own sentence; a "locked" refusal also tells the app to show the unlock screen.
import type { Channel, Progress, Request, Response, Result, SanitizerApi } from '../src/api/contract.js';
import type { MenuCommand, SchedulerNotice } from '../src/api/desktop-contract.js';

export type { MenuCommand, SchedulerNotice };

/** What the desktop shell adds to the contract's API; all optional, so the browser-test harness may omit them. */
export interface DesktopExtras {
  /** Electron's webUtils.getPathForFile: the file system path of a dropped or picked file. */
  pathForFile?(file: File): string;
  lastVault?(): Promise<Result<{ path: string | null }>>;
  onMenu?(listener: (command: MenuCommand) => void): () => void;
  onScheduler?(listener: (notice: SchedulerNotice) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by electron/preload.ts (or the browser-test harness), built from the contract's channel names. */
    sanitizer: SanitizerApi & DesktopExtras;
  }
}

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

function bridge(): Window['sanitizer'] {
  const api = (window as Partial<Window>).sanitizer;
  if (!api) throw new ApiError('unavailable', 'The app’s core is not connected: open Contact Sanitizer from its desktop app.');
  return api;
}

export async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const api = bridge();
  const fn = api[channel] as unknown as ((this: unknown, r: Request<C>) => Promise<Result<Response<C>>>) | undefined;
  if (typeof fn !== 'function') throw new ApiError('unavailable', `The app’s core does not offer "${channel}".`);
  let result: Result<Response<C>>;
  try {
    result = await fn.call(api, request);
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
  const api = (window as Partial<Window>).sanitizer;
  if (!api || typeof api.onProgress !== 'function') return () => {};
  const off = api.onProgress(listener);
  return typeof off === 'function' ? off : () => {};
}

/** The file system path of a dropped or chosen file, in Electron; null in a plain browser. */
export function pathForFile(file: File): string | null {
  try {
    return (window as Partial<Window>).sanitizer?.pathForFile?.(file) || null;
  } catch {
    return null;
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The vault opened last time (desktop only), or null. */
export async function lastVault(): Promise<string | null> {
  const api = (window as Partial<Window>).sanitizer;
  if (!api || typeof api.lastVault !== 'function') return null;
  try {
    const r = await api.lastVault();
    return r.ok ? r.value.path : null;
  } catch {
    return null;
  }
}

/** Subscribe to a desktop event when the shell offers it; a no-op elsewhere. */
export function onDesktop<K extends 'onMenu' | 'onScheduler'>(name: K, listener: Parameters<NonNullable<DesktopExtras[K]>>[0]): () => void {
  const api = (window as Partial<Window>).sanitizer;
  const subscribe = api?.[name] as ((l: typeof listener) => () => void) | undefined;
  if (typeof subscribe !== 'function') return () => {};
  const off = subscribe.call(api, listener);
  return typeof off === 'function' ? off : () => {};
}
