// Global setup of the `integration` project (vitest.config.ts): compile the core to dist/, which the CLI tests, the
// crash tests' child processes and the core's worker thread run, exactly as `npm run build` would.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}
