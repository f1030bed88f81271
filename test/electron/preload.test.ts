// The preload with Electron's renderer modules mocked: window.sanitizer has one named function per channel, the
// desktop's extras and nothing else, never ipcRenderer itself; listeners receive payloads, never IPC events.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNEL_NAMES, PROGRESS_EVENT } from '../../src/api/contract.js';
import { CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, COPY_SECRET_CHANNEL, LAST_VAULT_CHANNEL, MENU_EVENT, SCHEDULER_EVENT, type DesktopApi } from '../../electron/desktop-events.js';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
    on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
    }),
    removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn)),
    emit: (channel: string, payload: unknown) => {
      for (const fn of listeners.get(channel) ?? []) fn({ sender: 'the IPC event' }, payload);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  const exposed: Record<string, unknown> = {};
  return {
    ipcRenderer,
    exposed,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => void (exposed[key] = api)) },
    webUtils: { getPathForFile: vi.fn(() => '/home/me/Downloads/Connections.csv') },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer, webUtils: electron.webUtils }));

let api: DesktopApi;

beforeAll(async () => {
  await import('../../electron/preload.js');
  api = electron.exposed.sanitizer as DesktopApi;
});

describe('preload', () => {
  it('exposes window.sanitizer once, with named functions only', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(electron.exposed)).toEqual(['sanitizer']);
    const names = Object.keys(api).sort();
    expect(names).toEqual([...DESKTOP_CHANNEL_NAMES, 'onProgress', 'onMenu', 'onScheduler', 'lastVault', 'chooseFile', 'chooseSavePath', 'copySecret', 'pathForFile'].sort());
    for (const name of names) expect(typeof (api as unknown as Record<string, unknown>)[name], name).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke);
  });

  it('invokes each channel under its sanitizer: name with the request as given', async () => {
    for (const channel of DESKTOP_CHANNEL_NAMES) {
      const request = { probe: channel };
      const call = (api as unknown as Record<string, (r: unknown) => Promise<unknown>>)[channel]!;
      expect(await call(request)).toEqual({ ok: true, value: { channel: `sanitizer:${channel}`, request } });
    }
    await api.lastVault();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(LAST_VAULT_CHANNEL, {});
    await api.chooseFile({ purpose: 'vault' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(CHOOSE_FILE_CHANNEL, { purpose: 'vault' });
    await api.chooseSavePath({ purpose: 'new-vault', defaultName: 'contacts.vault' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(CHOOSE_SAVE_PATH_CHANNEL, { purpose: 'new-vault', defaultName: 'contacts.vault' });
    await api.copySecret('ABCDE-FGHIJ');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(COPY_SECRET_CHANNEL, { text: 'ABCDE-FGHIJ' });
  });

  it('hands progress listeners the progress only, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.onProgress((p) => seen.push(p));
    electron.ipcRenderer.emit(PROGRESS_EVENT, { task: 'import.commit', done: 2, total: 5 });
    expect(seen).toEqual([{ task: 'import.commit', done: 2, total: 5 }]);
    off();
    expect(electron.ipcRenderer.count(PROGRESS_EVENT)).toBe(0);
    electron.ipcRenderer.emit(PROGRESS_EVENT, { task: 'import.commit', done: 3, total: 5 });
    expect(seen).toHaveLength(1);
  });

  it('delivers menu commands and scheduler notices the same way', () => {
    const menu = vi.fn();
    const notices = vi.fn();
    const offMenu = api.onMenu(menu);
    const offNotices = api.onScheduler(notices);
    electron.ipcRenderer.emit(MENU_EVENT, { type: 'locked' });
    electron.ipcRenderer.emit(SCHEDULER_EVENT, { ok: true, message: 'Scheduled destruction: nothing was due.' });
    expect(menu).toHaveBeenCalledExactlyOnceWith({ type: 'locked' });
    expect(notices).toHaveBeenCalledExactlyOnceWith({ ok: true, message: 'Scheduled destruction: nothing was due.' });
    offMenu();
    offNotices();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onProgress('alert(1)' as never)).toThrow(TypeError);
  });

  it('asks webUtils for a dropped file’s path', () => {
    const file = new File(['x'], 'Connections.csv');
    expect(api.pathForFile(file)).toBe('/home/me/Downloads/Connections.csv');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });
});
