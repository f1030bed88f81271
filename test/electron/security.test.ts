// The window's security rules, checked as plain data and functions (no Electron at run time).
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  HELP_LINKS,
  isAllowedDownload,
  isAllowedExternal,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  devicePermissionHandler,
  resolveAppAsset,
  secureWebPreferences,
  windowOpenHandler,
  withSecurityHeaders,
} from '../../electron/security.js';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no web-security exceptions', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs', true);
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows the dev tools only in an unpackaged build, and is packaged by default', () => {
    expect(secureWebPreferences('p', false).devTools).toBe(true);
    expect(secureWebPreferences('p').devTools).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));

  it('allows scripts and styles from our origin only, with nothing inline and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const locked of ['base-uri', 'form-action', 'frame-ancestors', 'object-src']) expect(directives.get(locked), locked).toEqual(["'none'"]);
  });

  it('is added with nosniff, replacing a CSP already present whatever its case', () => {
    const headers = withSecurityHeaders({ 'Content-Type': 'text/html', 'content-security-policy': "script-src *" });
    expect(headers).toEqual({ 'Content-Type': 'text/html', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
    expect(withSecurityHeaders()).toHaveProperty('X-Content-Type-Options', 'nosniff');
  });
});

describe('resolveAppAsset', () => {
  const root = resolve('/srv/app/dist-renderer');

  it('maps our origin to files under the renderer folder, / to index.html', () => {
    expect(resolveAppAsset(`${APP_ORIGIN}/`, root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(APP_ORIGIN, root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(`${APP_ORIGIN}/assets/index-abc123.js`, root)).toBe(join(root, 'assets', 'index-abc123.js'));
    expect(resolveAppAsset(`${APP_ORIGIN}/assets/`, root)).toBe(join(root, 'assets', 'index.html'));
    expect(resolveAppAsset(`${APP_ORIGIN}/index.html?x=1#top`, root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(`${APP_ORIGIN}/fonts/Some%20Font.woff2`, root)).toBe(join(root, 'fonts', 'Some Font.woff2'));
  });

  it.each([
    ['dot-dot', `${APP_ORIGIN}/../secret.txt`],
    ['dot-dot inside', `${APP_ORIGIN}/assets/../../etc/passwd`],
    ['encoded dot-dot', `${APP_ORIGIN}/%2e%2e/secret.txt`],
    ['upper-case encoded dot-dot', `${APP_ORIGIN}/%2E%2E/%2E%2E/etc/passwd`],
    ['half-encoded dot-dot', `${APP_ORIGIN}/.%2e/secret.txt`],
    ['double-encoded dot-dot', `${APP_ORIGIN}/%252e%252e/secret.txt`],
    ['encoded slash', `${APP_ORIGIN}/..%2fsecret.txt`],
    ['backslash', `${APP_ORIGIN}/..\\secret.txt`],
    ['encoded backslash', `${APP_ORIGIN}/..%5csecret.txt`],
    ['absolute path', `${APP_ORIGIN}//etc/passwd`],
    ['encoded absolute path', `${APP_ORIGIN}/%2fetc%2fpasswd`],
    ['drive path', `${APP_ORIGIN}/C:/Windows/win.ini`],
    ['NUL', `${APP_ORIGIN}/index.html%00.png`],
    ['single dot', `${APP_ORIGIN}/./index.html`],
    ['other host', 'app://evil/index.html'],
    ['lookalike host', 'app://contact-sanitizer.evil/index.html'],
    ['user info', 'app://contact-sanitizer@evil/index.html'],
    ['port', 'app://contact-sanitizer:8080/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['https', 'https://contact-sanitizer/index.html'],
    ['malformed escape', `${APP_ORIGIN}/%zz`],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });
});

describe('navigation and new windows', () => {
  it('allows navigation within our origin only', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/contacts`)).toBe(true);
    for (const url of ['https://ico.org.uk/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://contact-sanitizer.evil/', 'app://evil/', 'javascript:alert(1)', 'data:text/html,hi', '']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('denies every window the renderer tries to open', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });

  it('lets the session fetch our origin, our blobs and data: images, never the network or files', () => {
    expect(isAllowedRequest(`${APP_ORIGIN}/assets/a.js`)).toBe(true);
    expect(isAllowedRequest(`blob:${APP_ORIGIN}/5f0c7a9e-0000-4000-8000-000000000000`)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1/', 'wss://example.com/', 'file:///etc/passwd', 'blob:https://evil.example/x']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('downloads only blobs our pages made', () => {
    expect(isAllowedDownload(`blob:${APP_ORIGIN}/5f0c7a9e-0000-4000-8000-000000000000`)).toBe(true);
    for (const url of ['https://example.com/setup.exe', 'blob:https://evil.example/x', 'blob:app://contact-sanitizer.evil/x', 'data:text/plain,hi', `${APP_ORIGIN}/index.html`]) {
      expect(isAllowedDownload(url), url).toBe(false);
    }
  });
});

describe('external links', () => {
  it('opens exactly the allow-listed https pages', () => {
    expect(HELP_LINKS.length).toBeGreaterThan(0);
    for (const link of HELP_LINKS) {
      expect(link.url.startsWith('https://')).toBe(true);
      expect(isAllowedExternal(link.url)).toBe(true);
    }
  });

  it.each([
    ['http', 'http://ico.org.uk/make-a-complaint/'],
    ['a lookalike host', 'https://ico.org.uk.evil.example/make-a-complaint/'],
    ['user info', 'https://ico.org.uk@evil.example/make-a-complaint/'],
    ['another page of the allowed host', 'https://ico.org.uk/'],
    ['a changed path', 'https://ico.org.uk/make-a-complaint/../../evil'],
    ['a query', 'https://ico.org.uk/make-a-complaint/?next=https://evil.example'],
    ['a file URL', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      permissionRequestHandler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(permissionCheckHandler()).toBe(false);
    expect(devicePermissionHandler()).toBe(false);
  });

  it('lets our own pages write to the clipboard (Copy), and nothing else does', () => {
    const granted = (permission: string, requestingUrl?: string) => {
      const callback = vi.fn();
      permissionRequestHandler({}, permission, callback, requestingUrl === undefined ? {} : { requestingUrl });
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(granted('clipboard-sanitized-write', `${APP_ORIGIN}/`)).toBe(true);
    expect(granted('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(granted('clipboard-sanitized-write', 'app://contact-sanitizer.evil/')).toBe(false);
    expect(granted('clipboard-sanitized-write')).toBe(false);
    expect(granted('clipboard-read', `${APP_ORIGIN}/`)).toBe(false);
    expect(permissionCheckHandler({}, 'clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(permissionCheckHandler({}, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(permissionCheckHandler({}, 'clipboard-read', APP_ORIGIN)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { url: `${APP_ORIGIN}/`, parent: null };

  it('trusts our window’s own main frame on our origin', () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
  });

  it('refuses a child frame, even of our window', () => {
    const child = { url: `${APP_ORIGIN}/`, parent: mainFrame };
    expect(isTrustedSender(child, child)).toBe(false);
    expect(isTrustedSender(child, mainFrame)).toBe(false);
  });

  it('refuses our main frame once it shows a foreign URL', () => {
    for (const url of ['https://evil.example/', 'app://contact-sanitizer.evil/', 'file:///tmp/x.html', 'about:blank']) {
      const frame = { url, parent: null };
      expect(isTrustedSender(frame, frame), url).toBe(false);
    }
  });

  it('refuses another frame object with the same URL (another window)', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/`, parent: null }, mainFrame)).toBe(false);
  });

  it('refuses a missing frame or a missing window', () => {
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    expect(isTrustedSender(undefined, mainFrame)).toBe(false);
    expect(isTrustedSender(mainFrame, null)).toBe(false);
    expect(isTrustedSender(mainFrame, undefined)).toBe(false);
  });
});
