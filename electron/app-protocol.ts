// What the app:// protocol answers for a request: the built renderer's file with its MIME type and the security
// headers, or a bare error. Plain Node, so it is tested without Electron; main.ts turns the answer into a Response.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveAppAsset, withSecurityHeaders } from './security.js';

export interface AssetAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

// nosniff makes the browser trust these types, so a module script served as anything else would not run.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export async function loadAppAsset(
  url: string,
  method: string,
  rootDir: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): Promise<AssetAnswer> {
  const plain = (status: number): AssetAnswer => ({ status, headers: withSecurityHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }), body: null });
  if (method !== 'GET' && method !== 'HEAD') return plain(405);
  const file = resolveAppAsset(url, rootDir);
  if (!file) return plain(404);
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    return plain(404);
  }
  return { status: 200, headers: withSecurityHeaders({ 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' }), body: method === 'HEAD' ? null : body };
}
