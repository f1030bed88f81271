// What app:// answers: the renderer's files with their MIME types and the security headers, errors without a body.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, loadAppAsset } from '../../electron/app-protocol.js';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../electron/security.js';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cs-protocol-'));
  root = join(base, 'dist-renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Contact Sanitizer</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), 'not for the renderer');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('loadAppAsset', () => {
  it('serves index.html for / with the CSP and nosniff', async () => {
    const answer = await loadAppAsset(`${APP_ORIGIN}/`, 'GET', root);
    expect(answer.status).toBe(200);
    expect(Buffer.from(answer.body!).toString()).toContain('<title>Contact Sanitizer</title>');
    expect(answer.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('serves module scripts as JavaScript (nosniff would block anything else)', async () => {
    const answer = await loadAppAsset(`${APP_ORIGIN}/assets/index-abc.js`, 'GET', root);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file and for a path out of the folder, without reading it', async () => {
    expect((await loadAppAsset(`${APP_ORIGIN}/missing.js`, 'GET', root)).status).toBe(404);
    for (const url of [`${APP_ORIGIN}/../secret.txt`, `${APP_ORIGIN}/%2e%2e/secret.txt`]) {
      const answer = await loadAppAsset(url, 'GET', root, () => Promise.reject(new Error('must not read')));
      expect(answer, url).toMatchObject({ status: 404, body: null });
      expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await loadAppAsset(`${APP_ORIGIN}/`, 'HEAD', root)).toMatchObject({ status: 200, body: null });
    expect((await loadAppAsset(`${APP_ORIGIN}/`, 'POST', root)).status).toBe(405);
  });
});

describe('contentType', () => {
  it('knows the types a Vite build emits and falls back to octet-stream', () => {
    expect(contentType('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentType('logo.svg')).toBe('image/svg+xml');
    expect(contentType('font.woff2')).toBe('font/woff2');
    expect(contentType('archive.exe')).toBe('application/octet-stream');
  });
});
