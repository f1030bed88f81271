// The browser suite's stand-in for Electron: a Chromium found by browser.ts (playwright-core, executablePath)
// loads the built renderer from dist-renderer/ under the app's own Content-Security-Policy, and `window.sanitizer`
// is built from the contract's channel names over a page binding to the very router the Electron main process
// registers. The UI, the contract, the service, SQLite and the crypto are all real; only Electron's IPC pipe is
// replaced.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AppService } from '../../src/app/app-service.js';
import { DESKTOP_CHANNEL_NAMES, type Progress } from '../../src/api/contract.js';
import { createRouter } from '../../src/api/router.js';
import { clearOnLock, parseCopyRequest, SecretClipboard } from '../../electron/secret-clipboard.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import { applyVaultEvent, lastVaultOf, type Remembered } from '../../electron/settings.js';
import { observeVault } from '../../electron/vault-opened.js';
import { fakeKeychain } from '../support/keychain.js';
import { TEST_KDF } from '../support/vault.js';
import { findBrowser, type FoundBrowser } from './browser.js';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Where test/setup-renderer.ts built the renderer (vite.config.ts: RENDERER_OUT_DIR, else dist-renderer). */
export const RENDERER = join(ROOT, process.env.RENDERER_OUT_DIR ?? 'dist-renderer');
export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');
const ORIGIN = 'http://contact-sanitizer.test';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** The preload's stand-in: the same named functions and onProgress, over the binding instead of ipcRenderer; the
 * desktop's extras (the last vault, the file dialogs, the secret clipboard) over a second binding to `App['desktop']`. */
function preloadStandIn(names: readonly string[]): string {
  return `(() => {
    const listeners = new Set();
    const api = Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, (request) => window.__sanitizerInvoke(n, request ?? {})]));
    api.onProgress = (listener) => { listeners.add(listener); return () => listeners.delete(listener); };
    api.lastVault = () => window.__sanitizerDesktop('lastVault', {});
    api.chooseFile = (request) => window.__sanitizerDesktop('chooseFile', request);
    api.chooseSavePath = (request) => window.__sanitizerDesktop('chooseSavePath', request);
    api.copySecret = (text) => window.__sanitizerDesktop('copySecret', { text });
    window.__sanitizerProgress = (p) => listeners.forEach((l) => l(p));
    window.sanitizer = Object.freeze(api);
  })();`;
}

/** Each CSP violation, as its directive and what was blocked, to the harness's `problems`. */
const CSP_REPORTER = `document.addEventListener('securitypolicyviolation', (e) =>
  window.__cspViolation(\`Content Security Policy (\${e.disposition}): \${e.effectiveDirective} refused \${e.blockedURI || 'a resource'}\`));`;

