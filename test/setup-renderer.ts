// Global setup of the `browser` project (vitest.config.ts): build the renderer to dist-renderer/, which the browser
// suite (test/e2e/harness.ts) serves, exactly as `npm run build:renderer` would.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
