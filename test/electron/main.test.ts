// The composition root with a fake Electron (the real binary is not installed here): the scheme is privileged
// before ready, the session denies, windows and navigation are fenced, IPC is answered only for our main frame,
// the opened vault is remembered, the scheduler runs for an admin, a copied secret leaves the clipboard on lock and
// quit, and quitting locks.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNEL_NAMES, type Result } from '../../src/api/contract.js';
import { CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, COPY_SECRET_CHANNEL, LAST_VAULT_CHANNEL, MENU_EVENT, SCHEDULER_EVENT } from '../../electron/desktop-events.js';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  devicePermissionHandler,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
} from '../../electron/security.js';
import { SETTINGS_FILE } from '../../electron/settings.js';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const log: string[] = [];
  const appHandlers = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const windows: FakeWindow[] = [];
  const state = { userData: '', singleInstance: true, clipboard: '', keyringBackend: 'gnome_libsecret' };

  class FakeWindow {
    readonly webContents = {
      mainFrame: { url: 'app://contact-sanitizer/', parent: null },
      send: vi.fn(),
      on: vi.fn(),
    };
    readonly loadURL = vi.fn(async () => {});
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
      log.push('new BrowserWindow');
    }
    once() {}
    on() {}
    isDestroyed = () => false;
    isMinimized = () => false;
    show() {}
    focus() {}
    restore() {}
  }

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(() => void log.push('enableSandbox')),
      commandLine: { appendSwitch: vi.fn((name: string, value?: string) => void log.push(`switch ${name}=${value}`)) },
      requestSingleInstanceLock: vi.fn(() => state.singleInstance),
      quit: vi.fn(),
      getPath: vi.fn(() => state.userData),
      on: vi.fn((event: string, fn: Handler) => void appHandlers.set(event, fn)),
      whenReady: vi.fn(() => readyPromise),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void log.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => void log.push('protocol.handle')),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
        on: vi.fn(),
      },
    },
    ipcMain: { handle: vi.fn((channel: string, fn: Handler) => void ipcHandlers.set(channel, fn)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/me/team.vault'] })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/me/new.vault' })),
    },
    shell: { openExternal: vi.fn(async () => {}) },
    // The OS keychain: "seals" by reversing and marking; the Linux backend is the test's to set.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => state.keyringBackend),
      encryptString: vi.fn((text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`)),
      decryptString: vi.fn((data: Buffer) => [...data.toString().replace(/^sealed:/, '')].reverse().join('')),
    },
    clipboard: {
      writeText: vi.fn((text: string) => void (state.clipboard = text)),
      readText: vi.fn(() => state.clipboard),
      clear: vi.fn(() => void (state.clipboard = '')),
    },
    BrowserWindow: FakeWindow,
  };
  return { log, appHandlers, ipcHandlers, ready: () => ready(), windows, state, electron };
});

vi.mock('electron', () => fake.electron);

let dir: string;

const win = () => fake.windows[0]!;
const invoke = (channel: string, payload: unknown, frame: unknown = win().webContents.mainFrame) =>
  fake.ipcHandlers.get(channel)!({ senderFrame: frame, sender: { send: vi.fn(), isDestroyed: () => false } }, payload) as Promise<Result<unknown>>;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {}); // the scheduler's log line
  dir = mkdtempSync(join(tmpdir(), 'cs-main-'));
  fake.state.userData = join(dir, 'userData');
  await import('../../electron/main.js');
});

afterAll(() => {
  fake.appHandlers.get('will-quit')?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('before ready', () => {
  it('makes app:// a secure standard scheme, sandboxes every renderer and sets the UK locale (dd/mm/yyyy date pickers)', () => {
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'switch lang=en-GB']);
  });

  it('registers every IPC channel with the sender check', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [...DESKTOP_CHANNEL_NAMES.map((c) => `sanitizer:${c}`), LAST_VAULT_CHANNEL, CHOOSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, COPY_SECRET_CHANNEL].sort(),
    );
  });
});

describe('when ready', () => {
  beforeAll(async () => {
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });

  it('denies permissions and fences the session off the network', () => {
    const ses = fake.electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledWith(permissionRequestHandler);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheckHandler);
    expect(ses.setDevicePermissionHandler).toHaveBeenCalledWith(devicePermissionHandler);
    const [filter, listener] = ses.webRequest.onBeforeRequest.mock.calls[0] as unknown as [unknown, Handler];
    expect(filter).toEqual({ urls: ['<all_urls>'] });
    const callback = vi.fn();
    listener({ url: 'https://example.com/track' }, callback);
    listener({ url: 'app://contact-sanitizer/assets/a.js' }, callback);
    expect(callback.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
    const [event, onDownload] = ses.on.mock.calls[0] as unknown as [string, Handler];
    expect(event).toBe('will-download');
    const foreign = { preventDefault: vi.fn() };
    const ours = { preventDefault: vi.fn() };
    onDownload(foreign, { getURL: () => 'https://example.com/setup.exe' });
    onDownload(ours, { getURL: () => 'blob:app://contact-sanitizer/0b6f' });
    expect(foreign.preventDefault).toHaveBeenCalled();
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('serves app:// with the CSP after ready, from the built renderer', async () => {
    expect(fake.log.indexOf('protocol.handle')).toBeGreaterThan(fake.log.indexOf('registerSchemesAsPrivileged'));
    const [scheme, handler] = fake.electron.protocol.handle.mock.calls[0] as unknown as [string, Handler];
    expect(scheme).toBe('app');
    const response = (await handler({ url: 'app://contact-sanitizer/../package.json', method: 'GET' })) as Response;
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('opens one secure window on our origin, with the bundled preload', () => {
    const prefs = win().options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win().loadURL).toHaveBeenCalledWith(APP_ENTRY);
  });

  it('fences every web contents: no new windows, no foreign navigation, no webviews', () => {
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
    fake.appHandlers.get('web-contents-created')!({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledWith(windowOpenHandler);
    const on = new Map(contents.on.mock.calls as [string, Handler][]);
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      const home = { url: 'app://contact-sanitizer/index.html', preventDefault: vi.fn() };
      on.get(event)!(away);
      on.get(event)!(home);
      expect(away.preventDefault, event).toHaveBeenCalled();
      expect(home.preventDefault, event).not.toHaveBeenCalled();
    }
    const attach = { preventDefault: vi.fn() };
    on.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('answers IPC from our main frame only', async () => {
    expect(await invoke('sanitizer:vault.status', {})).toEqual({ ok: true, value: { path: null, member: null } });
    const child = { url: 'app://contact-sanitizer/', parent: win().webContents.mainFrame };
    const twin = { url: 'app://contact-sanitizer/', parent: null };
    for (const frame of [child, twin, null]) expect(await invoke('sanitizer:vault.status', {}, frame)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('remembers the opened vault, offers it next time, and runs the scheduler for the admin', async () => {
    const path = join(dir, 'team.vault');
    const created = await invoke('sanitizer:vault.create', { path, name: 'Alice Admin', passphrase: 'correct horse battery staple' });
    expect(created.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(fake.state.userData, SETTINGS_FILE), 'utf8')).lastVaultPath).toBe(path);
    expect(JSON.parse(readFileSync(join(fake.state.userData, SETTINGS_FILE), 'utf8')).lastMemberName).toBe('Alice Admin');
    expect(readFileSync(join(fake.state.userData, SETTINGS_FILE), 'utf8')).not.toContain('correct horse');
    expect(await invoke(LAST_VAULT_CHANNEL, {})).toEqual({ ok: true, value: { path, name: 'Alice Admin', keychain: false } });
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalledWith(SCHEDULER_EVENT, expect.objectContaining({ ok: true, destroyed: 0 })));
  }, 30_000);

  it('offers the keychain unlock from main’s safeStorage to the core’s thread, remembers it, and forgets a removed member', async () => {
    const path = join(dir, 'keychain.vault');
    const passphrase = 'correct horse battery staple';
    const created = (await invoke('sanitizer:vault.create', { path, name: 'Kim Keychain', passphrase })) as Result<{ member: { id: string } }>;
    if (!created.ok) throw new Error(created.message);
    const lastVault = async () => (await invoke(LAST_VAULT_CHANNEL, {})) as Result<{ path: string | null; name: string | null; keychain?: boolean }>;
    // Never where Linux would keep the key in plain text.
    if (process.platform === 'linux') {
      fake.state.keyringBackend = 'basic_text';
      expect(await invoke('sanitizer:vault.keychainStatus', {})).toEqual({ ok: true, value: { offered: false, reason: expect.stringMatching(/plain text/), enabled: false, elsewhere: false } });
      expect(await invoke('sanitizer:vault.keychainEnable', { passphrase })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(fake.electron.safeStorage.encryptString).not.toHaveBeenCalled();
      fake.state.keyringBackend = 'gnome_libsecret';
    }
    expect(await invoke('sanitizer:vault.keychainStatus', {})).toEqual({ ok: true, value: { offered: true, reason: null, enabled: false, elsewhere: false } });
    expect(await invoke('sanitizer:vault.keychainEnable', { passphrase })).toMatchObject({ ok: true, value: { enabled: true } });
    expect(fake.electron.safeStorage.encryptString).toHaveBeenCalledTimes(1);
    expect(await lastVault()).toEqual({ ok: true, value: { path, name: 'Kim Keychain', keychain: true } });
    expect(readFileSync(join(fake.state.userData, SETTINGS_FILE), 'utf8')).not.toContain(passphrase);
    await invoke('sanitizer:vault.lock', {});
    expect(await invoke('sanitizer:vault.unlockKeychain', { path, name: 'Kim Keychain' })).toMatchObject({ ok: true, value: { member: { id: created.value.member.id } } });
    expect(fake.electron.safeStorage.decryptString).toHaveBeenCalledTimes(1);
    expect(await lastVault()).toEqual({ ok: true, value: { path, name: 'Kim Keychain', keychain: true } });
    expect(await invoke('sanitizer:vault.keychainDisable', {})).toMatchObject({ ok: true, value: { enabled: false } });
    expect(await lastVault()).toEqual({ ok: true, value: { path, name: 'Kim Keychain', keychain: false } });
    // Removing another member leaves the remembered name; removing the remembered member forgets it.
    const other = (await invoke('sanitizer:members.add', { name: 'Lee Admin', roles: ['admin'], passphrase })) as Result<{ id: string }>;
    if (!other.ok) throw new Error(other.message);
    await invoke('sanitizer:vault.keychainEnable', { passphrase });
    expect((await invoke('sanitizer:members.remove', { memberId: other.value.id })).ok).toBe(true);
    expect(await lastVault()).toEqual({ ok: true, value: { path, name: 'Kim Keychain', keychain: true } });
    await invoke('sanitizer:members.add', { name: 'Mo Admin', roles: ['admin'], passphrase });
    expect((await invoke('sanitizer:members.remove', { memberId: created.value.member.id })).ok).toBe(true);
    expect(await lastVault()).toEqual({ ok: true, value: { path, name: null, keychain: false } });
    await invoke('sanitizer:vault.lock', {});
  }, 60_000);

  it('answers Browse… with the path chosen in the native dialogs, modal to the window, and refuses a malformed request', async () => {
    expect(await invoke(CHOOSE_FILE_CHANNEL, { purpose: 'vault', filters: [{ name: 'Vaults', extensions: ['vault'] }] })).toEqual({ ok: true, value: { path: '/home/me/team.vault' } });
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(win(), expect.objectContaining({ title: 'Open a vault', filters: [{ name: 'Vaults', extensions: ['vault'] }] }));
    expect(await invoke(CHOOSE_SAVE_PATH_CHANNEL, { purpose: 'new-vault', defaultName: 'contacts.vault' })).toEqual({ ok: true, value: { path: '/home/me/new.vault' } });
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(win(), expect.objectContaining({ defaultPath: `${fake.state.userData}/contacts.vault` }));
    expect(await invoke(CHOOSE_FILE_CHANNEL, { purpose: 'anything', defaultPath: '/etc' })).toMatchObject({ ok: false, code: 'invalid' });
    const twin = { url: 'app://contact-sanitizer/', parent: null };
    expect(await invoke(CHOOSE_FILE_CHANNEL, { purpose: 'vault' }, twin)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('copies a secret for our main frame only, and clears it when the vault is locked', async () => {
    expect(await invoke(COPY_SECRET_CHANNEL, { text: 'ABCDE-FGHIJ-KLMNO' })).toEqual({ ok: true, value: { clearsInSeconds: 60 } });
    expect(fake.state.clipboard).toBe('ABCDE-FGHIJ-KLMNO');
    expect(await invoke(COPY_SECRET_CHANNEL, { text: 'x'.repeat(5000) })).toMatchObject({ ok: false, code: 'invalid' });
    const twin = { url: 'app://contact-sanitizer/', parent: null };
    expect(await invoke(COPY_SECRET_CHANNEL, { text: 'planted' }, twin)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(fake.state.clipboard).toBe('ABCDE-FGHIJ-KLMNO');
    await invoke('sanitizer:vault.lock', {});
    expect(fake.state.clipboard).toBe('');
  });

  it('builds the menu: Open vault tells the renderer the path, Lock locks and says so', async () => {
    const template = fake.electron.Menu.setApplicationMenu.mock.calls[0]![0] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const file = template.find((m) => m.label === 'File')!.submenu!;
    file.find((i) => i.label === 'Open vault…')!.click!();
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalledWith(MENU_EVENT, { type: 'open-vault', path: '/home/me/team.vault' }));
    file.find((i) => i.label === 'Lock')!.click!();
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalledWith(MENU_EVENT, { type: 'locked' }));
    expect(await invoke('sanitizer:vault.status', {})).toEqual({ ok: true, value: { path: null, member: null } });
  });

  it('locks the vault on quit', async () => {
    const path = join(dir, 'team.vault');
    expect((await invoke('sanitizer:vault.unlock', { path, name: 'Alice Admin', passphrase: 'correct horse battery staple' })).ok).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(true); // open: SQLite keeps its WAL beside the file
    expect((await invoke(COPY_SECRET_CHANNEL, { text: 'a copied token' })).ok).toBe(true);
    fake.appHandlers.get('will-quit')!();
    expect(fake.state.clipboard).toBe(''); // a copied secret does not outlive the app
    // The core is told to lock and close before its thread stops; then it answers nothing more. A vault closed by
    // its last connection has its WAL checkpointed and removed.
    await vi.waitFor(async () => expect(await invoke('sanitizer:vault.status', {})).toMatchObject({ ok: false, message: expect.stringMatching(/core has stopped/) }));
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(fake.appHandlers.get('window-all-closed')).toBeDefined();
  }, 30_000);
});