export interface App {
  browser: Browser;
  /** Which Chromium, and where it was found. */
  found: FoundBrowser;
  page: Page;
  service: AppService;
  /** Console errors and CSP violations the page reported. */
  problems: string[];
  /** What the page was sent by contacts.list: how many answers, and the most contacts any one answer held. */
  contactsList: { answers: number; largestPage: number };
  /** The same for every paged list (an answer with a `total` and a list): by channel. */
  pagedLists: Map<string, { answers: number; largestPage: number }>;
  /** The desktop shell's stand-in: what it remembers (in memory, across reloads) and what its dialogs answer. */
  desktop: DesktopStandIn;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface DesktopStandIn {
  /** The vault and member name opened last through the page (electron/vault-opened.ts, as in the desktop app). */
  last: { path: string | null; name: string | null };
  /** All the desktop remembers of the last opening, by main's own rules (electron/settings.ts, applyVaultEvent). */
  remembered: Remembered;
  /** The path the next open / save dialog answers (null: the user cancelled). */
  nextFile: string | null;
  nextSavePath: string | null;
  /** The requests the dialogs were opened with, in order. */
  dialogs: { kind: 'open' | 'save'; request: unknown }[];
  /** The secrets copied through main's channel, in order, and what the system clipboard holds now (electron/secret-clipboard.ts). */
  copies: string[];
  clipboard: string;
  /** Let the clipboard's minute pass now: the pending clear runs (no waiting on the clock). */
  elapseClipboard(): void;
}

/**
 * `keychain`: the OS keychain main would give the core, in memory (test/support/keychain.ts): 'available' (the
 * default, as on a Mac, Windows or a Linux desktop with a keyring) or 'refused' (Linux basic_text).
 */
export async function startApp(options: { now?: () => Date; keychain?: 'available' | 'refused' } = {}): Promise<App> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('dist-renderer/ is missing: the browser project builds it in test/setup-renderer.ts');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const found = await findBrowser();
  // Our own flags only (never a serverless package's, which turn web security off): the CSP stays enforced.
  const browser = await chromium.launch({
    executablePath: found.path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    ...(Object.keys(found.env).length ? { env: { ...process.env, ...found.env } } : {}),
  });
  console.info(`browser suite: Chromium ${browser.version()} from ${found.source} (${found.path})`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const keychain = fakeKeychain({ refused: options.keychain === 'refused' });
  const service = new AppService({ kdf: TEST_KDF, keychain, ...(options.now ? { now: options.now } : {}) });
  let clearTimer: (() => void) | null = null;
  const desktop: DesktopStandIn = {
    last: { path: null, name: null },
    remembered: { lastVaultPath: null, lastMemberName: null, lastMemberId: null, keychainMember: null },
    nextFile: null,
    nextSavePath: null,
    dialogs: [],
    copies: [],
    clipboard: '',
    elapseClipboard: () => {
      const due = clearTimer;
      clearTimer = null;
      due?.();
    },
  };
  // Main's secret clipboard over a clipboard in memory, with a timer the tests run by hand.
  const secrets = new SecretClipboard(
    { writeText: (text) => void (desktop.clipboard = text), readText: () => desktop.clipboard, clear: () => void (desktop.clipboard = '') },
    { setTimer: (fn) => (clearTimer = fn), clearTimer: () => void (clearTimer = null) },
  );
  // As electron/main.ts does: remember the vault and member name after a successful create, unlock or recover; clear
  // a copied secret on lock.
  const route = clearOnLock(
    observeVault(createRouter(service), (event) => {
      applyVaultEvent(desktop.remembered, event);
      desktop.last = { path: desktop.remembered.lastVaultPath, name: desktop.remembered.lastMemberName };
    }),
    () => secrets.clear(),
  );
  await page.exposeBinding('__sanitizerDesktop', async (_source, op: string, request: unknown) => {
    if (op === 'lastVault') return { ok: true, value: lastVaultOf({ ...desktop.remembered, lastVaultPath: desktop.last.path, lastMemberName: desktop.last.name }, () => true) };
    if (op === 'copySecret') {
      const parsed = parseCopyRequest(request);
      if (!parsed.ok) return parsed.result;
      desktop.copies.push(parsed.text);
      secrets.copy(parsed.text);
      return { ok: true, value: { clearsInSeconds: secrets.clearAfterSeconds } };
    }
    const kind = op === 'chooseFile' ? 'open' : 'save';
    desktop.dialogs.push({ kind, request });
    return { ok: true, value: { path: kind === 'open' ? desktop.nextFile : desktop.nextSavePath } };
  });
  const contactsList = { answers: 0, largestPage: 0 };
  const pagedLists = new Map<string, { answers: number; largestPage: number }>();
  await page.exposeBinding('__sanitizerInvoke', async (_source, channel: string, payload: unknown) => {
    const result = await route(channel, payload, (p: Progress) => {
      void page.evaluate((progress) => (globalThis as unknown as { __sanitizerProgress?: (p: unknown) => void }).__sanitizerProgress?.(progress), p).catch(() => {});
    });
    // Every contacts.list answer the page receives is measured: the renderer should never be sent more than a page.
    if (channel === 'contacts.list' && result.ok) {
      contactsList.answers++;
      contactsList.largestPage = Math.max(contactsList.largestPage, (result.value as { contacts: unknown[] }).contacts.length);
    }
    if (result.ok && typeof result.value === 'object' && result.value !== null && typeof (result.value as { total?: unknown }).total === 'number') {
      const list = Object.values(result.value).find(Array.isArray) as unknown[] | undefined;
      const seen = pagedLists.get(channel) ?? { answers: 0, largestPage: 0 };
      pagedLists.set(channel, { answers: seen.answers + 1, largestPage: Math.max(seen.largestPage, list?.length ?? 0) });
    }
    return result;
  });
  await page.addInitScript({ content: preloadStandIn(DESKTOP_CHANNEL_NAMES) });
  // CSP violations reach `problems` through the page's own event (Chromium does not put them on the console API).
  await page.exposeBinding('__cspViolation', (_source, text: string) => problems.push(text));
  await page.addInitScript({ content: CSP_REPORTER });
  // Serve the built renderer from memory under the app's CSP: no network, and inline script would be refused here
  // exactly as in Electron.
  await context.route(`${ORIGIN}/**`, async (request) => {
    const path = normalize(decodeURIComponent(new URL(request.request().url()).pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = join(RENDERER, path);
    if (!file.startsWith(RENDERER) || !existsSync(file)) return request.fulfill({ status: 404, body: 'not found' });
    await request.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  await context.route((url) => !url.href.startsWith(ORIGIN), (request) => request.abort());
  await page.goto(`${ORIGIN}/index.html`);
  return {
    browser,
    found,
    page,
    service,
    problems,
    contactsList,
    pagedLists,
    desktop,
    screenshot: async (name) => {
      // The screen scrolls inside the window (styles.css, .app): for the picture only, it is laid out at full length.
      // (Through the CSSOM: the app's Content-Security-Policy refuses an inline style sheet, as it should.)
      const layout = (whole: boolean) =>
        page.evaluate((on) => {
          type Styled = { style: { setProperty(p: string, v: string, pr: string): void; removeProperty(p: string): void } };
          const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Styled[] } }).document;
          const set = (selector: string, property: string, value: string) =>
            doc.querySelectorAll(selector).forEach((el) => (on ? el.style.setProperty(property, value, 'important') : el.style.removeProperty(property)));
          set('.app', 'height', 'auto');
          set('.app-main, .app-nav', 'overflow', 'visible');
        }, whole);
      await layout(true);
      try {
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      } finally {
        await layout(false);
      }
    },
    close: async () => {
      service.close();
      await browser.close();
    },
  };
}
