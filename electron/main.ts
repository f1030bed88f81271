// The desktop app's composition root (docs/architecture.md, "Front ends"): one window on our app:// origin with the security settings of
// security.ts, the core's service and router on ipcMain behind the sender check, the menu, the remembered vault
// path and member name, the native file dialogs, the secret clipboard and the daily destruction. Everything with logic lives in the plain modules beside this file.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkerRoute } from '../src/api/worker-route.js';
import { loadAppAsset } from './app-protocol.js';
import { LAST_VAULT_CHANNEL, MENU_EVENT, SCHEDULER_EVENT, type MenuCommand } from './desktop-events.js';
import { registerDialogs } from './dialogs.js';
import { adminVaultPath, runDueDestruction, schedulerNotice, type DestructionSummary } from './destruction-job.js';
import { handleTrusted, registerIpc } from './ipc.js';
import { JobGate } from './job-gate.js';
import { createKeychainProtector } from './keychain.js';
import { menuTemplate } from './menu.js';
import { DailyScheduler } from './scheduler.js';
import { clearOnLock, registerSecretClipboard, SecretClipboard } from './secret-clipboard.js';
import {
  APP_ENTRY,
  APP_PROTOCOL,
  devicePermissionHandler,
  isAllowedDownload,
  isAllowedExternal,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  secureWebPreferences,
  windowOpenHandler,
} from './security.js';
import { applyVaultEvent, lastRunStore, lastVaultOf, readSettings, SETTINGS_FILE, updateSettings } from './settings.js';
import { observeVault } from './vault-opened.js';

// dist-electron/main.js: the preload sits beside it, the renderer Vite built beside its folder (also in app.asar).
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const RENDERER_DIR = join(here, '..', 'dist-renderer');

// Before ready, and synchronously (an ESM main's awaits would let ready fire first): our scheme behaves like
// https (a secure, standard origin with fetch), and every renderer is sandboxed whatever its options say.
protocol.registerSchemesAsPrivileged([{ scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// The app is for the UK: Chromium takes the date pickers' order and the page's language from the app locale, which
// Electron otherwise leaves at en-US (mm/dd/yyyy) whatever the OS says. Day fields then read dd/mm/yyyy.
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit(); // one window, one open vault: a second launch focuses the first
} else {
  startApp();
}

function startApp(): void {
  const settingsFile = join(app.getPath('userData'), SETTINGS_FILE);
  // The core runs on its own thread (dist-electron/core-worker.js beside the built main; the compiled core when
  // main runs from source, as in the tests): a long import or purge never stalls this one.
  const bundled = new URL('./core-worker.js', import.meta.url);
  // The OS keychain (safeStorage) exists only in this process: the core on its thread asks it by message.
  const keychain = createKeychainProtector(safeStorage, process.platform);
  const router = createWorkerRoute(existsSync(fileURLToPath(bundled)) ? bundled : new URL('../dist/api/core-worker.js', import.meta.url), { keychain });
  const gate = new JobGate();
  let win: BrowserWindow | null = null;

  const send = (event: string, payload: unknown) => {
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  };

  // Destruction is due daily while an admin has a vault unlocked; each run is certified and audited by the core.
  const scheduler = new DailyScheduler<DestructionSummary>({
    target: () => adminVaultPath(router),
    run: () => gate.exclusive(() => runDueDestruction(router)),
    now: () => new Date(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    store: lastRunStore(settingsFile),
    onResult: (outcome) => {
      const notice = schedulerNotice(outcome);
      console.log(`[scheduler] ${notice.message}`);
      send(SCHEDULER_EVENT, notice);
    },
  });

  // A copied recovery key or token leaves the clipboard after a minute, and on lock and quit.
  const secrets = new SecretClipboard(
    { writeText: (text) => clipboard.writeText(text), readText: () => clipboard.readText(), clear: () => clipboard.clear() },
    { setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout) },
  );

  const route = clearOnLock(
    gate.wrap(
      // What main remembers from successful answers (electron/vault-opened.ts): the vault and member opened, the
      // keychain unlock on or off, a member removed.
      observeVault(router, (event) => {
        updateSettings(settingsFile, (s) => applyVaultEvent(s, event));
        if (event.type === 'opened') void scheduler.check();
      }),
    ),
    () => secrets.clear(),
  );

  const isTrusted = (event: IpcMainInvokeEvent) => isTrustedSender(event.senderFrame, win?.webContents.mainFrame);
  registerIpc(ipcMain, route, isTrusted);
  handleTrusted(ipcMain, LAST_VAULT_CHANNEL, isTrusted, async () => ({ ok: true, value: lastVaultOf(readSettings(settingsFile), existsSync) }));
  // Browse…: the native dialogs, modal to our window; only the chosen path goes back.
  registerDialogs(ipcMain, isTrusted, {
    showOpen: (options) => (win ? dialog.showOpenDialog(win, options) : Promise.resolve({ canceled: true, filePaths: [] })),
    showSave: (options) => (win ? dialog.showSaveDialog(win, options) : Promise.resolve({ canceled: true })),
    defaultFolder: () => app.getPath('documents'),
  });
  registerSecretClipboard(ipcMain, isTrusted, secrets);

  const lock = async () => {
    await route('vault.lock', {});
    send(MENU_EVENT, { type: 'locked' } satisfies MenuCommand);
  };
  const openVault = async () => {
    if (!win) return;
    const picked = await dialog.showOpenDialog(win, {
      title: 'Open a vault',
      properties: ['openFile'],
      filters: [
        { name: 'Contact Sanitizer vault', extensions: ['vault'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    const path = picked.filePaths[0];
    if (!picked.canceled && path) send(MENU_EVENT, { type: 'open-vault', path } satisfies MenuCommand);
  };

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(windowOpenHandler);
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Closing the window quits (and so locks): an unlocked vault never outlives its window.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    secrets.clear();
    scheduler.stop();
    void router.close();
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler(permissionRequestHandler);
    ses.setPermissionCheckHandler(permissionCheckHandler);
    ses.setDevicePermissionHandler(devicePermissionHandler);
    ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
    // Exports and certificates download from blob: URLs; with no save path set, Electron asks where to save.
    ses.on('will-download', (event, item) => {
      if (!isAllowedDownload(item.getURL())) event.preventDefault();
    });

    protocol.handle(APP_PROTOCOL, async (request) => {
      const answer = await loadAppAsset(request.url, request.method, RENDERER_DIR);
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            openVault: () => void openVault(),
            lock: () => void lock(),
            openExternal: (url) => {
              if (isAllowedExternal(url)) void shell.openExternal(url);
            },
          },
          { platform: process.platform, packaged: app.isPackaged },
        ),
      ),
    );

    win = new BrowserWindow({
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Contact Sanitizer',
      webPreferences: secureWebPreferences(PRELOAD, app.isPackaged),
    });
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => {
      win = null;
    });
    win.webContents.on('render-process-gone', (_event, details) => console.error(`[renderer] gone: ${details.reason}`));
    void win.loadURL(APP_ENTRY);

    void scheduler.start();
  }, (err: unknown) => {
    console.error('[main] could not start', err);
    app.quit();
  });
}
