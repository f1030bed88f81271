// Paths to the sample exports (copies of the shared fixtures, so a clone passes on its own) and scratch files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);

/** A scratch folder removed after the test file; `write` puts a file in it and returns its path. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'cs-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    path: (name: string) => join(dir, name),
    write(content: string | Uint8Array, name = `file-${++n}.csv`) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

export const NOTES = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
];
export const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
