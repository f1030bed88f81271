// The public API of src/export, and its purity: no Node built-ins, no clock, no I/O (plain data in, strings out).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/export/index.js';

const SRC = join(import.meta.dirname, '..', '..', 'src', 'export');
const sources = readdirSync(SRC)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => [f, readFileSync(join(SRC, f), 'utf8')] as const);

describe('src/export', () => {
  it('exports the public API', () => {
    for (const name of [
      'neutraliseCell',
      'toCsv',
      'crmExport',
      'crmDecisions',
      'hubspotLegalBasis',
      'subjectAccessJson',
      'subjectAccessCsv',
      'art30Markdown',
      'art30Csv',
      'DEFAULT_SECURITY_MEASURES',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });

  it.each(sources)('%s is pure: no Node built-ins, no clock, no I/O, no randomness', (_file, text) => {
    // Values come only from this folder, the (pure) policy module and the shared vocabularies; types may come from anywhere in src/.
    const specs = [...text.matchAll(/^(?:import|export) (type )?[^;]*?from '([^']+)';/gms)];
    expect(specs.length).toBe(text.match(/ from '/g)?.length ?? 0); // every import was checked
    for (const [, kind, spec = ''] of specs) {
      expect(spec, spec).toMatch(kind ? /^\.\.?\// : /^\.\/|^\.\.\/(policy|shared)\//);
    }
    expect(text).not.toMatch(/\bDate\.now\b|new Date\(|performance\.now|process\.|Math\.random|\brequire\(|import\(|\bfetch\(/);
  });
});
