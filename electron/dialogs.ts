// The native open and save dialogs for the renderer (Browse… beside a path field). The request is checked here
// (a known purpose, a few short filters, a bare file name), main picks the title, and only the chosen path goes
// back: the renderer never names a folder to open or sees anything but what the user chose (docs/security.md,
// "Electron"). Electron's dialog comes in as a parameter, so this file is tested without Electron.
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Result } from '../src/api/contract.js';
import { CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, FILE_PURPOSES, type ChooseSavePathRequest, type FileFilter, type FilePurpose } from '../src/api/desktop-contract.js';
import { handleTrusted, type IpcHandle, type TrustCheck } from './ipc.js';

const TITLES: Record<FilePurpose, { open: string; save: string }> = {
  vault: { open: 'Open a vault', save: 'Where to keep the vault' },
  'new-vault': { open: 'Open a vault', save: 'Where to create the new vault' },
  import: { open: 'Choose a LinkedIn export to import', save: 'Save' },
  export: { open: 'Open an export', save: 'Save the export' },
  certificate: { open: 'Open a destruction certificate', save: 'Save the certificate' },
  report: { open: 'Open a report', save: 'Save the report' },
};

const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;
// A bare file name: no separators, no parent, no control characters, not hidden.
const isFileName = (name: string) => name.length > 0 && name.length <= 200 && !name.startsWith('.') && !/[/\\:]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20);

const invalid = (message: string): Result<never> => ({ ok: false, code: 'invalid', message: `The dialog request is not valid: ${message}.` });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request, checked: its purpose, filters and suggested name; or the sentence that refuses it. */
export function parseDialogRequest(payload: unknown): { ok: true; request: ChooseSavePathRequest } | { ok: false; result: Result<never> } {
  if (!isRecord(payload)) return { ok: false, result: invalid('send an object') };
  const { purpose, filters, defaultName, ...rest } = payload;
  if (Object.keys(rest).length > 0) return { ok: false, result: invalid(`unknown field ${Object.keys(rest)[0]}`) };
  if (typeof purpose !== 'string' || !(FILE_PURPOSES as readonly string[]).includes(purpose)) return { ok: false, result: invalid(`purpose is one of ${FILE_PURPOSES.join(', ')}`) };
  const request: ChooseSavePathRequest = { purpose: purpose as FilePurpose };
  if (filters !== undefined) {
    if (!Array.isArray(filters) || filters.length > 8) return { ok: false, result: invalid('filters is a list of at most 8') };
    const checked: FileFilter[] = [];
    for (const f of filters) {
      if (!isRecord(f) || typeof f.name !== 'string' || f.name.length === 0 || f.name.length > 100) return { ok: false, result: invalid('each filter has a name of 1 to 100 characters') };
      if (!Array.isArray(f.extensions) || f.extensions.length === 0 || f.extensions.length > 16 || !f.extensions.every((e) => typeof e === 'string' && EXTENSION.test(e))) {
        return { ok: false, result: invalid('each filter has 1 to 16 extensions, letters and digits without the dot, or *') };
      }
      checked.push({ name: f.name, extensions: [...(f.extensions as string[])] });
    }
    request.filters = checked;
  }
  if (defaultName !== undefined) {
    if (typeof defaultName !== 'string' || !isFileName(defaultName)) return { ok: false, result: invalid('defaultName is a file name without a folder') };
    request.defaultName = defaultName;
  }
  return { ok: true, request };
}

export function openDialogOptions(request: ChooseSavePathRequest): OpenDialogOptions {
  return { title: TITLES[request.purpose].open, properties: ['openFile'], ...(request.filters ? { filters: request.filters } : {}) };
}

export function saveDialogOptions(request: ChooseSavePathRequest, defaultFolder?: string): SaveDialogOptions {
  const defaultPath = request.defaultName ? (defaultFolder ? `${defaultFolder.replace(/[/\\]$/, '')}/${request.defaultName}` : request.defaultName) : defaultFolder;
  return {
    title: TITLES[request.purpose].save,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(request.filters ? { filters: request.filters } : {}),
    ...(defaultPath ? { defaultPath } : {}),
  };
}

/** Electron's dialog as far as these channels need it (bound to the window by main). */
export interface NativeDialogs {
  showOpen(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSave(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** Where a save dialog starts (the user's documents), if known. */
  defaultFolder?: () => string | undefined;
}

/** Both dialog channels, behind the sender check; each answers `{ path }`, null when the user cancelled. */
export function registerDialogs(ipcMain: IpcHandle, isTrusted: TrustCheck, dialogs: NativeDialogs): string[] {
  const answer = async (payload: unknown, show: (request: ChooseSavePathRequest) => Promise<string | null>): Promise<Result<{ path: string | null }>> => {
    const parsed = parseDialogRequest(payload);
    if (!parsed.ok) return parsed.result;
    try {
      return { ok: true, value: { path: await show(parsed.request) } };
    } catch (err) {
      return { ok: false, code: 'failed', message: `The file dialog could not open (${err instanceof Error ? err.message : String(err)}).` };
    }
  };
  handleTrusted(ipcMain, CHOOSE_FILE_CHANNEL, isTrusted, (_event: IpcMainInvokeEvent, payload) =>
    answer(payload, async (request) => {
      const picked = await dialogs.showOpen(openDialogOptions(request));
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    }),
  );
  handleTrusted(ipcMain, CHOOSE_SAVE_PATH_CHANNEL, isTrusted, (_event: IpcMainInvokeEvent, payload) =>
    answer(payload, async (request) => {
      const picked = await dialogs.showSave(saveDialogOptions(request, dialogs.defaultFolder?.()));
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    }),
  );
  return [CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL];
}
