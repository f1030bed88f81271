// The window's security settings as plain data and plain functions, so every rule is tested without Electron:
// a sandboxed, context-isolated renderer served from our own app:// origin under a strict CSP, with navigation,
// new windows, permissions and foreign IPC senders all refused (docs/security.md, "Electron").
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';

/** The renderer's private scheme and origin: every page and asset comes from here, never from file:// or http. */
export const APP_PROTOCOL = 'app';
export const APP_HOST = 'contact-sanitizer';
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/`;

/** The renderer's web preferences: no Node, no remote content, dev tools only in an unpackaged build. */
export function secureWebPreferences(preloadPath: string, packaged = true): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false, // the spellchecker would send typed names and notes to a dictionary service
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: !packaged,
  };
}

/** Only our own scripts, styles and fonts; images may also be data: URLs; nothing inline, no eval, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** `headers` plus the CSP and nosniff (any CSP already there is replaced, whatever its case). */
export function withSecurityHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const kept = Object.entries(headers).filter(([name]) => !/^(content-security-policy|x-content-type-options)$/i.test(name));
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
}

/** True for a URL on our app origin (exactly `app://contact-sanitizer` then `/`: no user info, port or lookalike host). */
export function isAppUrl(url: string): boolean {
  if (url !== APP_ORIGIN && !url.startsWith(`${APP_ORIGIN}/`)) return false;
  return URL.canParse(url);
}

// Encoded separators, dots and NULs have no business in an asset path: refuse rather than normalise them away.
const SUSPICIOUS = /%(2e|2f|5c|00)|\\|\0/i;

/**
 * The file under `rootDir` (the built renderer) that an app:// URL names, or null when the URL is not ours or
 * tries to leave the folder: `..` (plain or percent-encoded), absolute or drive paths, empty segments, other hosts.
 * `/` and folder URLs map to index.html; the query and fragment are ignored.
 */
export function resolveAppAsset(url: string, rootDir: string): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = url.slice(APP_ORIGIN.length).replace(/[?#].*$/s, '') || '/';
  if (SUSPICIOUS.test(rawPath)) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (SUSPICIOUS.test(path)) return null;
  const segments = path.slice(1).split('/');
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(':'))) return null;
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return file;
}

/** The main frame may only ever show our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** For `webContents.setWindowOpenHandler`: the renderer never opens windows (help links go through the menu). */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The only pages the app opens in the user's browser: the ICO's guidance, from the Help menu. */
export const HELP_LINKS: readonly { label: string; url: string }[] = Object.freeze([
  { label: 'ICO: UK GDPR guidance and resources', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/' },
  {
    label: 'ICO: Direct marketing and PECR',
    url: 'https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/',
  },
  { label: 'ICO: Make a complaint', url: 'https://ico.org.uk/make-a-complaint/' },
]);

/** For `shell.openExternal`: an exact entry of HELP_LINKS, and https only. */
export function isAllowedExternal(url: string): boolean {
  if (!URL.canParse(url) || new URL(url).protocol !== 'https:') return false;
  return HELP_LINKS.some((link) => link.url === url);
}

/**
 * The one permission our own pages get: writing text to the clipboard (Copy beside a recovery key or a destruction
 * token, which the person asked for with a click). Reading the clipboard stays refused.
 */
export const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/** For `session.setPermissionRequestHandler`: camera, notifications, geolocation, clipboard reading, ... all refused. */
export function permissionRequestHandler(_webContents: unknown, permission: string, callback: (granted: boolean) => void, details?: { requestingUrl?: string }): void {
  callback(permission === CLIPBOARD_WRITE && typeof details?.requestingUrl === 'string' && isAppUrl(details.requestingUrl));
}

/** For `session.setPermissionCheckHandler`: every check answers "not granted", but clipboard writing for our origin. */
export function permissionCheckHandler(_webContents?: unknown, permission?: string, requestingOrigin?: string): boolean {
  return permission === CLIPBOARD_WRITE && (requestingOrigin === APP_ORIGIN || requestingOrigin === APP_ENTRY);
}

/** For `session.setDevicePermissionHandler`: no HID, serial or USB device. */
export function devicePermissionHandler(): boolean {
  return false;
}

const APP_BLOB = `blob:${APP_ORIGIN}/`;

/**
 * URLs the session may fetch at all (a second fence behind the CSP): our origin, blobs our pages made (downloads),
 * data: images and, in development, the dev tools. Web, socket and file URLs are cancelled: the app never talks
 * to the network.
 */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith(APP_BLOB) || url.startsWith('data:') || url.startsWith('devtools:');
}

/** For the session's will-download: only files our own pages made (an export, a certificate), saved where the user says. */
export function isAllowedDownload(url: string): boolean {
  return url.startsWith(APP_BLOB);
}

/** The frame behind an IPC message, as far as the check needs it (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  parent?: unknown | null;
}

/**
 * True only for our window's own main frame (the very same object: a child frame or another window with the same
 * URL is refused) while it shows a page of our origin. The router then validates the request itself.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, mainFrame: unknown): boolean {
  if (frame === null || frame === undefined || mainFrame === null || mainFrame === undefined) return false;
  if (frame !== mainFrame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return typeof frame.url === 'string' && isAppUrl(frame.url);
}
