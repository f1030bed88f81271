// Before the suite: compile the core (the CLI tests and the crash tests' child processes run dist/) and build the
// renderer (the browser suite loads dist-renderer/), exactly as `npm start` would.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const run = (script: string, ...args: string[]) => execFileSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  run('node_modules/typescript/bin/tsc', '-p', join(root, 'tsconfig.build.json'));
  run('node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn');
}
