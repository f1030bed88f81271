// Lint rules, and the layering of docs/architecture.md written as an allowlist: every file of src/, electron/ and
// renderer/ belongs to a layer, and each layer names the layers it may import (type-only imports included); anything
// else is an error. Import cycles are refused by test/import-graph.test.ts. test/lint-boundaries.test.ts proves
// that each forbidden direction fails.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---- Layers -------------------------------------------------------------------------------------------------------

// One folder, one layer. Paths are relative to this file.
const LAYER_FOLDERS = {
  shared: 'src/shared', // error codes, vocabularies, domain types: imported by every layer, importing none
  crypto: 'src/crypto', // the only module that sees key bytes
  audit: 'src/audit',
  classify: 'src/classify', // pure
  policy: 'src/policy', // pure
  retention: 'src/retention', // pure
  export: 'src/export', // pure
  import: 'src/import', // reads files (papaparse, ZIP)
  report: 'src/report',
  vault: 'src/vault', // storage only
  app: 'src/app', // use cases and the app service
  api: 'src/api', // the contract (below) and the router and worker plumbing
  cli: 'src/cli',
  electron: 'electron',
  renderer: 'renderer',
};

// Files that sit in a layer's folder but obey their own rules.
/** The IPC contract: zod schemas, names and the access table, shared by every front end (the renderer included). Pure. */
const CONTRACT_FILES = ['contract.ts', 'access.ts', 'desktop-contract.ts', 'schemas.ts'];
/** The one part of src/report the contract may use: the report's schema. Pure. */
const REPORT_SCHEMA = 'report-schema.ts';

const layer = (type, fileInternalPath) => ({ element: fileInternalPath ? { type, fileInternalPath } : { type } });
const not = (files) => (files.length === 1 ? `!${files[0]}` : `!{${files.join(',')}}`);

/** Selectors of the layers, as both importers and imported. */
const L = {
  shared: layer('shared'),
  crypto: layer('crypto'),
  cryptoApi: layer('crypto', 'index.ts'), // everyone outside src/crypto goes through its index
  audit: layer('audit'),
  classify: layer('classify'),
  policy: layer('policy'),
  retention: layer('retention'),
  export: layer('export'),
  import: layer('import'),
  report: layer('report', not([REPORT_SCHEMA])),
  reportSchema: layer('report', REPORT_SCHEMA),
  reportFormat: layer('report', 'format-report.ts'), // what the CLI prints a report with
  vault: layer('vault'),
  app: layer('app'),
  appService: layer('app', 'app-service.ts'), // what a composition root builds
  contract: layer('api', CONTRACT_FILES),
  api: layer('api', not(CONTRACT_FILES)), // router and worker plumbing
  cli: layer('cli'),
  electronMain: layer('electron', 'main.ts'), // the desktop composition root
  electron: layer('electron', not(['main.ts'])), // adapters, the preload, build scripts
  renderer: layer('renderer'),
};

/** The allowlist: what each layer may import, itself included. */
const ALLOWED = [
  ['shared', ['shared']],
  ['crypto', ['crypto', 'shared']],
  ['audit', ['audit', 'shared']],
  ['classify', ['classify', 'shared', 'import']],
  ['policy', ['policy', 'shared']],
  ['retention', ['retention', 'shared', 'policy']],
  ['export', ['export', 'shared', 'policy', 'retention']],
  ['import', ['import', 'shared']],
  ['reportSchema', ['shared', 'classify']],
  ['report', ['report', 'reportSchema', 'shared', 'import', 'classify']],
  ['vault', ['vault', 'shared', 'cryptoApi', 'audit', 'policy', 'retention', 'classify', 'import', 'export']],
  ['contract', ['contract', 'shared', 'policy', 'retention', 'reportSchema']],
  [
    'app',
    ['app', 'shared', 'cryptoApi', 'audit', 'vault', 'import', 'classify', 'policy', 'retention', 'export', 'report', 'reportSchema', 'contract'],
  ],
  // Only the app service, never a use case directly: authorisation happens in AppService.call.
  ['api', ['api', 'contract', 'shared', 'appService']],
  // The CLI builds requests, calls the router and prints the answers; it builds the app service as its composition
  // root and never touches storage or keys itself.
  ['cli', ['cli', 'shared', 'contract', 'api', 'appService', 'reportFormat']],
  ['electron', ['electron', 'shared', 'contract', 'api']],
  ['electronMain', ['electron', 'shared', 'contract', 'api', 'appService']],
  // The renderer shows personal data and is treated as untrusted: it reaches the core only through the contract.
  ['renderer', ['renderer', 'shared', 'contract']],
];

