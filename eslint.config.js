// Lint rules, and the import boundaries of ARCHITECTURE.md: src/ (the core) never imports Electron, React or the
// renderer; the pure modules never import Node built-ins.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noUi = [
  { group: ['electron', 'electron/*'], message: 'src/ is the core: it runs under plain Node (tests, CLI). Electron lives in electron/.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/ is the core: React belongs in renderer/.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'src/ must not depend on the front ends.' },
  {
    group: ['**/crypto/*', '!**/crypto/index.js'],
    message: 'Only src/crypto sees key bytes: import its public API from crypto/index.js.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-renderer/', 'dist-electron/', 'release/', 'node_modules/', 'coverage/', 'bench/out/', 'test-results/'] },
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
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUi }] },
  },
  {
    // Inside src/crypto the files import each other directly.
    files: ['src/crypto/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noUi.slice(0, 3) }] },
  },
  {
    // Pure modules: classification and policy rules import no Node built-ins, so they could run anywhere.
    files: ['src/classify/**/*.ts', 'src/policy/**/*.ts', 'src/retention/**/*.ts', 'src/export/**/*.ts', 'src/import/normalise.ts', 'src/import/formats.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noUi, { group: ['node:*', 'fs', 'path', 'stream', 'crypto', 'os', 'util'], message: 'A pure module: no Node built-ins.' }] },
      ],
    },
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
    // The renderer shows personal data and is treated as untrusted: it talks to the core only through the IPC
    // contract (window.sanitizer), never to the vault, the keys or the file system.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'stream', 'crypto', 'os', 'util', 'child_process'], message: 'The renderer has no Node: ask the core through window.sanitizer.' },
            { group: ['**/src/vault/**', '**/src/crypto/**', '**/src/audit/**', '**/src/import/**', '**/src/report/inspect*'], message: 'The renderer reaches the core only through the IPC contract (src/api/contract.ts).' },
            { group: ['better-sqlite3', 'papaparse', 'yauzl', 'electron'], message: 'Not in the renderer: the core does this.' },
          ],
        },
      ],
    },
  },
);
