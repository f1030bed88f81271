// The native file dialogs on a fake ipcMain: a foreign sender is refused before a dialog opens, a malformed request
// is refused in words, main picks the title, and only the chosen path (or null) goes back.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/api/contract.js';
import { CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL } from '../../src/api/desktop-contract.js';
import { parseDialogRequest, registerDialogs, saveDialogOptions } from '../../electron/dialogs.js';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>;

function setUp(answers: { open?: { canceled: boolean; filePaths: string[] }; save?: { canceled: boolean; filePath?: string } } = {}) {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)) };
  const dialogs = {
    showOpen: vi.fn(async () => answers.open ?? { canceled: false, filePaths: ['/home/me/team.vault'] }),
    showSave: vi.fn(async () => answers.save ?? { canceled: false, filePath: '/home/me/new.vault' }),
    defaultFolder: () => '/home/me/Documents',
  };
  const names = registerDialogs(ipcMain, (event) => (event as unknown as { trusted: boolean }).trusted, dialogs);
  const invoke = (channel: string, payload: unknown, trusted = true) => handlers.get(channel)!({ trusted } as unknown as IpcMainInvokeEvent, payload);
  return { names, dialogs, invoke };
}

describe('registerDialogs', () => {
  it('registers the two dialog channels only', () => {
    expect(setUp().names).toEqual([CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL]);
  });

  it('answers the path chosen, or null when cancelled', async () => {
    const { invoke, dialogs } = setUp();
    expect(await invoke(CHOOSE_FILE_CHANNEL, { purpose: 'vault', filters: [{ name: 'Vaults', extensions: ['vault'] }] })).toEqual({ ok: true, value: { path: '/home/me/team.vault' } });
    expect(dialogs.showOpen).toHaveBeenCalledWith({ title: 'Open a vault', properties: ['openFile'], filters: [{ name: 'Vaults', extensions: ['vault'] }] });
    expect(await invoke(CHOOSE_SAVE_PATH_CHANNEL, { purpose: 'new-vault', defaultName: 'contacts.vault' })).toEqual({ ok: true, value: { path: '/home/me/new.vault' } });
    expect(dialogs.showSave).toHaveBeenCalledWith(expect.objectContaining({ title: 'Where to create the new vault', defaultPath: '/home/me/Documents/contacts.vault' }));
    const cancelled = setUp({ open: { canceled: true, filePaths: [] }, save: { canceled: true } });
    expect(await cancelled.invoke(CHOOSE_FILE_CHANNEL, { purpose: 'import' })).toEqual({ ok: true, value: { path: null } });
    expect(await cancelled.invoke(CHOOSE_SAVE_PATH_CHANNEL, { purpose: 'export' })).toEqual({ ok: true, value: { path: null } });
  });

  it('refuses a foreign sender before any dialog opens', async () => {
    const { invoke, dialogs } = setUp();
    expect(await invoke(CHOOSE_FILE_CHANNEL, { purpose: 'vault' }, false)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await invoke(CHOOSE_SAVE_PATH_CHANNEL, { purpose: 'vault' }, false)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(dialogs.showSave).not.toHaveBeenCalled();
  });

  it('turns a failing dialog into a sentence, never a thrown error', async () => {
    const { invoke, dialogs } = setUp();
    dialogs.showOpen.mockRejectedValueOnce(new Error('no display'));
    expect(await invoke(CHOOSE_FILE_CHANNEL, { purpose: 'vault' })).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('no display') });
  });
});

describe('parseDialogRequest', () => {
  it.each([
    ['not an object', 'vault'],
    ['an unknown purpose', { purpose: 'anything' }],
    ['a folder to start in', { purpose: 'vault', defaultPath: '/etc' }],
    ['a path as the suggested name', { purpose: 'export', defaultName: '../../.bashrc' }],
    ['a hidden file name', { purpose: 'export', defaultName: '.bashrc' }],
    ['a folder in the suggested name', { purpose: 'export', defaultName: 'a/b.csv' }],
    ['an extension with a dot', { purpose: 'vault', filters: [{ name: 'Vaults', extensions: ['.vault'] }] }],
    ['too many filters', { purpose: 'vault', filters: Array.from({ length: 9 }, () => ({ name: 'x', extensions: ['x'] })) }],
    ['a filter without a name', { purpose: 'vault', filters: [{ extensions: ['vault'] }] }],
  ])('refuses %s', (_why, payload) => {
    const parsed = parseDialogRequest(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.result).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/^The dialog request is not valid: .+\.$/) });
  });

  it('keeps what it checked, and a save dialog without a folder suggests the name alone', () => {
    expect(parseDialogRequest({ purpose: 'certificate', filters: [{ name: 'Text', extensions: ['txt', '*'] }], defaultName: 'certificate 1.txt' })).toEqual({
      ok: true,
      request: { purpose: 'certificate', filters: [{ name: 'Text', extensions: ['txt', '*'] }], defaultName: 'certificate 1.txt' },
    });
    expect(saveDialogOptions({ purpose: 'export', defaultName: 'crm.csv' })).toMatchObject({ defaultPath: 'crm.csv' });
    expect(saveDialogOptions({ purpose: 'export' })).not.toHaveProperty('defaultPath');
  });
});
