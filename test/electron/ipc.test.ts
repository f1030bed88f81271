// The router on a fake ipcMain: every contract channel registered with the sanitizer: prefix, foreign senders
// refused before the router runs, progress forwarded to the window that asked.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNEL_NAMES, PROGRESS_EVENT, type Progress, type Result } from '../../src/api/contract.js';
import type { Route } from '../../src/api/router.js';
import { handleTrusted, registerIpc } from '../../electron/ipc.js';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
  };
}

function fakeEvent(trusted: boolean, destroyed = false) {
  const send = vi.fn();
  const event = { trusted, sender: { send, isDestroyed: () => destroyed } } as unknown as IpcMainInvokeEvent;
  return { event, send };
}

const isTrusted = (event: IpcMainInvokeEvent) => (event as unknown as { trusted: boolean }).trusted;

describe('registerIpc', () => {
  it('registers every contract channel, and only those, with the sanitizer: prefix', () => {
    const ipcMain = fakeIpcMain();
    const names = registerIpc(ipcMain, vi.fn(), isTrusted);
    expect(names).toEqual(DESKTOP_CHANNEL_NAMES.map((c) => `sanitizer:${c}`));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(names.slice().sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(DESKTOP_CHANNEL_NAMES.length);
  });

  it('passes a trusted request to the route with its channel and payload', async () => {
    const ipcMain = fakeIpcMain();
    const route = vi.fn<Route>(async () => ({ ok: true, value: { path: null, member: null } }));
    registerIpc(ipcMain, route, isTrusted);
    const { event } = fakeEvent(true);
    const result = await ipcMain.handlers.get('sanitizer:vault.status')!(event, {});
    expect(result).toEqual({ ok: true, value: { path: null, member: null } });
    expect(route).toHaveBeenCalledWith('vault.status', {}, expect.any(Function));
  });

  it('answers forbidden to an untrusted sender without calling the route', async () => {
    const ipcMain = fakeIpcMain();
    const route = vi.fn<Route>();
    registerIpc(ipcMain, route, isTrusted);
    const { event, send } = fakeEvent(false);
    for (const channel of ['sanitizer:vault.unlock', 'sanitizer:contacts.list', 'sanitizer:destruction.run']) {
      const result = await ipcMain.handlers.get(channel)!(event, { path: '/x.vault', name: 'a', passphrase: 'b' });
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
      expect((result as { message: string }).message).toMatch(/refused/);
    }
    expect(route).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('forwards progress to the sender as plain data on the progress event', async () => {
    const ipcMain = fakeIpcMain();
    const route: Route = async (_channel, _payload, onProgress) => {
      onProgress?.({ task: 'import.commit', done: 1, total: 4, extra: 'dropped' } as Progress);
      onProgress?.({ task: 'import.commit', done: 4, total: 4 });
      return { ok: true, value: {} };
    };
    registerIpc(ipcMain, route, isTrusted);
    const { event, send } = fakeEvent(true);
    await ipcMain.handlers.get('sanitizer:import.commit')!(event, {});
    expect(send.mock.calls).toEqual([
      [PROGRESS_EVENT, { task: 'import.commit', done: 1, total: 4 }],
      [PROGRESS_EVENT, { task: 'import.commit', done: 4, total: 4 }],
    ]);
  });

  it('keeps going when the window that watched the progress has gone', async () => {
    const ipcMain = fakeIpcMain();
    const route: Route = async (_c, _p, onProgress) => {
      onProgress?.({ task: 'import.preview', done: 1, total: 2 });
      return { ok: true, value: 'done' };
    };
    registerIpc(ipcMain, route, isTrusted, () => {
      throw new Error('Object has been destroyed');
    });
    expect(await ipcMain.handlers.get('sanitizer:import.preview')!(fakeEvent(true).event, {})).toEqual({ ok: true, value: 'done' });
    // The default sender asks isDestroyed() before sending.
    const gone = fakeEvent(true, true);
    const ipc2 = fakeIpcMain();
    registerIpc(ipc2, route, isTrusted);
    expect(await ipc2.handlers.get('sanitizer:import.preview')!(gone.event, {})).toEqual({ ok: true, value: 'done' });
    expect(gone.send).not.toHaveBeenCalled();
  });
});

describe('handleTrusted', () => {
  it('guards a desktop channel the same way', async () => {
    const ipcMain = fakeIpcMain();
    const handler = vi.fn(async () => ({ ok: true as const, value: 1 }));
    handleTrusted(ipcMain, 'sanitizer:desktop.lastVault', isTrusted, handler);
    const listener = ipcMain.handlers.get('sanitizer:desktop.lastVault')!;
    expect(await listener(fakeEvent(false).event, {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handler).not.toHaveBeenCalled();
    expect(await listener(fakeEvent(true).event, {})).toEqual({ ok: true, value: 1 });
  });
});
