// The Audit screen reads the log in words (renderer/lib/audit-text.ts): every action the core can write has its
// sentence, found by reading the core's sources for the words it passes to the log; details read as phrases with
// vocabulary words in the screens' labels and ids whole.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_TEXT, actionText, detailPhrases } from '../../renderer/lib/audit-text.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Every action word a use case, the destruction or the vault passes to the audit log, read from the sources. */
function actionsWritten(): Set<string> {
  const words = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(?:perform|repeatableRead|performAsync)(?:<[^>]*>)?\(\s*'([a-z0-9-]+)'/g)) words.add(m[1]!);
        for (const m of text.matchAll(/audit\.append\([^,]+,\s*(?:[a-zA-Z]+ \? )?'([a-z0-9-]+)'(?: : '([a-z0-9-]+)')?/g)) {
          words.add(m[1]!);
          if (m[2]) words.add(m[2]);
        }
        for (const m of text.matchAll(/action: '([a-z0-9-]+)'/g)) words.add(m[1]!);
      }
    }
  };
  walk(SRC);
  return words;
}

describe('the audit log in words', () => {
  it('has a sentence for every action the core writes', () => {
    const written = [...actionsWritten()];
    expect(written.length).toBeGreaterThan(60);
    expect(written.filter((a) => !(a in ACTION_TEXT))).toEqual([]);
    for (const [action, text] of Object.entries(ACTION_TEXT)) {
      if (action.includes('-')) expect(text, action).not.toContain(action); // never the slug itself
      expect(text).toMatch(/^[A-Z]/);
    }
  });

  it('reads details as phrases: vocabulary in words, ids whole, numbers with separators', () => {
    const id = '0b9a3c1e-5d2f-4a8b-9c7d-1e2f3a4b5c6d';
    const phrases = detailPhrases({ purpose: 'networking', basis: 'legitimate-interests', added: 12_345, certificateId: id, dryRun: false, reason: 'not-found', emailsWithheld: 2 });
    expect(phrases).toEqual([
      { key: 'purpose', label: 'purpose', value: 'Professional networking', id: false },
      { key: 'basis', label: 'basis', value: 'Legitimate interests', id: false },
      { key: 'added', label: 'added', value: '12,345', id: false },
      { key: 'certificateId', label: 'certificate id', value: id, id: true },
      { key: 'dryRun', label: 'dry run', value: 'no', id: false },
      { key: 'reason', label: 'reason', value: 'not found', id: false },
      { key: 'emailsWithheld', label: 'emails withheld', value: '2', id: false },
    ]);
    expect(actionText('import-commit')).toBe('Imported a file');
    expect(actionText('some-future-action')).toBe('some future action');
  });
});
