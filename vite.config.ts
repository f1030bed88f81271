// Build of the desktop app's renderer (renderer/ → dist-renderer/): relative asset paths so that Electron can
// load it from a file, no source maps, and no inline script (the app runs under script-src 'self').
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ command }) => {
  // A build is for shipping, even when started with NODE_ENV=test (the test suite's global setup runs it so): Vite
  // reads NODE_ENV after this file, and anything but 'production' would bundle React's development build with
  // absolute source paths in it.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: here('./renderer'),
    base: './',
    plugins: [react()],
    build: {
      // RENDERER_OUT_DIR (a folder under the checkout) lets two browser-suite runs on one checkout build apart.
      outDir: here(`./${process.env.RENDERER_OUT_DIR ?? 'dist-renderer'}`),
      emptyOutDir: true,
      sourcemap: false,
      // The preload polyfill is an inline script; Electron's Chromium supports modulepreload natively.
      modulePreload: { polyfill: false },
      // Never turn an asset into a data: URL: every file is served from 'self'.
      assetsInlineLimit: 0,
      target: 'chrome128',
    },
    server: {
      // The renderer imports the IPC contract's types from src/api.
      fs: { allow: [here('.')] },
    },
  };
});
