// The import boundaries of ARCHITECTURE.md are enforced by the lint config: prove that it refuses a crossing.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });
const lint = async (code: string, file: string) => (await eslint.lintText(code, { filePath: file }))[0]!.messages.map((m) => m.ruleId);

describe('import boundaries', () => {
  it('src/ may not import electron, react or the renderer', async () => {
    expect(await lint("import { app } from 'electron';\nexport const a = app;\n", 'src/api/x.ts')).toContain('no-restricted-imports');
    expect(await lint("import React from 'react';\nexport const r = React;\n", 'src/report/x.ts')).toContain('no-restricted-imports');
    expect(await lint("import { x } from '../../renderer/app.js';\nexport const y = x;\n", 'src/report/x.ts')).toContain('no-restricted-imports');
  });

  it('pure modules may not import Node built-ins', async () => {
    for (const pure of ['src/classify/x.ts', 'src/policy/x.ts', 'src/retention/x.ts', 'src/export/x.ts']) {
      expect(await lint("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", pure), pure).toContain('no-restricted-imports');
    }
  });

  it('only src/crypto reaches inside src/crypto; everyone else uses its public API', async () => {
    expect(await lint("import { keyBytes } from '../crypto/vault-key.js';\nexport const k = keyBytes;\n", 'src/vault/x.ts')).toContain('no-restricted-imports');
    expect(await lint("import { deriveKeys } from '../crypto/index.js';\nexport const d = deriveKeys;\n", 'src/vault/x.ts')).toEqual([]);
    expect(await lint("import { keyBytes } from './vault-key.js';\nexport const k = keyBytes;\n", 'src/crypto/x.ts')).toEqual([]);
  });

  it('the renderer may not import the vault, the keys or Node, only the IPC contract', async () => {
    expect(await lint("import { Vault } from '../../src/vault/vault.js';\nexport const v = Vault;\n", 'renderer/screens/x.tsx')).toContain('no-restricted-imports');
    expect(await lint("import { deriveKeys } from '../src/crypto/index.js';\nexport const d = deriveKeys;\n", 'renderer/x.ts')).toContain('no-restricted-imports');
    expect(await lint("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'renderer/x.ts')).toContain('no-restricted-imports');
    expect(await lint("import { CHANNEL_NAMES } from '../src/api/contract.js';\nexport const c = CHANNEL_NAMES;\n", 'renderer/x.ts')).toEqual([]);
  });

  it('the rest of src/ may use Node', async () => {
    expect(await lint("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'src/import/x.ts')).toEqual([]);
  });
});