const layering = {
  default: 'disallow',
  checkInternals: true, // a layer's own files are checked too: the contract shares src/api with the router
  checkUnknownLocals: true, // importing a file of no layer (test/, bench/, …) is refused as well
  message:
    'Layering (docs/architecture.md): "{{ from.file.path }}" ({{ from.element.types.[0] }}) may not import ' +
    '"{{ to.file.path }}" ({{#if to.element.types}}{{ to.element.types.[0] }}{{else}}no layer{{/if}}).',
  policies: ALLOWED.map(([from, to]) => ({ from: L[from], allow: { to: to.map((name) => L[name]) } })),
};

// TypeScript sources import './x.js' for './x.ts' (NodeNext). The node resolver only finds files that exist, so a
// '.js' path that does not exist is mapped to the '.ts'/'.tsx' beside it (resolve's pathFilter hook).
function tsSourceFor(_pkg, absolutePath, relativePath) {
  if (!absolutePath.endsWith('.js') || existsSync(absolutePath)) return undefined;
  const ext = ['.ts', '.tsx'].find((e) => existsSync(absolutePath.slice(0, -3) + e));
  return ext ? relativePath.slice(0, -3) + ext : undefined;
}

// ---- Packages and Node built-ins (not layers) ----------------------------------------------------------------------
// Exact names in `paths` and only 'x/…' subpaths in `patterns`: a bare pattern 'electron' would also match the
// relative path '../electron/ipc.js', which is the layering's business, not this rule's.

const restrict = (names, message) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [{ group: names.map((name) => `${name}/*`), message }],
});
const merge = (...all) => ({ paths: all.flatMap((r) => r.paths), patterns: all.flatMap((r) => r.patterns) });

const noElectron = restrict(['electron'], 'src/ is the core: it runs under plain Node (tests, CLI). Electron lives in electron/.');
const noReact = restrict(['react', 'react-dom'], 'src/ is the core: React belongs in renderer/.');
const nodeBuiltins = (message) => ({
  // builtinModules lists every built-in by its bare name ('fs', 'fs/promises', …); 'node:' covers the rest.
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});
const noNode = nodeBuiltins('A pure module: no Node built-ins, so it could run anywhere (the renderer imports the contract).');

export default tseslint.config(
  { ignores: ['dist/', 'dist-renderer*/', 'dist-electron/', 'release/', 'node_modules/', 'coverage/', 'bench/out/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The layering. Tests, bench/ and config files are not checked: they may import anything.
    files: ['src/**', 'electron/**', 'renderer/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'], pathFilter: tsSourceFor } },
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': Object.entries(LAYER_FOLDERS).map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
      // Ambient module declarations for untyped packages: they import nothing of the project.
      'boundaries/files': [{ category: 'declarations', pattern: 'src/*.d.ts' }],
    },
    rules: {
      'boundaries/dependencies': ['error', layering],
      'boundaries/no-unknown-files': 'error', // every file belongs to a layer
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', merge(noElectron, noReact)] },
  },
  {
    // Pure modules import no Node built-ins, so they could run anywhere; the shared vocabularies and the contract
    // (and the report schema it uses) are also loaded by the sandboxed renderer.
    files: [
      'src/shared/**/*.ts',
      'src/classify/**/*.ts',
      'src/policy/**/*.ts',
      'src/retention/**/*.ts',
      'src/export/**/*.ts',
      'src/import/normalise.ts',
      'src/import/formats.ts',
      ...CONTRACT_FILES.map((f) => `src/api/${f}`),
      `src/report/${REPORT_SCHEMA}`,
    ],
    rules: { 'no-restricted-imports': ['error', merge(noElectron, noReact, noNode)] },
  },
  {
    // Electron adapters take Electron as a parameter, so they can be tested under plain Node; only the composition
    // root and the preload load it.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', allowTypeImports: true, message: 'Only main.ts and preload.ts load Electron; adapters take it as a parameter.' }] },
      ],
    },
  },
  {
    // The renderer has no Node and none of the core's packages: it asks the core through window.sanitizer.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        merge(
          nodeBuiltins('The renderer has no Node: ask the core through window.sanitizer.'),
          restrict(['better-sqlite3', 'papaparse', 'yauzl', 'electron'], 'Not in the renderer: the core does this.'),
        ),
      ],
    },
  },
);
