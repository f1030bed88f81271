// The layering of docs/architecture.md is an allowlist in eslint.config.js. Prove it: lint one-line files placed in
// each layer that import a real file of another layer, and check that every direction the architecture forbids is
// refused and every direction it allows is clean. The matrix below is the specification, restated on purpose: a
// loosened config fails here.
import { ESLint } from 'eslint';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function lint(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}
const rules = async (code: string, file: string) => (await lint(code, file)).map((m) => m.rule);

/** The specifier `from` would write for the project file `target` (NodeNext: '.ts' and '.tsx' are imported as '.js'). */
function specifier(from: string, target: string): string {
  expect(existsSync(join(ROOT, target)), `${target} must be a real file`).toBe(true);
  const path = relative(dirname(from), target).split('\\').join('/').replace(/\.tsx?$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}
const importOf = (from: string, target: string) => `import '${specifier(from, target)}';\n`;

// Where a file of each layer lives (the file need not exist), and a real file each layer is imported by.
const LAYERS = {
  shared: { from: 'src/shared/x.ts', to: 'src/shared/vocabulary.ts' },
  crypto: { from: 'src/crypto/x.ts', to: 'src/crypto/vault-key.ts' }, // inside src/crypto
  cryptoApi: { from: null, to: 'src/crypto/index.ts' }, // its public API
  audit: { from: 'src/audit/x.ts', to: 'src/audit/audit-log.ts' },
  classify: { from: 'src/classify/x.ts', to: 'src/classify/findings.ts' },
  policy: { from: 'src/policy/x.ts', to: 'src/policy/index.ts' },
  retention: { from: 'src/retention/x.ts', to: 'src/retention/index.ts' },
  export: { from: 'src/export/x.ts', to: 'src/export/index.ts' },
  import: { from: 'src/import/x.ts', to: 'src/import/read-export.ts' },
  report: { from: 'src/report/x.ts', to: 'src/report/inspect.ts' },
  reportSchema: { from: 'src/report/report-schema.ts', to: 'src/report/report-schema.ts' },
  reportFormat: { from: null, to: 'src/report/format-report.ts' },
  vault: { from: 'src/vault/x.ts', to: 'src/vault/vault.ts' },
  app: { from: 'src/app/x.ts', to: 'src/app/use-cases/contacts.ts' },
  appService: { from: null, to: 'src/app/app-service.ts' },
  contract: { from: 'src/api/contract.ts', to: 'src/api/desktop-contract.ts' },
  api: { from: 'src/api/x.ts', to: 'src/api/router.ts' },
  cli: { from: 'src/cli/x.ts', to: 'src/cli/main.ts' },
  electron: { from: 'electron/x.ts', to: 'electron/ipc.ts' }, // adapters
  electronMain: { from: 'electron/main.ts', to: 'electron/main.ts' }, // the composition root
  renderer: { from: 'renderer/screens/x.tsx', to: 'renderer/api.ts' },
} as const;
type Layer = keyof typeof LAYERS;

/** What each layer may import (docs/architecture.md); everything else must be refused. */
const MAY_IMPORT: Record<Exclude<Layer, 'cryptoApi' | 'reportFormat' | 'appService'>, Layer[]> = {
  shared: ['shared'],
  crypto: ['shared', 'crypto', 'cryptoApi'],
  audit: ['shared', 'audit'],
  classify: ['shared', 'classify', 'import'],
  policy: ['shared', 'policy'],
  retention: ['shared', 'policy', 'retention'],
  export: ['shared', 'policy', 'retention', 'export'],
  import: ['shared', 'import'],
  reportSchema: ['shared', 'classify'],
  report: ['shared', 'classify', 'import', 'report', 'reportSchema', 'reportFormat'],
  vault: ['shared', 'cryptoApi', 'audit', 'policy', 'retention', 'classify', 'import', 'export', 'vault'],
  contract: ['shared', 'policy', 'retention', 'reportSchema', 'contract'],
  app: ['shared', 'cryptoApi', 'audit', 'vault', 'import', 'classify', 'policy', 'retention', 'export', 'report', 'reportSchema', 'reportFormat', 'app', 'appService', 'contract'],
  api: ['shared', 'contract', 'appService', 'api'],
  cli: ['shared', 'contract', 'api', 'appService', 'reportFormat', 'cli'],
  electron: ['shared', 'contract', 'api', 'electron'],
  electronMain: ['shared', 'contract', 'api', 'appService', 'electron'],
  renderer: ['shared', 'contract', 'renderer'],
};

describe('layering allowlist', () => {
  for (const [from, allowed] of Object.entries(MAY_IMPORT) as [keyof typeof MAY_IMPORT, Layer[]][]) {
    it(`${from} imports only ${allowed.join(', ')}`, async () => {
      const file = LAYERS[from].from;
      const wrong: string[] = [];
      for (const [to, { to: target }] of Object.entries(LAYERS) as [Layer, (typeof LAYERS)[Layer]][]) {
        if (target === file) continue;
        const found = await rules(importOf(file, target), file);
        const refused = found.includes('boundaries/dependencies');
        const expected = !allowed.includes(to);
        if (refused !== expected || (!expected && found.length > 0)) wrong.push(`${from} → ${to} (${target}): ${found.join(', ') || 'clean'}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  // The directions docs/architecture.md names, one by one, with the message a developer would see.
  it.each([
    ['renderer/screens/x.tsx', 'src/app/app-service.ts'],
    ['renderer/screens/x.tsx', 'src/vault/vault.ts'],
    ['renderer/x.ts', 'src/crypto/index.ts'],
    ['renderer/x.ts', 'src/import/read-export.ts'],
    ['src/api/contract.ts', 'src/vault/vault.ts'],
    ['src/api/contract.ts', 'src/app/app-service.ts'],
    ['src/api/contract.ts', 'src/api/router.ts'],
    ['src/api/contract.ts', 'src/report/inspect.ts'],
    ['src/policy/x.ts', 'src/vault/vault.ts'],
    ['src/classify/x.ts', 'src/vault/contacts-repo.ts'],
    ['src/retention/x.ts', 'src/app/app-service.ts'],
    ['src/export/x.ts', 'src/import/read-export.ts'],
    ['src/vault/x.ts', 'src/app/app-service.ts'],
    ['src/vault/x.ts', 'src/api/router.ts'],
    ['src/vault/x.ts', 'src/cli/main.ts'],
    ['src/vault/x.ts', 'src/crypto/vault-key.ts'],
    ['src/app/x.ts', 'src/crypto/key-slots.ts'],
    ['src/cli/x.ts', 'src/vault/vault.ts'],
    ['src/cli/x.ts', 'src/crypto/index.ts'],
    ['src/cli/x.ts', 'src/audit/audit-log.ts'],
    ['src/cli/x.ts', 'src/app/use-cases/contacts.ts'],
    ['src/shared/x.ts', 'src/policy/index.ts'],
    ['src/crypto/x.ts', 'src/vault/vault.ts'],
    ['src/audit/x.ts', 'src/vault/vault.ts'],
    ['electron/x.ts', 'src/app/app-service.ts'],
    ['electron/x.ts', 'src/vault/vault.ts'],
    ['electron/x.ts', 'electron/main.ts'],
    ['src/api/x.ts', 'renderer/api.ts'],
    ['src/app/x.ts', 'electron/ipc.ts'],
    ['src/vault/x.ts', 'test/support/vault.ts'],
  ])('%s may not import %s', async (from, target) => {
    const found = await lint(importOf(from, target), from);
    expect(found).toEqual([{ rule: 'boundaries/dependencies', message: expect.stringContaining(`may not import "${target}"`) }]);
  });

  it('counts type-only imports, re-exports and import() as well', async () => {
    const vault = specifier('renderer/x.ts', 'src/vault/session.ts');
    expect(await rules(`import type { Session } from '${vault}';\nexport type S = Session;\n`, 'renderer/x.ts')).toEqual(['boundaries/dependencies']);
    expect(await rules(`export type { Session } from '${vault}';\n`, 'renderer/x.ts')).toEqual(['boundaries/dependencies']);
    expect(await rules(`export * from '${vault}';\n`, 'renderer/x.ts')).toEqual(['boundaries/dependencies']);
    expect(await rules(`export const load = () => import('${vault}');\n`, 'renderer/x.ts')).toEqual(['boundaries/dependencies']);
  });

  it('puts every file of src/ in a layer', async () => {
    expect(await rules('export const x = 1;\n', 'src/x.ts')).toEqual(['boundaries/no-unknown-files']);
    expect(await rules('export const x = 1;\n', 'src/newlayer/x.ts')).toEqual(['boundaries/no-unknown-files']);
    expect(await rules("declare module 'x' {\n  export const y: number;\n}\n", 'src/types-x.d.ts')).toEqual([]);
  });

  it('does not check tests, which may import anything', async () => {
    expect(await rules(importOf('test/x.test.ts', 'src/vault/vault.ts'), 'test/x.test.ts')).toEqual([]);
  });
});

describe('packages and Node built-ins', () => {
  const nodeFs = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
  const bareFs = "import { readFile } from 'fs/promises';\nexport const r = readFile;\n";

  it('src/ may not import electron, react or react-dom', async () => {
    expect(await rules("import { app } from 'electron';\nexport const a = app;\n", 'src/api/x.ts')).toContain('no-restricted-imports');
    expect(await rules("import React from 'react';\nexport const r = React;\n", 'src/report/x.ts')).toContain('no-restricted-imports');
    expect(await rules("import { createRoot } from 'react-dom/client';\nexport const c = createRoot;\n", 'src/app/x.ts')).toContain('no-restricted-imports');
  });

  it('the shared vocabularies, pure modules, the contract and the report schema may not import Node built-ins', async () => {
    const pure = ['src/shared/x.ts', 'src/classify/x.ts', 'src/policy/x.ts', 'src/retention/x.ts', 'src/export/x.ts', 'src/import/normalise.ts', 'src/api/contract.ts', 'src/api/desktop-contract.ts', 'src/report/report-schema.ts'];
    for (const file of pure) {
      expect(await rules(nodeFs, file), file).toEqual(['no-restricted-imports']);
      expect(await rules(bareFs, file), file).toEqual(['no-restricted-imports']);
    }
  });

  it('the rest of the core may use Node', async () => {
    for (const file of ['src/import/x.ts', 'src/vault/x.ts', 'src/app/x.ts', 'src/api/router.ts', 'src/cli/x.ts']) expect(await rules(nodeFs, file), file).toEqual([]);
  });

  it('the renderer has no Node, no Electron and none of the core packages', async () => {
    expect(await rules(nodeFs, 'renderer/x.ts')).toEqual(['no-restricted-imports']);
    expect(await rules(bareFs, 'renderer/x.ts')).toEqual(['no-restricted-imports']);
    for (const pkg of ['electron', 'better-sqlite3', 'papaparse', 'yauzl']) {
      expect(await rules(`import x from '${pkg}';\nexport const y = x;\n`, 'renderer/screens/x.tsx'), pkg).toEqual(['no-restricted-imports']);
    }
    expect(await rules("import { useState } from 'react';\nexport const u = useState;\n", 'renderer/x.tsx')).toEqual([]);
  });

  it('Electron adapters only type-import electron; main.ts and preload.ts load it', async () => {
    const value = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await rules(value, 'electron/x.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rules("import type { App } from 'electron';\nexport type A = App;\n", 'electron/x.ts')).toEqual([]);
    expect(await rules(value, 'electron/main.ts')).toEqual([]);
    expect(await rules(value, 'electron/preload.ts')).toEqual([]);
  });
});
