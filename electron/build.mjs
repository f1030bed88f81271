// Builds the desktop shell into dist-electron/ with esbuild (installed with Vite): main.js (ESM; npm packages stay
// external and ship in node_modules, better-sqlite3 among them), core-worker.js (the core's thread), preload.cjs (one sandbox-safe CommonJS file that
// requires only 'electron') and after-pack.mjs (electron-builder's hook that flips the fuses).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-electron');
/** @type {import('esbuild').BuildOptions} */
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'info' };

rmSync(out, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: join(out, 'main.js'), format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['src/api/core-worker.ts'], outfile: join(out, 'core-worker.js'), format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: join(out, 'preload.cjs'), format: 'cjs', external: ['electron'], minify: true }),
  build({ ...common, entryPoints: ['electron/fuses.ts'], outfile: join(out, 'after-pack.mjs'), format: 'esm', packages: 'external', sourcemap: false }),
]);
