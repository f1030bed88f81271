// The browser suite's stand-in for Electron: Debian's Chromium (playwright-core, executablePath) loads the built
// renderer from dist-renderer/ under the app's own Content-Security-Policy, and `window.sanitizer` is built from
// the contract's channel names over a page binding to the very router the Electron main process registers. The UI,
// the contract, the service, SQLite and the crypto are all real; only Electron's IPC pipe is replaced.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AppService } from '../../src/app/app-service.js';
import { CHANNEL_NAMES, type Progress } from '../../src/api/contract.js';
import { createRouter } from '../../src/api/router.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import { TEST_KDF } from '../support/vault.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER = join(ROOT, 'dist-renderer');
export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');
const ORIGIN = 'http://contact-sanitizer.test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync) ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** The preload's stand-in: the same named functions and onProgress, over the binding instead of ipcRenderer. */
function preloadStandIn(names: readonly string[]): string {
  return `(() => {
    const listeners = new Set();
    const api = Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, (request) => window.__sanitizerInvoke(n, request ?? {})]));
    api.onProgress = (listener) => { listeners.add(listener); return () => listeners.delete(listener); };
    window.__sanitizerProgress = (p) => listeners.forEach((l) => l(p));
    window.sanitizer = Object.freeze(api);
  })();`;
}

export interface App {
  browser: Browser;
  page: Page;
  service: AppService;
  /** Console errors and CSP violations the page reported. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(options: { now?: () => Date } = {}): Promise<App> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('dist-renderer/ is missing: the suite builds it in test/global-setup.ts');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const service = new AppService({ kdf: TEST_KDF, ...(options.now ? { now: options.now } : {}) });
  const route = createRouter(service);
  await page.exposeBinding('__sanitizerInvoke', (_source, channel: string, payload: unknown) =>
    route(channel, payload, (p: Progress) => {
      void page.evaluate((progress) => (globalThis as unknown as { __sanitizerProgress?: (p: unknown) => void }).__sanitizerProgress?.(progress), p).catch(() => {});
    }),
  );
  await page.addInitScript({ content: preloadStandIn(CHANNEL_NAMES) });
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
    page,
    service,
    problems,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      service.close();
      await browser.close();
    },
  };
}
